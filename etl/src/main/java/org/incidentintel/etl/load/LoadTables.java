package org.incidentintel.etl.load;

import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.incidentintel.domain.dedup.Cluster;
import org.incidentintel.domain.dedup.IncidentLabels;
import org.incidentintel.domain.incident.Casualties;
import org.incidentintel.etl.format.NormalizedRecord;
import org.incidentintel.etl.load.LoadOutcome.Accepted;
import org.incidentintel.etl.load.LoadOutcome.Actor;

/**
 * The tables a load writes, and the values of an accepted row for each, in column order:
 * one description that both the batched JDBC inserts and PostgreSQL's COPY write from.
 */
final class LoadTables {

	/** A table's columns with their SQL types. */
	record Table(String name, List<String> columns, int[] types) {

		Table(String name, Object... columnsAndTypes) {
			this(name, columns(columnsAndTypes), types(columnsAndTypes));
		}

		/** The same table with its id first, for rows whose ids are allocated ahead. */
		Table withId() {
			List<String> columns = new ArrayList<>(this.columns);
			columns.add(0, "id");
			int[] types = new int[this.types.length + 1];
			types[0] = BIGINT;
			System.arraycopy(this.types, 0, types, 1, this.types.length);
			return new Table(this.name, List.copyOf(columns), types);
		}

		String insertSql() {
			return "insert into " + this.name + " (" + String.join(", ", this.columns) + ") values ("
					+ String.join(", ", Collections.nCopies(this.columns.size(), "?")) + ")";
		}

		/** Binds values in column order, from the given parameter index on. */
		void bind(PreparedStatement statement, int first, Object[] values) throws SQLException {
			for (int i = 0; i < values.length; i++) {
				statement.setObject(first + i, values[i], this.types[i]);
			}
		}

		private static List<String> columns(Object[] columnsAndTypes) {
			List<String> columns = new ArrayList<>();
			for (int i = 0; i < columnsAndTypes.length; i += 2) {
				columns.add((String) columnsAndTypes[i]);
			}
			return List.copyOf(columns);
		}

		private static int[] types(Object[] columnsAndTypes) {
			int[] types = new int[columnsAndTypes.length / 2];
			for (int i = 0; i < types.length; i++) {
				types[i] = (Integer) columnsAndTypes[2 * i + 1];
			}
			return types;
		}

	}

	/** Values with their id first, for {@link Table#withId()}. */
	static Object[] withId(long id, Object[] values) {
		return concat(new Object[] { id }, values);
	}

	private static final int VARCHAR = Types.VARCHAR;

	private static final int BIGINT = Types.BIGINT;

	private static final int INTEGER = Types.INTEGER;

	private static final int DOUBLE = Types.DOUBLE;

	private static final int DATE = Types.DATE;

	/** What an incident and its source record share, in this order. */
	private static final Object[] EVENT_COLUMNS = { "date_start", DATE, "date_end", DATE, "date_precision", VARCHAR,
			"kind", VARCHAR, "country", VARCHAR, "region_id", BIGINT, "region_at_event_id", BIGINT,
			"region_name_at_event", VARCHAR, "district", VARCHAR, "place", VARCHAR, "latitude", DOUBLE, "longitude",
			DOUBLE, "killed", INTEGER, "killed_low", INTEGER, "killed_high", INTEGER, "killed_civilians", INTEGER,
			"killed_security_forces", INTEGER, "killed_militants", INTEGER, "killed_unknown", INTEGER, "injured",
			INTEGER, "summary", VARCHAR };

	/** A new incident (its id generated, or given with {@link Table#withId()}). */
	static final Table INCIDENT = new Table("incident",
			concat(EVENT_COLUMNS, new Object[] { "created_at", Types.TIMESTAMP, "updated_at", Types.TIMESTAMP }));

	static final Table INCIDENT_PERPETRATOR = new Table("incident_perpetrator", "incident_id", BIGINT,
			"organization_id", BIGINT, "name_as_reported", VARCHAR, "role", VARCHAR, "suspected", Types.BOOLEAN);

	static final Table INCIDENT_ATTACK_TYPE = new Table("incident_attack_type", "incident_id", BIGINT, "attack_type",
			VARCHAR);

	static final Table INCIDENT_TARGET = new Table("incident_target", "incident_id", BIGINT, "target", VARCHAR);

	/** What a load stores of a record: everything but its keys and its incident link. */
	static final Table RECORD_CONTENT = new Table("source_record",
			concat(new Object[] { "dataset_version", VARCHAR, "file_checksum", VARCHAR, "ingest_run_id", BIGINT,
					"line_number", BIGINT, "content_hash", VARCHAR }, without(EVENT_COLUMNS, "summary"),
					new Object[] { "region_name", VARCHAR, "perpetrator_names", VARCHAR, "summary", VARCHAR,
							"attack_types", VARCHAR, "targets", VARCHAR, "raw_record", VARCHAR }));

	/** A new record: keys, content and its first incident link. */
	static final Table SOURCE_RECORD = new Table("source_record",
			concat(new Object[] { "dataset", VARCHAR, "source_record_id", VARCHAR }, flatten(RECORD_CONTENT),
					new Object[] { "incident_id", BIGINT, "match_score", DOUBLE, "match_evidence", VARCHAR }));

	static final Table SOURCE_RECORD_ACTOR = new Table("source_record_actor", "source_record_id", BIGINT, "position",
			INTEGER, "name_as_reported", VARCHAR, "organization_id", BIGINT, "role", VARCHAR, "suspected",
			Types.BOOLEAN);

	/** The records the next deduplication pass starts from. */
	static final Table DEDUP_PENDING = new Table("dedup_pending", "source_record_id", BIGINT);

