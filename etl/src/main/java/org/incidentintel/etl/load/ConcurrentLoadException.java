package org.incidentintel.etl.load;

import java.util.List;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A chunk's new records were written by another transaction between the chunk's look-up
 * and its insert: another run is loading the same dataset at the same time and won the
 * unique key {@code uk_source_record (source_record_id, dataset)}. Thrown by the writer
 * (the chunk then rolls back); the job listener finds the other run once the chunk's
 * transaction is gone.
 */
class ConcurrentLoadException extends RuntimeException {

	/** At most this many record ids are kept to look the other run up by. */
	static final int MAX_IDS = 1000;

	private final String dataset;

	private final List<String> sourceRecordIds;

	ConcurrentLoadException(String dataset, List<String> sourceRecordIds, DuplicateKeyException cause) {
		super("another run wrote records of dataset " + dataset + " that this run was inserting", cause);
		this.dataset = dataset;
		this.sourceRecordIds = List.copyOf(sourceRecordIds.subList(0, Math.min(MAX_IDS, sourceRecordIds.size())));
	}

	String dataset() {
		return this.dataset;
	}

	/** The record ids the chunk was inserting (some of which the other run holds). */
	List<String> sourceRecordIds() {
		return this.sourceRecordIds;
	}

	/**
	 * The run that holds the records this run was inserting, looked up by the unique key
	 * they collided on; failing that (its chunk rolled back since), the latest other run
	 * of the dataset still running; null when there is neither.
	 */
	Long otherRun(JdbcTemplate jdbc, long runId) {
		Long other = null;
		if (!this.sourceRecordIds.isEmpty()) {
			Object[] arguments = new Object[this.sourceRecordIds.size() + 2];
			arguments[0] = this.dataset;
			arguments[1] = runId;
			for (int i = 0; i < this.sourceRecordIds.size(); i++) {
				arguments[i + 2] = this.sourceRecordIds.get(i);
			}
			other = jdbc
				.queryForObject(
						"select min(ingest_run_id) from source_record where dataset = ? and ingest_run_id <> ? "
								+ "and source_record_id in ("
								+ SourceRecordWriter.placeholders(this.sourceRecordIds.size()) + ")",
						Long.class, arguments);
		}
		if (other == null) {
			other = jdbc.queryForObject(
					"select max(id) from ingest_run where dataset = ? and id <> ? and status = 'RUNNING'", Long.class,
					this.dataset, runId);
		}
		return other;
	}

}
