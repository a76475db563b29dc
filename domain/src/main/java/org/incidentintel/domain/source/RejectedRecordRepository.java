package org.incidentintel.domain.source;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

/**
 * Rejected rows of ingest runs.
 */
public interface RejectedRecordRepository extends JpaRepository<RejectedRecord, Long> {

	List<RejectedRecord> findByIngestRunIdOrderByLineNumber(Long ingestRunId);

	long countByIngestRunId(Long ingestRunId);

}
