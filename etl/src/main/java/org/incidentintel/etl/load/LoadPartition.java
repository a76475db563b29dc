package org.incidentintel.etl.load;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * One partition of a partitioned load: a range of the file's records, {@code [first,
 * end)} as the reader counts them ({@code end} null: to the end of the file). Its plan
 * and its progress live in {@code load_partition} (V14__load_partitions.sql), written in
 * the transaction of each of its chunks, so a restart reads the same ranges and goes on
 * after each partition's last committed chunk.
 *
 * @param index the partition's number, from 0
 * @param first the first record of the range (0 is the first record after the header)
 * @param end the record after the range, or null for the end of the file
 */
record LoadPartition(int index, long first, Long end) {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final TypeReference<Map<String, Long>> COUNTS = new TypeReference<>() {
	};

	/** Prefix of the partitions' names, in their step names ({@code load:partition0}). */
	static final String NAME_PREFIX = "partition";

	String name() {
		return NAME_PREFIX + this.index;
	}

	/**
	 * The partition a partition step runs, from its step name: Spring Batch names each
	 * partition's step execution after the partition, on a restart too.
	 * @throws IllegalStateException when the name names no partition
	 */
	static int indexOf(String stepName) {
		int at = stepName.lastIndexOf(':' + NAME_PREFIX);
		if (at < 0) {
			throw new IllegalStateException("step " + stepName + " is not a partition of a load");
		}
		return Integer.parseInt(stepName.substring(at + 1 + NAME_PREFIX.length()));
	}

	/**
	 * Splits {@code records} records into at most {@code count} ranges of nearly equal
	 * size (none empty), the last open-ended so that nothing after the counted records is
	 * ever left unread.
	 */
	static List<LoadPartition> split(long records, int count) {
		int partitions = (int) Math.max(1, Math.min(count, records));
		List<LoadPartition> split = new ArrayList<>();
		long first = 0;
		for (int index = 0; index < partitions; index++) {
			long size = records / partitions + ((index < records % partitions) ? 1 : 0);
			split.add(new LoadPartition(index, first, (index == partitions - 1) ? null : first + size));
			first += size;
		}
		return split;
	}

	/** The run's partitions, in order; empty before the plan is written. */
	static List<LoadPartition> plan(JdbcTemplate jdbc, long ingestRunId) {
		return jdbc.query(
				"select partition_index, first_row, end_row from load_partition where ingest_run_id = ? "
						+ "order by partition_index",
				(row, number) -> new LoadPartition(row.getInt(1), row.getLong(2), row.getObject(3, Long.class)),
				ingestRunId);
	}

	/** One partition of the run's plan. */
	static LoadPartition of(JdbcTemplate jdbc, long ingestRunId, int index) {
		return plan(jdbc, ingestRunId).stream()
			.filter((partition) -> partition.index() == index)
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("run " + ingestRunId + " has no partition " + index));
	}

	/**
	 * Writes the plan, every partition at its start, in one statement: a plan is there
	 * whole or not at all.
	 */
	static void savePlan(JdbcTemplate jdbc, long ingestRunId, List<LoadPartition> plan) {
		List<Object> arguments = new ArrayList<>();
		List<String> rows = new ArrayList<>();
		for (LoadPartition partition : plan) {
			rows.add("(?, ?, ?, ?, 0, '{}')");
			arguments.addAll(List.of(ingestRunId, partition.index(), partition.first()));
			arguments.add(partition.end());
		}
		jdbc.update("insert into load_partition (ingest_run_id, partition_index, first_row, end_row, rows_consumed, "
				+ "tally) values " + String.join(", ", rows), arguments.toArray());
	}

	/** Where this partition's load stands: its records consumed, from its first. */
	LoadCheckpoint checkpoint(JdbcTemplate jdbc, long ingestRunId) {
		return jdbc.queryForObject(
				"select rows_consumed, tally from load_partition where ingest_run_id = ? and partition_index = ?",
				(row, number) -> new LoadCheckpoint(row.getLong(1),
						LoadTally.of(JSON.readValue(row.getString(2), COUNTS))),
				ingestRunId, this.index);
	}

	/**
	 * Saves this partition's checkpoint and adds what it did since its last one to the
	 * run's, in the caller's transaction (the update of the run's row serializes the
	 * partitions' commits, so none is lost).
	 * @param checkpoint the partition's records consumed (from its first) and its tally
	 * @param chunk what the partition did since its last checkpoint
	 */
	void save(JdbcTemplate jdbc, long ingestRunId, LoadCheckpoint checkpoint, LoadTally chunk) {
		long before = checkpoint(jdbc, ingestRunId).rowsConsumed();
		jdbc.update(
				"update load_partition set rows_consumed = ?, tally = ? where ingest_run_id = ? "
						+ "and partition_index = ?",
				checkpoint.rowsConsumed(), JSON.writeValueAsString(new TreeMap<>(checkpoint.tally().counts())),
				ingestRunId, this.index);
		LoadCheckpoint.add(jdbc, ingestRunId, checkpoint.rowsConsumed() - before, chunk);
	}

}
