package org.incidentintel.api.curation;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.incidentintel.api.relay.GlobalId;
import org.incidentintel.domain.common.NameKey;
import org.incidentintel.api.testing.TestDatabase;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * Rows the curation tests write through JDBC, keyed {@code test-*} so that they can be
 * removed without touching the reference data.
 */
final class CurationTestData {

	private static final String TEST_DIALOGUES = "(select id from dialogue where ref_key like 'test-%')";

	private static final String TEST_ORGANIZATIONS = "(select id from organization where ref_key like 'test-%')";

	private static final List<String> TEST_ROWS = List.of(
			"delete from dialogue_source where dialogue_id in " + TEST_DIALOGUES,
			"delete from dialogue_commitment where dialogue_id in " + TEST_DIALOGUES,
			"delete from dialogue_threat where dialogue_id in " + TEST_DIALOGUES,
			"delete from dialogue_topic where dialogue_id in " + TEST_DIALOGUES,
			"delete from dialogue_delegate where dialogue_id in " + TEST_DIALOGUES,
			"delete from dialogue_party where dialogue_id in " + TEST_DIALOGUES,
			"update dialogue set previous_id = null where ref_key like 'test-%'",
			"delete from dialogue where ref_key like 'test-%'", "delete from person where name like 'Test %'",
			"delete from source_document where ref_key like 'test-%'",
			"delete from source_record_actor where organization_id in " + TEST_ORGANIZATIONS,
			"delete from source_record where dataset = 'test'",
			"delete from incident_perpetrator where organization_id in " + TEST_ORGANIZATIONS,
			"delete from incident where place like 'Test %'", "delete from ingest_run where dataset = 'test'",
			"delete from organization_alias where organization_id in " + TEST_ORGANIZATIONS,
			"update organization set parent_id = null, merged_into_id = null where ref_key like 'test-%'",
			"delete from organization where ref_key like 'test-%'");

	private final NamedParameterJdbcTemplate jdbc;

	CurationTestData(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	void clearEverything() {
		TestDatabase.clear(this.jdbc.getJdbcTemplate());
	}

	void clearTestRows() {
		TEST_ROWS.forEach((statement) -> this.jdbc.getJdbcTemplate().update(statement));
		this.jdbc.getJdbcTemplate().update("update incident_statistics_state set data_version = data_version + 1");
	}

	/** An organization with its name, acronym and further aliases as aliases. */
	long organization(String key, String name, String acronym, String... aliases) {
		this.jdbc.update(
				"insert into organization (ref_key, name, acronym, kind) values (:key, :name, :acronym, "
						+ "'MILITANT_GROUP')",
				new MapSqlParameterSource("key", key).addValue("name", name).addValue("acronym", acronym));
		long id = id("organization", key);
		alias(id, name);
		if (acronym != null) {
			alias(id, acronym);
		}
		for (String alias : aliases) {
			alias(id, alias);
		}
		return id;
	}

	void alias(long organization, String alias) {
		this.jdbc.update(
				"insert into organization_alias (organization_id, alias, normalized_key) values (:id, :alias, :key)",
				Map.of("id", organization, "alias", alias, "key", NameKey.of(alias)));
	}

	void parent(long child, long parent) {
		this.jdbc.update("update organization set parent_id = :parent where id = :child",
				Map.of("parent", parent, "child", child));
	}

	/** An incident perpetrated by the organization, with a source record naming it. */
	long incidentOf(long organization, String place) {
		Timestamp now = Timestamp.from(Instant.now());
		LocalDate date = LocalDate.parse("2024-02-01");
		this.jdbc.update("insert into incident (date_start, date_end, date_precision, kind, country, place, killed, "
				+ "created_at, updated_at) values (:date, :date, 'DAY', 'ATTACK', 'PAK', :place, 1, :now, :now)",
				Map.of("date", date, "place", place, "now", now));
		// As every writer of incident rows does: the statistics cells are stale now
		this.jdbc.update("update incident_statistics_state set data_version = data_version + 1", Map.of());
		long incident = this.jdbc.getJdbcTemplate()
			.queryForObject("select max(id) from incident where place = ?", Long.class, place);
		this.jdbc.update(
				"insert into incident_perpetrator (incident_id, organization_id, name_as_reported, role, "
						+ "suspected) values (:incident, :organization, 'as reported', 'PERPETRATOR', false)",
				Map.of("incident", incident, "organization", organization));
		this.jdbc.update("insert into ingest_run (dataset, file_name, file_checksum, status, started_at, read_count, "
				+ "inserted_count, updated_count, unchanged_count, rejected_count, filtered_count) values ('test', "
				+ "'test.csv', 'abc', 'COMPLETED', :now, 1, 1, 0, 0, 0, 0)", Map.of("now", now));
		long run = this.jdbc.getJdbcTemplate()
			.queryForObject("select max(id) from ingest_run where dataset = 'test'", Long.class);
		this.jdbc.update("insert into source_record (dataset, file_checksum, source_record_id, ingest_run_id, "
				+ "content_hash, date_start, date_end, date_precision, kind, country, raw_record, incident_id) "
				+ "values ('test', 'abc', :record, :run, 'hash', :date, :date, 'DAY', 'ATTACK', 'PAK', '{}', "
				+ ":incident)", Map.of("record", place, "run", run, "date", date, "incident", incident));
		long record = this.jdbc.getJdbcTemplate()
			.queryForObject("select id from source_record where dataset = 'test' and source_record_id = ?", Long.class,
					place);
		this.jdbc.update("insert into source_record_actor (source_record_id, position, name_as_reported, "
				+ "organization_id, role, suspected) values (:record, 0, 'as reported', :organization, "
				+ "'PERPETRATOR', false)", Map.of("record", record, "organization", organization));
		return incident;
	}

	/**
	 * A dialogue round naming the organizations as threats and seating a delegate of the
	 * first.
	 */
	long dialogueNaming(String key, long... organizations) {
		this.jdbc.update("insert into dialogue (ref_key, title, start_date, date_precision) values (:key, "
				+ "'Test round', :date, 'DAY')", Map.of("key", key, "date", LocalDate.parse("2020-01-01")));
		long dialogue = id("dialogue", key);
		for (long organization : organizations) {
			this.jdbc.update("insert into dialogue_threat (dialogue_id, organization_id) values (:d, :o)",
					Map.of("d", dialogue, "o", organization));
		}
		this.jdbc.update("insert into person (name) values ('Test Delegate')", Map.of());
		long person = this.jdbc.getJdbcTemplate()
			.queryForObject("select id from person where name = 'Test Delegate'", Long.class);
		this.jdbc.update("insert into dialogue_delegate (dialogue_id, person_id, organization_id, position) values "
				+ "(:d, :p, :o, 0)", Map.of("d", dialogue, "p", person, "o", organizations[0]));
		return dialogue;
	}

	void document(String key, long publisher) {
		this.jdbc.update("insert into source_document (ref_key, kind, title, publisher_id) values (:key, 'STATEMENT', "
				+ "'Test statement', :publisher)", Map.of("key", key, "publisher", publisher));
	}

	long id(String table, String key) {
		return this.jdbc.getJdbcTemplate()
			.queryForObject("select id from " + table + " where ref_key = ?", Long.class, key);
	}

	String organizationId(String key) {
		return GlobalId.of("Organization", id("organization", key));
	}

	String dialogueId(String key) {
		return GlobalId.of("Dialogue", id("dialogue", key));
	}

	long count(String sql) {
		return this.jdbc.getJdbcTemplate().queryForObject(sql, Long.class);
	}

}
