package org.incidentintel.etl.load;

/**
 * A run cut off by its database (an outage, a lost connection): the job could not even
 * record how it ended, so the run is left RUNNING with its committed chunks in place;
 * {@code restart --run N} continues it once the database is back.
 */
public class IngestInterruptedException extends RuntimeException {

	private final long runId;

	IngestInterruptedException(long runId, Throwable cause) {
		super("run " + runId + " was cut off by the database: " + IngestJobListener.rootMessage(cause)
				+ ". The chunks committed before stay loaded; once the database is back, continue with `restart --run "
				+ runId + "`", cause);
		this.runId = runId;
	}

	/** The run that was cut off. */
	public long runId() {
		return this.runId;
	}

}
