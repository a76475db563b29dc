package org.incidentintel.api.incident;

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
 */
public record IncidentSource(long id, long incidentId, String dataset, String datasetVersion, String recordId,
		Long line, String fileChecksum, Double matchScore, String matchEvidence, long ingestRunId) {

}
