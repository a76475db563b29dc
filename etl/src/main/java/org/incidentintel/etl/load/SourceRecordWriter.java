package org.incidentintel.etl.load;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

import org.incidentintel.domain.statistics.IncidentStatisticsCells;
import org.incidentintel.etl.load.LoadOutcome.Accepted;
import org.incidentintel.etl.load.LoadOutcome.Rejected;
import org.incidentintel.etl.load.LoadTables.Table;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Upserts a chunk of accepted rows into {@code source_record} on (dataset, source record
 * id), stores its rejects and saves the load's {@link LoadCheckpoint}, with batched JDBC
 * statements, all in the chunk's transaction. A record whose content hash is unchanged is
 * not touched, so re-running a file changes nothing; a restart starts after the last
 * checkpoint, so no reject is written twice. A partition's writer saves its partition's
 * checkpoint and adds its chunk to the run's ({@link LoadPartition#save}).
 */
class SourceRecordWriter implements ItemWriter<LoadOutcome>, StepExecutionListener {

	private final JdbcTemplate jdbc;

	private final IngestContext context;

	private final NewRecords newRecords;

	private final IncidentStatisticsCells statistics;

	private final LongSupplier rowsConsumed;

	private final LoadPartition partition;

	private final TransactionOperations transactions;

	private StepExecution stepExecution;

	/** The load's (or its partition's) tally as of the last chunk written. */
	private LoadTally tally;

	/** What the chunk being written did. */
	private LoadTally chunk;

	/**
	 * @param rowsConsumed the source rows of the file read up to the last row of the
	 * chunk being written (filtered rows included)
	 * @param partition the partition the writer loads, or null for a whole file
	 * @param transactions for the last checkpoint, written after the last chunk
	 */
	SourceRecordWriter(JdbcTemplate jdbc, IngestContext context, NewRecords newRecords,
			IncidentStatisticsCells statistics, LongSupplier rowsConsumed, LoadPartition partition,
			TransactionOperations transactions) {
		this.jdbc = jdbc;
		this.context = context;
		this.newRecords = newRecords;
		this.statistics = statistics;
		this.rowsConsumed = rowsConsumed;
		this.partition = partition;
		this.transactions = transactions;
	}

	@Override
	public void beforeStep(StepExecution stepExecution) {
		this.stepExecution = stepExecution;
		this.tally = (this.partition != null) ? this.partition.checkpoint(this.jdbc, this.context.ingestRunId()).tally()
				: LoadCheckpoint.of(this.jdbc, this.context.ingestRunId()).tally();
	}

	/**
	 * Counts the rows the file ends with that no chunk wrote (filtered ones), once the
	 * whole file is read.
	 */
	@Override
	public ExitStatus afterStep(StepExecution stepExecution) {
		if (stepExecution.getStatus() == BatchStatus.COMPLETED) {
			this.chunk = LoadTally.of(Map.of());
			// a partition's checkpoint and the run's together, or neither
			this.transactions.executeWithoutResult((status) -> checkpoint());
		}
		return null;
	}

	@Override
	public void write(Chunk<? extends LoadOutcome> chunk) {
		this.chunk = LoadTally.of(Map.of());
		// Last occurrence wins when a file repeats an id within one chunk.
		Map<String, Accepted> accepted = new LinkedHashMap<>();
		List<Rejected> rejected = new ArrayList<>();
		for (LoadOutcome outcome : chunk) {
			if (outcome instanceof Accepted row) {
				accepted.put(row.record().sourceRecordId(), row);
			}
			else {
				rejected.add((Rejected) outcome);
			}
		}
		upsert(accepted);
		insertRejects(rejected);
		checkpoint();
		this.tally.saveTo(this.stepExecution.getExecutionContext());
	}

	/**
	 * Adds the chunk to the tally and saves the checkpoint: the chunk's tally is counted
	 * only once the chunk is written, so a chunk that fails counts nothing.
	 */
	private void checkpoint() {
		this.tally.addAll(this.chunk);
		long run = this.context.ingestRunId();
		if (this.partition == null) {
			new LoadCheckpoint(this.rowsConsumed.getAsLong(), this.tally).save(this.jdbc, run);
		}
		else {
			this.partition.save(this.jdbc, run,
					new LoadCheckpoint(this.rowsConsumed.getAsLong() - this.partition.first(), this.tally), this.chunk);
		}
	}

