package org.incidentintel.domain.dialogue;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

/**
 * Dialogue rounds, by reference key.
 */
public interface DialogueRepository extends JpaRepository<Dialogue, Long> {

	Optional<Dialogue> findByKey(String key);

	/** The round that names this one as its previous round. */
	Optional<Dialogue> findByPreviousId(Long previousId);

}