	private LoadTables() {
	}

	/** An incident's row, {@link #INCIDENT}'s columns. */
	static Object[] incident(Accepted row, Timestamp now) {
		return concat(event(row), new Object[] { now, now });
	}

	/** A record's content, {@link #RECORD_CONTENT}'s columns. */
	static Object[] content(IngestContext context, Accepted row) {
		NormalizedRecord record = row.record();
		Object[] event = event(row);
		return concat(
				new Object[] { context.datasetVersion(), context.fileChecksum(), context.ingestRunId(),
						row.lineNumber(), row.contentHash() },
				Arrays.copyOf(event, event.length - 1),
				new Object[] { record.regionName(),
						lines(record.actors().stream().map((actor) -> actor.name()).toList()), record.summary(),
						lines(record.attackTypes()), lines(record.targets()), row.rawText() });
	}

	/**
	 * A new record's row, {@link #SOURCE_RECORD}'s columns: alone in its incident until
	 * deduplication says otherwise.
	 */
	static Object[] sourceRecord(IngestContext context, Accepted row, long incidentId) {
		return concat(new Object[] { context.dataset(), row.record().sourceRecordId() }, content(context, row),
				new Object[] { incidentId, 1.0, Cluster.SINGLE_SOURCE_EVIDENCE });
	}

	/**
	 * The details of new incidents, by table (perpetrators, attack types, targets), the
	 * i-th row's under the i-th incident id, in the order they may be written.
	 */
	static Map<Table, List<Object[]>> incidentDetails(List<Accepted> rows, List<Long> incidentIds) {
		List<Object[]> perpetrators = new ArrayList<>();
		List<Object[]> attackTypes = new ArrayList<>();
		List<Object[]> targets = new ArrayList<>();
		for (int i = 0; i < rows.size(); i++) {
			Accepted row = rows.get(i);
			long incident = incidentIds.get(i);
			for (Actor actor : row.actors()) {
				perpetrators.add(new Object[] { incident, actor.organizationId(), actor.nameAsReported(),
						actor.role().name(), actor.suspected() });
			}
			IncidentLabels.distinct(row.record().attackTypes())
				.forEach((label) -> attackTypes.add(new Object[] { incident, label }));
			IncidentLabels.distinct(row.record().targets())
				.forEach((label) -> targets.add(new Object[] { incident, label }));
		}
		Map<Table, List<Object[]>> details = new LinkedHashMap<>();
		details.put(INCIDENT_PERPETRATOR, perpetrators);
		details.put(INCIDENT_ATTACK_TYPE, attackTypes);
		details.put(INCIDENT_TARGET, targets);
		return details;
	}

	/**
	 * What follows new records, by table: their actors, and their places on the list of
	 * records the next deduplication pass starts from; the i-th row's under the i-th id.
	 */
	static Map<Table, List<Object[]>> recordDetails(List<Accepted> rows, List<Long> recordIds) {
		List<Object[]> actors = new ArrayList<>();
		List<Object[]> pending = new ArrayList<>();
		for (int i = 0; i < rows.size(); i++) {
			addActors(actors, recordIds.get(i), rows.get(i));
			pending.add(new Object[] { recordIds.get(i) });
		}
		Map<Table, List<Object[]>> details = new LinkedHashMap<>();
		details.put(SOURCE_RECORD_ACTOR, actors);
		details.put(DEDUP_PENDING, pending);
		return details;
	}

	static void addActors(List<Object[]> rows, long sourceRecordId, Accepted row) {
		int position = 0;
		for (Actor actor : row.actors()) {
			rows.add(new Object[] { sourceRecordId, position++, actor.nameAsReported(), actor.organizationId(),
					actor.role().name(), actor.suspected() });
		}
	}

	/** The values an incident and its record share, {@link #EVENT_COLUMNS}' order. */
	private static Object[] event(Accepted row) {
		NormalizedRecord record = row.record();
		Casualties casualties = record.casualties();
		return new Object[] { Date.valueOf(record.date().start()), Date.valueOf(record.date().end()),
				record.date().precision().name(), record.kind().name(), record.country(), row.regionId(),
				row.regionAtEventId(), row.regionNameAtEvent(), record.district(), record.place(),
				(record.location() != null) ? record.location().latitude() : null,
				(record.location() != null) ? record.location().longitude() : null, casualties.killed(),
				casualties.killedLow(), casualties.killedHigh(), casualties.civilians(), casualties.securityForces(),
				casualties.militants(), casualties.unknown(), casualties.injured(), record.summary() };
	}

	private static String lines(List<String> values) {
		return values.isEmpty() ? null : String.join("\n", values);
	}

	private static Object[] concat(Object[]... parts) {
		List<Object> all = new ArrayList<>();
		for (Object[] part : parts) {
			Collections.addAll(all, part);
		}
		return all.toArray();
	}

	private static Object[] without(Object[] columnsAndTypes, String column) {
		List<Object> kept = new ArrayList<>();
		for (int i = 0; i < columnsAndTypes.length; i += 2) {
			if (!columnsAndTypes[i].equals(column)) {
				kept.add(columnsAndTypes[i]);
				kept.add(columnsAndTypes[i + 1]);
			}
		}
		return kept.toArray();
	}

	private static Object[] flatten(Table table) {
		Object[] columnsAndTypes = new Object[table.columns().size() * 2];
		for (int i = 0; i < table.columns().size(); i++) {
			columnsAndTypes[2 * i] = table.columns().get(i);
			columnsAndTypes[2 * i + 1] = table.types()[i];
		}
		return columnsAndTypes;
	}

}
