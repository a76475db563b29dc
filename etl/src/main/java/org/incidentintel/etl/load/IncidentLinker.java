package org.incidentintel.etl.load;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.incidentintel.domain.dedup.Cluster;
import org.incidentintel.domain.dedup.IncidentLabels;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.PreparedStatementSetter;

/**
 * Gives every new source record of a run a canonical incident of its own, and refreshes
 * the incident of a corrected record when that record is its only source. Deduplication
 * then regroups the records that describe the same event.
 */
class IncidentLinker {

	private static final String INCIDENT_FIELDS = """
			date_start, date_end, date_precision, kind, country, region_id, region_at_event_id,
			region_name_at_event, district, place, latitude, longitude, killed, killed_low, killed_high,
			killed_civilians, killed_security_forces, killed_militants, killed_unknown, injured, summary""";

	private final JdbcTemplate jdbc;

	IncidentLinker(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Gives each record of the run that has no incident yet an incident of its own;
	 * returns how many were created.
	 */
	int link(long ingestRunId) {
		// Incidents created below get ids above this: only they still lack their details.
		long lastBefore = this.jdbc.queryForObject("select coalesce(max(id), 0) from incident", Long.class);
		int created = this.jdbc.update("insert into incident (" + INCIDENT_FIELDS
				+ ", origin_source_record_id, created_at, updated_at) select " + INCIDENT_FIELDS
				+ ", id, current_timestamp, current_timestamp from source_record "
				+ "where ingest_run_id = ? and incident_id is null", ingestRunId);
		if (created > 0) {
			this.jdbc.update("update source_record set incident_id = (select i.id from incident i "
					+ "where i.origin_source_record_id = source_record.id), match_score = 1.0, " + "match_evidence = '"
					+ Cluster.SINGLE_SOURCE_EVIDENCE + "' " + "where ingest_run_id = ? and incident_id is null",
					ingestRunId);
			copyDetails("i.origin_source_record_id = sr.id and sr.ingest_run_id = ? and i.id > ?", (statement) -> {
				statement.setLong(1, ingestRunId);
				statement.setLong(2, lastBefore);
			});
		}
		return created;
	}

	/**
	 * Refreshes, from the corrected records given, the incidents that have no other
	 * source (an incident with several sources is recomputed by deduplication instead);
	 * returns how many.
	 */
	int refresh(Collection<Long> sourceRecordIds) {
		if (sourceRecordIds.isEmpty()) {
			return 0;
		}
		// in-lists, not = any(array): H2 uses an index only for the former
		List<Long> incidents = this.jdbc.queryForList(
				"select sr.incident_id from source_record sr where sr.id in ("
						+ SourceRecordWriter.placeholders(sourceRecordIds.size()) + ") and sr.incident_id is not null "
						+ "and (select count(*) from source_record x where x.incident_id = sr.incident_id) = 1",
				Long.class, sourceRecordIds.toArray());
		if (incidents.isEmpty()) {
			return 0;
		}
		Object[] ids = incidents.toArray();
		String in = "(" + SourceRecordWriter.placeholders(ids.length) + ")";
		for (String table : List.of("incident_perpetrator", "incident_attack_type", "incident_target")) {
			this.jdbc.update("delete from " + table + " where incident_id in " + in, ids);
		}
		this.jdbc.update(
				"update incident i set (" + INCIDENT_FIELDS + ", updated_at) = (select " + INCIDENT_FIELDS
						+ ", current_timestamp from source_record sr where sr.incident_id = i.id) where i.id in " + in,
				ids);
		copyDetails("sr.incident_id = i.id and i.id in " + in, (statement) -> {
			for (int i = 0; i < ids.length; i++) {
				statement.setObject(i + 1, ids[i]);
			}
		});
		return incidents.size();
	}

	/**
	 * Copies perpetrators, attack types and targets from source records to their
	 * incidents.
	 */
	private void copyDetails(String join, PreparedStatementSetter arguments) {
		this.jdbc.update(
				"insert into incident_perpetrator (incident_id, organization_id, name_as_reported, role, "
						+ "suspected) select i.id, a.organization_id, a.name_as_reported, a.role, a.suspected "
						+ "from incident i join source_record sr on " + join
						+ " join source_record_actor a on a.source_record_id = sr.id order by i.id, a.position",
				arguments);
		List<Object[]> attackTypes = new ArrayList<>();
		List<Object[]> targets = new ArrayList<>();
		this.jdbc.query("select i.id, sr.attack_types, sr.targets from incident i join source_record sr on " + join
				+ " where sr.attack_types is not null or sr.targets is not null", arguments, (row) -> {
					addLines(attackTypes, row.getLong(1), row.getString(2));
					addLines(targets, row.getLong(1), row.getString(3));
				});
		this.jdbc.batchUpdate("insert into incident_attack_type (incident_id, attack_type) values (?, ?)", attackTypes);
		this.jdbc.batchUpdate("insert into incident_target (incident_id, target) values (?, ?)", targets);
	}

	private static void addLines(List<Object[]> rows, long incidentId, String lines) {
		if (lines != null) {
			IncidentLabels.distinct(lines.lines().toList())
				.forEach((line) -> rows.add(new Object[] { incidentId, line }));
		}
	}

}
