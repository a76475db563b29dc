package org.incidentintel.domain.source;

/**
 * Where an ingest run stands.
 */
public enum IngestStatus {

	RUNNING, COMPLETED, FAILED

}
