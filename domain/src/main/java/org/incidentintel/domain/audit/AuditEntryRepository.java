package org.incidentintel.domain.audit;

import org.springframework.data.jpa.repository.JpaRepository;

/**
 * The audit log's entries.
 */
public interface AuditEntryRepository extends JpaRepository<AuditEntry, Long> {

}
