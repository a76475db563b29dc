package org.incidentintel.domain.dialogue;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

/**
 * People, by name.
 */
public interface PersonRepository extends JpaRepository<Person, Long> {

	Optional<Person> findByName(String name);

}
