package org.incidentintel.etl.load;

import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.incidentintel.domain.dedup.Cluster;
import org.incidentintel.domain.incident.Casualties;
import org.incidentintel.etl.format.NormalizedRecord;
import org.incidentintel.etl.load.LoadOutcome.Accepted;
import org.incidentintel.etl.load.LoadOutcome.Actor;
import org.incidentintel.etl.load.LoadOutcome.Rejected;

import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ItemWriter;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Upserts a chunk of accepted rows into {@code source_record} on (dataset, source record
 * id) and stores its rejects, with batched JDBC statements, in the chunk's transaction. A
 * record whose content hash is unchanged is not touched, so re-running a file changes
 * nothing.
 */
class SourceRecordWriter implements ItemWriter<LoadOutcome>, StepExecutionListener {

	private static final String COLUMNS = """
			dataset_version, file_checksum, ingest_run_id, line_number, content_hash, date_start, date_end,
			date_precision, kind, country, region_name, region_id, region_at_event_id, region_name_at_event, district, place, latitude,
			longitude, killed, killed_low, killed_high, killed_civilians, killed_security_forces, killed_militants,
			killed_unknown, injured, perpetrator_names, summary, attack_types, targets, raw_record""";

	private static final String LINK_COLUMNS = "incident_id, match_score, match_evidence";

	private static final int COLUMN_COUNT = 31;

	private final JdbcTemplate jdbc;

	private final IngestContext context;

	private StepExecution stepExecution;

	private LoadTally tally;

	SourceRecordWriter(JdbcTemplate jdbc, IngestContext context) {
		this.jdbc = jdbc;
		this.context = context;
	}

	@Override
	public void beforeStep(StepExecution stepExecution) {
		this.stepExecution = stepExecution;
		this.tally = LoadTally.from(stepExecution.getExecutionContext());
	}

