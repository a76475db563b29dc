package org.incidentintel.etl.load;

/**
 * A run stopped because another run was loading the same dataset at the same time and
 * wrote the same records first (the losing chunk rolled back, nothing of it is written).
 * The run is FAILED; once the other run has ended, {@code restart --run N} continues it
 * (the records the other run wrote then count as unchanged).
 */
public class ConcurrentIngestException extends RuntimeException {

	private final long runId;

	private final Long otherRunId;

	private final String dataset;

	ConcurrentIngestException(long runId, Long otherRunId, String dataset) {
		super(message(runId, otherRunId, dataset));
		this.runId = runId;
		this.otherRunId = otherRunId;
		this.dataset = dataset;
	}

	/** What the run records and the command line prints. */
	static String message(long runId, Long otherRunId, String dataset) {
		String other = (otherRunId != null) ? "run " + otherRunId : "another run";
		return "run " + runId + " stopped: " + ((otherRunId != null) ? "another run, " + otherRunId + "," : other)
				+ " is loading the same dataset (" + dataset + ") and wrote the same records first. "
				+ "Nothing of this run's last chunk was written; once " + other
				+ " has ended, continue with `restart --run " + runId + "`";
	}

	/** The run that stopped. */
	public long runId() {
		return this.runId;
	}

	/** The run that wrote the records first, or null when it could not be found. */
	public Long otherRunId() {
		return this.otherRunId;
	}

	public String dataset() {
		return this.dataset;
	}

}
