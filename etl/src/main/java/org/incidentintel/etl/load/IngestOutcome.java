package org.incidentintel.etl.load;

import java.util.Map;

/**
 * How a load ended, read back from its ingest run.
 *
 * @param runId the ingest run
 * @param completed whether the job completed
 * @param message why it failed, or null
 * @param details rejects by reason, warnings by code, unresolved names with counts
 */
public record IngestOutcome(long runId, String dataset, String fileName, boolean completed, String message, long read,
		long inserted, long updated, long unchanged, long rejected, long filtered,
		Map<String, Map<String, Long>> details, double seconds) {

	/** Whether the run changed nothing in the database (a re-run of the same file). */
	public boolean changedNothing() {
		return this.inserted == 0 && this.updated == 0;
	}

}
