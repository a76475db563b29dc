package org.incidentintel.etl.load;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The counts of a load, from its run's {@link LoadCheckpoint}: what its committed chunks
 * did, however many times it was restarted.
 */
record LoadCounts(long read, long filtered, LoadTally tally) {

	static LoadCounts of(JdbcTemplate jdbc, long ingestRunId) {
		LoadCheckpoint checkpoint = LoadCheckpoint.of(jdbc, ingestRunId);
		long read = checkpoint.rowsConsumed();
		return new LoadCounts(read, Math.max(read - considered(checkpoint.tally()), 0), checkpoint.tally());
	}

	long rejected() {
		return this.tally.get(LoadTally.REJECTED);
	}

	/** Rows that were data (loaded or rejected), i.e. not filtered out. */
	long considered() {
		return considered(this.tally);
	}

	double rejectShare() {
		return (considered() == 0) ? 0 : (double) rejected() / considered();
	}

	private static long considered(LoadTally tally) {
		return tally.get(LoadTally.INSERTED) + tally.get(LoadTally.UPDATED) + tally.get(LoadTally.UNCHANGED)
				+ tally.get(LoadTally.REJECTED);
	}

}
