package org.incidentintel.domain.source;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

/**
 * Source records, by their natural key (dataset, source record id) or by canonical
 * incident.
 */
public interface SourceRecordRepository extends JpaRepository<SourceRecord, Long> {

	Optional<SourceRecord> findByDatasetAndSourceRecordId(String dataset, String sourceRecordId);

	List<SourceRecord> findByIncidentIdOrderById(Long incidentId);

	long countByDataset(String dataset);

}
