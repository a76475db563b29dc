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

/**
 * Upserts a chunk of accepted rows into {@code source_record} on (dataset, source record
 * id), stores its rejects and saves the load's {@link LoadCheckpoint}, with batched JDBC
 * statements, all in the chunk's transaction. A record whose content hash is unchanged is
 * not touched, so re-running a file changes nothing; a restart starts after the last
 * checkpoint, so no reject is written twice.
 */
class SourceRecordWriter implements ItemWriter<LoadOutcome>, StepExecutionListener {

	private final JdbcTemplate jdbc;

	private final IngestContext context;

	private final NewRecords newRecords;

	private final IncidentStatisticsCells statistics;

	private final LongSupplier rowsConsumed;

	private StepExecution stepExecution;

	private LoadTally tally;

	/**
	 * @param rowsConsumed the source rows read up to the last row of the chunk being
	 * written (filtered rows included)
	 */
	SourceRecordWriter(JdbcTemplate jdbc, IngestContext context, NewRecords newRecords,
			IncidentStatisticsCells statistics, LongSupplier rowsConsumed) {
		this.jdbc = jdbc;
		this.context = context;
		this.newRecords = newRecords;
		this.statistics = statistics;
		this.rowsConsumed = rowsConsumed;
	}

	@Override
	public void beforeStep(StepExecution stepExecution) {
		this.stepExecution = stepExecution;
		this.tally = LoadCheckpoint.of(this.jdbc, this.context.ingestRunId()).tally();
	}

	/**
	 * Counts the rows the file ends with that no chunk wrote (filtered ones), once the
	 * whole file is read.
	 */
	@Override
	public ExitStatus afterStep(StepExecution stepExecution) {
		if (stepExecution.getStatus() == BatchStatus.COMPLETED) {
			checkpoint();
		}
		return null;
	}

	@Override
	public void write(Chunk<? extends LoadOutcome> chunk) {
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

	private void checkpoint() {
		new LoadCheckpoint(this.rowsConsumed.getAsLong(), this.tally).save(this.jdbc, this.context.ingestRunId());
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
			else if (!known.contentHash().equals(row.contentHash())) {
				updates.add(row);
			}
			else {
				this.tally.add(LoadTally.UNCHANGED, 1);
			}
			this.tally.countNotes(row);
		}
		try {
			this.newRecords.insert(inserts);
		}
		catch (DuplicateKeyException ex) {
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
		this.tally.add(LoadTally.INSERTED, inserts.size());
		this.tally.add(LoadTally.UPDATED, updates.size());
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
		this.jdbc.query("select source_record_id, id, content_hash from source_record where source_record_id in ("
				+ placeholders(sourceRecordIds.size()) + ") and dataset = ?", (row) -> {
					found.put(row.getString(1), new Existing(row.getLong(2), row.getString(3)));
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
		rejects.forEach(this.tally::countReject);
	}

	private static String truncate(String text, int length) {
		String value = (text != null) ? text : "";
		return (value.length() <= length) ? value : value.substring(0, length - 1) + "…";
	}

	private record Existing(long id, String contentHash) {
	}

}
