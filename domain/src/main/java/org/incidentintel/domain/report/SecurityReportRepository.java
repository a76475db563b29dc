package org.incidentintel.domain.report;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

/**
 * Security reports, by reference key.
 */
public interface SecurityReportRepository extends JpaRepository<SecurityReport, Long> {

	Optional<SecurityReport> findByKey(String key);

}
