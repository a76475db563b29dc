package org.incidentintel.domain.incident;

import org.springframework.data.jpa.repository.JpaRepository;

/**
 * Canonical incidents.
 */
public interface IncidentRepository extends JpaRepository<Incident, Long> {

}
