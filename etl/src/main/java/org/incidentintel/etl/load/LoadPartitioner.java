package org.incidentintel.etl.load;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Splits a file's load into ranges of records: counts the records with the reader the
 * load uses (so a quoted cell spanning lines stays in one record, and an unreadable row
 * counts as the load counts it), splits them into nearly equal ranges and writes the plan
 * ({@link LoadPartition}) with the run's empty checkpoint, in one transaction. A
 * restarted run reads the plan it wrote the first time: the same ranges, whatever the
 * partition step contexts hold.
 */
class LoadPartitioner implements Partitioner {

	private final JdbcTemplate jdbc;

	private final TransactionOperations transactions;

	private final long run;

	private final IngestSource source;

	private final int partitions;

	/**
	 * @param partitions how many ranges to make at most (fewer for a file of fewer
	 * records)
	 */
	LoadPartitioner(JdbcTemplate jdbc, TransactionOperations transactions, long run, IngestSource source,
			int partitions) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.run = run;
		this.source = source;
		this.partitions = partitions;
	}

	/** The partitions, named as their steps are; the grid size is the run's own. */
	@Override
	public Map<String, ExecutionContext> partition(int gridSize) {
		List<LoadPartition> plan = LoadPartition.plan(this.jdbc, this.run);
		if (plan.isEmpty()) {
			List<LoadPartition> split = LoadPartition.split(records(), this.partitions);
			this.transactions.executeWithoutResult((status) -> {
				LoadPartition.savePlan(this.jdbc, this.run, split);
				new LoadCheckpoint(0, LoadTally.of(Map.of())).save(this.jdbc, this.run);
			});
			plan = split;
		}
		Map<String, ExecutionContext> contexts = new LinkedHashMap<>();
		for (LoadPartition partition : plan) {
			// for whoever reads the job repository; the load itself reads load_partition
			ExecutionContext context = new ExecutionContext();
			context.putLong("partition.first", partition.first());
			if (partition.end() != null) {
				context.putLong("partition.end", partition.end());
			}
			contexts.put(partition.name(), context);
		}
		return contexts;
	}

	private long records() {
		SourceRowItemReader reader = new SourceRowItemReader(this.source);
		reader.open(0);
		try {
			while (reader.read() != null) {
				// counting only
			}
			return reader.recordsRead();
		}
		finally {
			reader.close();
		}
	}

}
