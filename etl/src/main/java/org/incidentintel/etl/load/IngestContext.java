package org.incidentintel.etl.load;

/**
 * The provenance every row of one load carries: which run, which file (by name and
 * checksum) and which dataset.
 */
record IngestContext(long ingestRunId, String dataset, String datasetVersion, String fileName, String fileChecksum) {

}