	private void upsert(Map<String, Accepted> rows) {
		if (rows.isEmpty()) {
			return;
		}
		Map<String, Existing> existing = existing(rows.keySet());
		List<Accepted> inserts = new ArrayList<>();
		List<Accepted> updates = new ArrayList<>();
		for (Accepted row : rows.values()) {
			Existing known = existing.get(row.record().sourceRecordId());
			if (known == null) {
				inserts.add(row);
			}
			else if (known.laterIn(this.context.ingestRunId(), row.lineNumber())) {
				// Another partition of this run wrote a later occurrence of the id first:
				// the last occurrence wins, as in one load step, and this one counts as
				// that step would count the later one (a change or not)
				this.chunk.add(known.contentHash().equals(row.contentHash()) ? LoadTally.UNCHANGED : LoadTally.UPDATED,
						1);
			}
			else if (!known.contentHash().equals(row.contentHash())) {
				updates.add(row);
			}
			else {
				this.chunk.add(LoadTally.UNCHANGED, 1);
			}
			this.chunk.countNotes(row);
		}
		try {
			this.newRecords.insert(inserts);
		}
		catch (DuplicateKeyException ex) {
			if (this.partition != null) {
				// most likely the file repeats an id in two partitions' ranges and both
				// inserted it at once; a restart sees the committed one (last line wins).
				// No cause: the run's message is its failure's deepest cause's.
				throw new IllegalStateException("records this partition was inserting ("
						+ String.join(", ",
								inserts.stream().limit(5).map((row) -> row.record().sourceRecordId()).toList())
						+ (inserts.size() > 5 ? ", ..." : "") + ") were inserted meanwhile by another partition of run "
						+ this.context.ingestRunId()
						+ " (the file repeats their ids) or by another run; `restart --run "
						+ this.context.ingestRunId() + "` goes on from each partition's last chunk");
			}
			// uk_source_record: another transaction wrote some of these records since the
			// look-up above, so another run is loading the same dataset right now
			throw new ConcurrentLoadException(this.context.dataset(),
					inserts.stream().map((row) -> row.record().sourceRecordId()).toList(), ex);
		}
		update(updates, existing);
		Map<String, Long> ids = new HashMap<>();
		existing.forEach((id, known) -> ids.put(id, known.id()));
		replaceActors(updates, ids);
		markPending(updates, ids);
		int refreshed = new IncidentLinker(this.jdbc)
			.refresh(updates.stream().map((row) -> ids.get(row.record().sourceRecordId())).toList());
		if (!inserts.isEmpty() || refreshed > 0) {
			// once per chunk, in its transaction
			this.statistics.incidentsChanged();
		}
		this.chunk.add(LoadTally.INSERTED, inserts.size());
		this.chunk.add(LoadTally.UPDATED, updates.size());
	}

	/**
	 * The chunk's records already in the database, looked up through the unique index
	 * whose leading column is the record id. (An {@code = any(array)} parameter reads
	 * better, but H2 answers it by scanning the table.)
	 */
	private Map<String, Existing> existing(Collection<String> sourceRecordIds) {
		List<Object> arguments = new ArrayList<>(sourceRecordIds);
		arguments.add(this.context.dataset());
		Map<String, Existing> found = new HashMap<>();
		this.jdbc.query(
				"select source_record_id, id, content_hash, ingest_run_id, line_number from source_record "
						+ "where source_record_id in (" + placeholders(sourceRecordIds.size()) + ") and dataset = ?",
				(row) -> {
					found.put(row.getString(1), new Existing(row.getLong(2), row.getString(3), row.getLong(4),
							row.getObject(5, Long.class)));
				}, arguments.toArray());
		return found;
	}

	static String placeholders(int count) {
		return String.join(",", Collections.nCopies(count, "?"));
	}

	private void update(List<Accepted> rows, Map<String, Existing> existing) {
		// a corrected record is deduplicated again (markPending)
		Table content = LoadTables.RECORD_CONTENT;
		String sql = "update source_record set (" + String.join(", ", content.columns()) + ") = ("
				+ placeholders(content.columns().size()) + ") where id = ?";
		this.jdbc.batchUpdate(sql, rows, rows.size(), (statement, row) -> {
			content.bind(statement, 1, LoadTables.content(this.context, row));
			statement.setLong(content.columns().size() + 1, existing.get(row.record().sourceRecordId()).id());
		});
	}

	private void replaceActors(List<Accepted> updates, Map<String, Long> ids) {
		if (updates.isEmpty()) {
			return;
		}
		this.jdbc.batchUpdate("delete from source_record_actor where source_record_id = ?", updates, updates.size(),
				(statement, row) -> statement.setLong(1, ids.get(row.record().sourceRecordId())));
		List<Object[]> actors = new ArrayList<>();
		for (Accepted row : updates) {
			LoadTables.addActors(actors, ids.get(row.record().sourceRecordId()), row);
		}
		Table table = LoadTables.SOURCE_RECORD_ACTOR;
		this.jdbc.batchUpdate(table.insertSql(), actors, actors.size(),
				(statement, actor) -> table.bind(statement, 1, actor));
	}

	/**
	 * Lists corrected records for the deduplication pass that follows the load (new ones
	 * are listed as they are inserted), once however often they are corrected.
	 */
	private void markPending(List<Accepted> updates, Map<String, Long> ids) {
		this.jdbc.batchUpdate(
				"insert into dedup_pending (source_record_id) select ? from source_record where id = ? "
						+ "and not exists (select 1 from dedup_pending where source_record_id = ?)",
				updates, updates.size(), (statement, row) -> {
					long id = ids.get(row.record().sourceRecordId());
					statement.setLong(1, id);
					statement.setLong(2, id);
					statement.setLong(3, id);
				});
	}

	private void insertRejects(List<Rejected> rejects) {
		if (rejects.isEmpty()) {
			return;
		}
		this.jdbc.batchUpdate(
				"insert into rejected_record (ingest_run_id, file_name, line_number, field, "
						+ "reason_code, message, raw_text) values (?, ?, ?, ?, ?, ?, ?)",
				rejects, rejects.size(), (statement, reject) -> {
					statement.setLong(1, this.context.ingestRunId());
					statement.setString(2, this.context.fileName());
					statement.setLong(3, reject.lineNumber());
					statement.setString(4, reject.field());
					statement.setString(5, reject.reason().name());
					statement.setString(6, truncate(reject.message(), 1000));
					statement.setString(7, reject.rawText());
				});
		rejects.forEach(this.chunk::countReject);
	}

	private static String truncate(String text, int length) {
		String value = (text != null) ? text : "";
		return (value.length() <= length) ? value : value.substring(0, length - 1) + "…";
	}

	/** A record already in the database, as the run that wrote it last left it. */
	private record Existing(long id, String contentHash, long ingestRunId, Long lineNumber) {

		/**
		 * Whether this run wrote it, from a line after {@code line} (another partition).
		 */
		boolean laterIn(long run, long line) {
			return this.ingestRunId == run && this.lineNumber != null && this.lineNumber > line;
		}

	}

}
