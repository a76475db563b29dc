package org.incidentintel.etl.load;

import java.util.Map;
import java.util.TreeMap;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Where a load stands: the source rows it has consumed (filtered ones included) and its
 * tally. Saved in {@code load_checkpoint} in the transaction of the chunk it describes,
 * so what a restart reads here is exactly what was committed, whatever Spring Batch's own
 * step execution context holds (see V8__load_checkpoint.sql for why it cannot be that).
 *
 * @param rowsConsumed source rows read up to the last row written
 * @param tally what the load did with them
 */
record LoadCheckpoint(long rowsConsumed, LoadTally tally) {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final TypeReference<Map<String, Long>> COUNTS = new TypeReference<>() {
	};

	/** The run's checkpoint, or the start of the file if it has none yet. */
	static LoadCheckpoint of(JdbcTemplate jdbc, long ingestRunId) {
		return jdbc
			.query("select rows_consumed, tally from load_checkpoint where ingest_run_id = ?",
					(row, number) -> new LoadCheckpoint(row.getLong(1),
							LoadTally.of(JSON.readValue(row.getString(2), COUNTS))),
					ingestRunId)
			.stream()
			.findFirst()
			.orElseGet(() -> new LoadCheckpoint(0, LoadTally.of(Map.of())));
	}

	/** Saves the checkpoint, in the caller's transaction. */
	void save(JdbcTemplate jdbc, long ingestRunId) {
		String tally = JSON.writeValueAsString(new TreeMap<>(this.tally.counts()));
		if (jdbc.update("update load_checkpoint set rows_consumed = ?, tally = ? where ingest_run_id = ?",
				this.rowsConsumed, tally, ingestRunId) == 0) {
			jdbc.update("insert into load_checkpoint (ingest_run_id, rows_consumed, tally) values (?, ?, ?)",
					ingestRunId, this.rowsConsumed, tally);
		}
	}

}
