package org.incidentintel.domain.organization;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/**
 * Organizations, looked up by reference key or by any alias.
 */
public interface OrganizationRepository extends JpaRepository<Organization, Long> {

	Optional<Organization> findByKey(String key);

	/**
	 * Organizations that carry an alias with this normalized key (see {@code NameKey}).
	 */
	@Query("select distinct a.organization from OrganizationAlias a where a.normalizedKey = :normalizedKey")
	List<Organization> findByAliasKey(String normalizedKey);

}
