package org.incidentintel.domain.region;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

/**
 * Regions, by reference key or country.
 */
public interface RegionRepository extends JpaRepository<Region, Long> {

	Optional<Region> findByKey(String key);

	List<Region> findByCountryOrderByName(String country);

}
