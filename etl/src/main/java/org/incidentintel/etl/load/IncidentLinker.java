package org.incidentintel.etl.load;

import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Gives every new source record of a run a canonical incident of its own, and refreshes
 * the incident of a corrected record when that record is its only source. This is the
 * seam where cross-source deduplication plugs in: it will link records that describe the
 * same event to one incident instead.
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
	 * Links the run's records; returns how many incidents were created and how many
	 * refreshed.
	 */
	LinkCounts link(long ingestRunId) {
		int refreshed = refreshSingleSourceIncidents(ingestRunId);
		// Incidents created below get ids above this: only they still lack their details.
		long lastBefore = this.jdbc.queryForObject("select coalesce(max(id), 0) from incident", Long.class);
		int created = this.jdbc.update("insert into incident (" + INCIDENT_FIELDS
				+ ", origin_source_record_id, created_at, updated_at) select " + INCIDENT_FIELDS
				+ ", id, current_timestamp, current_timestamp from source_record "
				+ "where ingest_run_id = ? and incident_id is null", ingestRunId);
		if (created > 0) {
			this.jdbc.update("update source_record set incident_id = (select i.id from incident i "
					+ "where i.origin_source_record_id = source_record.id), match_score = 1.0, "
					+ "match_evidence = '{\"rule\":\"single-source\"}' "
					+ "where ingest_run_id = ? and incident_id is null", ingestRunId);
			copyDetails("i.origin_source_record_id = sr.id and sr.ingest_run_id = ? and i.id > ?", ingestRunId,
					lastBefore);
		}
		return new LinkCounts(created, refreshed);
	}

	private int refreshSingleSourceIncidents(long ingestRunId) {
		String singleSource = "i.id in (select sr.incident_id from source_record sr where sr.ingest_run_id = ?) "
				+ "and (select count(*) from source_record x where x.incident_id = i.id) = 1";
		List<Long> incidents = this.jdbc.queryForList("select i.id from incident i where " + singleSource, Long.class,
				ingestRunId);
		if (incidents.isEmpty()) {
			return 0;
		}
		for (String table : List.of("incident_perpetrator", "incident_attack_type", "incident_target")) {
			this.jdbc.update("delete from " + table + " where incident_id in (select i.id from incident i where "
					+ singleSource + ")", ingestRunId);
		}
		this.jdbc.update("update incident i set (" + INCIDENT_FIELDS + ", updated_at) = (select " + INCIDENT_FIELDS
				+ ", current_timestamp from source_record sr where sr.incident_id = i.id) where " + singleSource,
				ingestRunId);
		copyDetails("sr.incident_id = i.id and sr.ingest_run_id = ? and (select count(*) from source_record x "
				+ "where x.incident_id = i.id) = 1", ingestRunId);
		return incidents.size();
	}

	/**
	 * Copies perpetrators, attack types and targets from source records to their
	 * incidents.
	 */
	private void copyDetails(String join, Object... arguments) {
		this.jdbc.update(
				"insert into incident_perpetrator (incident_id, organization_id, name_as_reported, role, "
						+ "suspected) select i.id, a.organization_id, a.name_as_reported, a.role, a.suspected "
						+ "from incident i join source_record sr on " + join
						+ " join source_record_actor a on a.source_record_id = sr.id order by i.id, a.position",
				arguments);
		List<Object[]> attackTypes = new ArrayList<>();
		List<Object[]> targets = new ArrayList<>();
		this.jdbc.query("select i.id, sr.attack_types, sr.targets from incident i join source_record sr on " + join
				+ " where sr.attack_types is not null or sr.targets is not null", (row) -> {
					addLines(attackTypes, row.getLong(1), row.getString(2));
					addLines(targets, row.getLong(1), row.getString(3));
				}, arguments);
		this.jdbc.batchUpdate("insert into incident_attack_type (incident_id, attack_type) values (?, ?)", attackTypes);
		this.jdbc.batchUpdate("insert into incident_target (incident_id, target) values (?, ?)", targets);
	}

	private static void addLines(List<Object[]> rows, long incidentId, String lines) {
		if (lines == null) {
			return;
		}
		// the element collections are sets: the same value twice is stored once
		lines.lines()
			.map(String::strip)
			.filter((line) -> !line.isEmpty())
			// the column holds 300 characters; a longer label is cut, the source record
			// keeps it whole
			.map((line) -> (line.length() <= 300) ? line : line.substring(0, 300))
			.distinct()
			.forEach((line) -> {
				rows.add(new Object[] { incidentId, line });
			});
	}

	/** How many incidents a link created and refreshed. */
	record LinkCounts(int created, int refreshed) {
	}

}
