package org.incidentintel.api.ingest;

import java.time.Duration;
import java.time.Instant;

/**
 * The read model of the GraphQL {@code IngestRunProgress} type: where a run stands at one
 * moment.
 *
 * @param run the run as it stands
 * @param rowsRead source rows read so far
 * @param rowsPerSecond rows read per second since the run started; null before any time
 * passed
 * @param rejected rows rejected so far
 * @param status the run's status
 * @param done whether the run has ended
 */
record IngestRunProgress(IngestRun run, long rowsRead, Double rowsPerSecond, long rejected, String status,
		boolean done) {

	static final String RUNNING = "RUNNING";

	/**
	 * The progress of a run, from its row and its last committed chunk: while it runs the
	 * ETL commits its counts to {@code load_checkpoint} with every chunk, and to the
	 * run's own row when it ends; the greater of each is the latest.
	 * @param run the run's row
	 * @param checkpointRows the rows its last committed chunk had consumed (0 without
	 * one)
	 * @param checkpointRejected the rows rejected up to that chunk (0 without one)
	 * @param now the moment of the reading
	 */
	static IngestRunProgress of(IngestRun run, long checkpointRows, long checkpointRejected, Instant now) {
		long rowsRead = Math.max(run.readCount(), checkpointRows);
		boolean done = !RUNNING.equals(run.status());
		Instant end = (done && run.finishedAt() != null) ? run.finishedAt() : now;
		long millis = Duration.between(run.startedAt(), end).toMillis();
		Double rate = (millis > 0) ? rowsRead * 1000.0 / millis : null;
		return new IngestRunProgress(run, rowsRead, rate, Math.max(run.rejectedCount(), checkpointRejected),
				run.status(), done);
	}

	/**
	 * Whether this reading says something the previous one did not (the rate alone
	 * changes with time, so it does not count).
	 */
	boolean sameAs(IngestRunProgress previous) {
		return this.rowsRead == previous.rowsRead && this.rejected == previous.rejected
				&& this.status.equals(previous.status);
	}

}
