package org.incidentintel.domain.source;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

/**
 * Ingest runs, newest first.
 */
public interface IngestRunRepository extends JpaRepository<IngestRun, Long> {

	List<IngestRun> findTop20ByOrderByIdDesc();

}
