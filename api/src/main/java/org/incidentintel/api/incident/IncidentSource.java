package org.incidentintel.api.incident;

import java.time.LocalDate;

import org.incidentintel.domain.common.DatePrecision;

/**
 * A source record reporting an incident, with its provenance; its ingest run is batch
 * loaded.
 *
 * @param id the source record's row id
 * @param incidentId the incident it reports
 * @param dataset the source dataset
 * @param datasetVersion the dataset version, if stated
 * @param recordId the record's id in its source
 * @param line the line or record number in its file
 * @param fileChecksum SHA-256 of its file
 * @param matchScore how well it matched the incident, if it was matched
 * @param matchEvidence why it was matched, if it was
 * @param ingestRunId the run that loaded it
 * @param reported what the record itself says, normalized
 * @param raw the record as the source wrote it
 */
public record IncidentSource(long id, long incidentId, String dataset, String datasetVersion, String recordId,
		Long line, String fileChecksum, Double matchScore, String matchEvidence, long ingestRunId, Reported reported,
		String raw) {

	/**
	 * {@code ReportedFigures}: one source record's own values, before they were merged
	 * into the canonical incident.
	 *
	 * @param date first day
	 * @param endDate last day
	 * @param datePrecision how precise the dates are
	 * @param place the place as reported
	 * @param region the region name as reported
	 * @param killed killed, best estimate
	 * @param killedLow killed, low estimate
	 * @param killedHigh killed, high estimate
	 * @param injured injured
	 * @param actors the actors' names as reported
	 */
	public record Reported(LocalDate date, LocalDate endDate, DatePrecision datePrecision, String place, String region,
			Integer killed, Integer killedLow, Integer killedHigh, Integer injured, String actors) {
	}

}