	/**
	 * Leaves the load's counts to the job: a restart after this step completed (a run
	 * killed while linking, or failed on its reject share) skips the step, and its counts
	 * must still cover the whole file.
	 */
	@Override
	public ExitStatus afterStep(StepExecution stepExecution) {
		LoadCounts.leaveToJob(stepExecution);
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
		// Saved with the chunk: a restart resumes the same tally.
		this.tally.saveTo(this.stepExecution.getExecutionContext());
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
		insert(inserts);
		update(updates, existing);
		Map<String, Long> ids = new HashMap<>();
		existing.forEach((id, known) -> ids.put(id, known.id()));
		if (!inserts.isEmpty()) {
			existing(inserts.stream().map((row) -> row.record().sourceRecordId()).toList())
				.forEach((id, known) -> ids.put(id, known.id()));
		}
		replaceActors(inserts, updates, ids);
		new IncidentLinker(this.jdbc)
			.refresh(updates.stream().map((row) -> ids.get(row.record().sourceRecordId())).toList());
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

	private void insert(List<Accepted> rows) {
		if (rows.isEmpty()) {
			return;
		}
		List<Long> incidents = new NewIncidents(this.jdbc).create(rows);
		Map<Accepted, Long> incidentOf = new java.util.IdentityHashMap<>();
		for (int i = 0; i < rows.size(); i++) {
			incidentOf.put(rows.get(i), incidents.get(i));
		}
		String sql = "insert into source_record (dataset, source_record_id, " + COLUMNS + ", " + LINK_COLUMNS
				+ ") values (" + String.join(",", Collections.nCopies(COLUMN_COUNT + 5, "?")) + ")";
		this.jdbc.batchUpdate(sql, rows, rows.size(), (statement, row) -> {
			statement.setString(1, this.context.dataset());
			statement.setString(2, row.record().sourceRecordId());
			bindColumns(statement, 3, row);
			statement.setLong(COLUMN_COUNT + 3, incidentOf.get(row));
			statement.setDouble(COLUMN_COUNT + 4, 1.0);
			statement.setString(COLUMN_COUNT + 5, Cluster.SINGLE_SOURCE_EVIDENCE);
		});
	}

	private void update(List<Accepted> rows, Map<String, Existing> existing) {
		// a corrected record is deduplicated again
		String sql = "update source_record set (" + COLUMNS + ") = ("
				+ String.join(",", Collections.nCopies(COLUMN_COUNT, "?")) + "), deduplicated = false where id = ?";
		this.jdbc.batchUpdate(sql, rows, rows.size(), (statement, row) -> {
			bindColumns(statement, 1, row);
			statement.setLong(COLUMN_COUNT + 1, existing.get(row.record().sourceRecordId()).id());
		});
	}

	private void bindColumns(PreparedStatement statement, int first, Accepted row) throws SQLException {
		NormalizedRecord record = row.record();
		Casualties casualties = record.casualties();
		int i = first;
		statement.setString(i++, this.context.datasetVersion());
		statement.setString(i++, this.context.fileChecksum());
		statement.setLong(i++, this.context.ingestRunId());
		statement.setLong(i++, row.lineNumber());
		statement.setString(i++, row.contentHash());
		statement.setDate(i++, Date.valueOf(record.date().start()));
		statement.setDate(i++, Date.valueOf(record.date().end()));
		statement.setString(i++, record.date().precision().name());
		statement.setString(i++, record.kind().name());
		statement.setString(i++, record.country());
		statement.setString(i++, record.regionName());
		setLong(statement, i++, row.regionId());
		setLong(statement, i++, row.regionAtEventId());
		statement.setString(i++, row.regionNameAtEvent());
		statement.setString(i++, record.district());
		statement.setString(i++, record.place());
		setDouble(statement, i++, (record.location() != null) ? record.location().latitude() : null);
		setDouble(statement, i++, (record.location() != null) ? record.location().longitude() : null);
		setInteger(statement, i++, casualties.killed());
		setInteger(statement, i++, casualties.killedLow());
		setInteger(statement, i++, casualties.killedHigh());
		setInteger(statement, i++, casualties.civilians());
		setInteger(statement, i++, casualties.securityForces());
		setInteger(statement, i++, casualties.militants());
		setInteger(statement, i++, casualties.unknown());
		setInteger(statement, i++, casualties.injured());
		statement.setString(i++, lines(record.actors().stream().map((actor) -> actor.name()).toList()));
		statement.setString(i++, record.summary());
		statement.setString(i++, lines(record.attackTypes()));
		statement.setString(i++, lines(record.targets()));
		statement.setString(i, row.rawText());
	}

	private void replaceActors(List<Accepted> inserts, List<Accepted> updates, Map<String, Long> ids) {
		if (!updates.isEmpty()) {
			this.jdbc.batchUpdate("delete from source_record_actor where source_record_id = ?", updates, updates.size(),
					(statement, row) -> statement.setLong(1, ids.get(row.record().sourceRecordId())));
		}
		List<Object[]> actors = new ArrayList<>();
		for (List<Accepted> rows : List.of(inserts, updates)) {
			for (Accepted row : rows) {
				int position = 0;
				for (Actor actor : row.actors()) {
					actors.add(new Object[] { ids.get(row.record().sourceRecordId()), position++,
							actor.nameAsReported(), actor.organizationId(), actor.role().name(), actor.suspected() });
				}
			}
		}
		if (!actors.isEmpty()) {
			this.jdbc.batchUpdate(
					"insert into source_record_actor (source_record_id, position, name_as_reported, "
							+ "organization_id, role, suspected) values (?, ?, ?, ?, ?, ?)",
					actors, new int[] { Types.BIGINT, Types.INTEGER, Types.VARCHAR, Types.BIGINT, Types.VARCHAR,
							Types.BOOLEAN });
		}
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

	private static String lines(List<String> values) {
		return values.isEmpty() ? null : String.join("\n", values);
	}

	private static String truncate(String text, int length) {
		String value = (text != null) ? text : "";
		return (value.length() <= length) ? value : value.substring(0, length - 1) + "…";
	}

	private static void setLong(PreparedStatement statement, int index, Long value) throws SQLException {
		if (value != null) {
			statement.setLong(index, value);
		}
		else {
			statement.setNull(index, Types.BIGINT);
		}
	}

	private static void setInteger(PreparedStatement statement, int index, Integer value) throws SQLException {
		if (value != null) {
			statement.setInt(index, value);
		}
		else {
			statement.setNull(index, Types.INTEGER);
		}
	}

	private static void setDouble(PreparedStatement statement, int index, Double value) throws SQLException {
		if (value != null) {
			statement.setDouble(index, value);
		}
		else {
			statement.setNull(index, Types.DOUBLE);
		}
	}

	private record Existing(long id, String contentHash) {
	}

}
