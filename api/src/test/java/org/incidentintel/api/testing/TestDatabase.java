package org.incidentintel.api.testing;

import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Resets the database the end-to-end tests share: one H2 for the module, one PostgreSQL
 * container for the PostgreSQL tests. A class that relies on particular rows clears
 * everything before it writes them, whatever the classes before it left.
 */
public final class TestDatabase {

	// Every table of the schema, children first; the API tokens and the audit log stay
	private static final List<String> EVERYTHING = List.of("delete from curation_decision",
			"delete from report_citation", "delete from report_source", "delete from report_figure",
			"delete from security_report", "delete from dialogue_source", "delete from dialogue_commitment",
			"delete from dialogue_threat_mention", "delete from dialogue_threat", "delete from dialogue_topic",
			"delete from dialogue_delegate", "delete from dialogue_party", "update dialogue set previous_id = null",
			"delete from dialogue", "delete from person", "delete from source_document",
			"delete from source_record_actor", "delete from source_record", "delete from rejected_record",
			"delete from incident_perpetrator", "delete from incident_attack_type", "delete from incident_target",
			"delete from incident", "delete from ingest_run", "delete from organization_alias",
			"update organization set parent_id = null, merged_into_id = null", "delete from organization",
			"delete from region_name", "update region set parent_id = null, merged_into_id = null",
			"delete from region");

	private TestDatabase() {
	}

	/**
	 * Deletes every row but the API tokens' and the audit log's, and marks the statistics
	 * cells stale.
	 * @param jdbc the database's template
	 */
	public static void clear(JdbcTemplate jdbc) {
		EVERYTHING.forEach(jdbc::update);
		incidentsChanged(jdbc);
	}

	/**
	 * Deletes the incidents, their source records, rejects and ingest runs, keeping the
	 * reference data, and marks the statistics cells stale.
	 * @param jdbc the database's template
	 */
	public static void clearIncidents(JdbcTemplate jdbc) {
		for (String table : List.of("source_record_actor", "source_record", "incident_perpetrator",
				"incident_attack_type", "incident_target", "incident", "rejected_record", "ingest_run")) {
			jdbc.update("delete from " + table);
		}
		incidentsChanged(jdbc);
	}

	/**
	 * Marks the statistics cells stale, as every writer of incident rows does.
	 * @param jdbc the database's template
	 */
	public static void incidentsChanged(JdbcTemplate jdbc) {
		jdbc.update("update incident_statistics_state set data_version = data_version + 1");
	}

}
