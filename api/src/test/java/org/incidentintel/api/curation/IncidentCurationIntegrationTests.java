package org.incidentintel.api.curation;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.incidentintel.api.incident.Incident;
import org.incidentintel.api.relay.GlobalId;
import org.incidentintel.domain.security.ApiTokens;
import org.incidentintel.domain.security.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.incidentintel.api.testing.H2IntegrationTest;
import org.incidentintel.api.testing.StatementCounting;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code splitIncident} and {@code mergeIncidents} over HTTP: the incident's sources
 * change, the decision is stored and obeyed by the next deduplication pass, the audit log
 * keeps the sources before and after, and bad input or a missing credential changes
 * nothing.
 */
@H2IntegrationTest
class IncidentCurationIntegrationTests {

	private static final String SPLIT = """
			mutation($input: SplitIncidentInput!) {
			  splitIncident(input: $input) {
			    clientMutationId
			    incident { id sources { dataset recordId } }
			    splitOff { id sources { dataset recordId matchEvidence } }
			  }
			}
			""";

	private static final String MERGE = """
			mutation($input: MergeIncidentsInput!) {
			  mergeIncidents(input: $input) { incident { id sources { dataset recordId } } absorbedId }
			}
			""";

	@Autowired
	HttpGraphQlTester graphQl;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ApiTokens tokens;

	private HttpGraphQlTester editor;

	private long attack;

	private long other;

	@BeforeEach
	void twoIncidentsOneOfThemWithTwoSources() {
		for (String table : List.of("curation_decision", "incident_perpetrator", "incident_attack_type",
				"incident_target", "source_record_actor")) {
			this.jdbc.update("delete from " + table);
		}
		this.jdbc.update("update source_record set incident_id = null");
		this.jdbc.update("delete from incident");
		// As every writer of incident rows does: the statistics cells are stale now
		this.jdbc.update("update incident_statistics_state set data_version = data_version + 1");
		this.jdbc.update("delete from source_record");
		this.jdbc.update("delete from ingest_run");
		this.editor = this.graphQl.mutate()
			.header("Authorization",
					"Bearer " + this.tokens
						.create("incident-curator-" + UUID.randomUUID().toString().substring(0, 8), Role.EDITOR)
						.token())
			.build();
		this.jdbc.update("insert into ingest_run (dataset, file_name, file_checksum, status, started_at, read_count, "
				+ "inserted_count, updated_count, unchanged_count, rejected_count) values ('test', 'test.csv', "
				+ "'0', 'COMPLETED', current_timestamp, 3, 3, 0, 0, 0)");
		this.attack = incident("2013-09-22", 80);
		record("ucdp-ged", "65354", "2013-09-22", 80, this.attack);
		record("pakistan-body-count", "399", "2013-09-22", 81, this.attack);
		this.other = incident("2013-09-23", 3);
		record("gtd", "201309230001", "2013-09-23", 3, this.other);
	}

	@Test
	void splitTakesTheRecordOutForGoodAndTheAuditLogKeepsBothStates() {
		GraphQlTester.Response response = this.editor.document(SPLIT)
			.variable("input",
					Map.of("clientMutationId", "s1", "incident", id(this.attack), "dataset", "pakistan-body-count",
							"recordId", "399", "note", "different attack"))
			.execute();

		response.path("splitIncident.clientMutationId").entity(String.class).isEqualTo("s1");
		response.path("splitIncident.incident.sources[*].recordId").entityList(String.class).containsExactly("65354");
		response.path("splitIncident.splitOff.sources[*].recordId").entityList(String.class).containsExactly("399");
		response.path("splitIncident.splitOff.sources[0].matchEvidence")
			.entity(String.class)
			.isEqualTo("{\"rule\":\"single-source\"}");
		assertThat(
				this.jdbc.queryForObject("select count(*) from curation_decision where decision = 'APART'", Long.class))
			.isEqualTo(1);
		assertThat(this.jdbc.queryForObject("select decided_by from curation_decision where decision = 'APART'",
				String.class))
			.startsWith("incident-curator-");
		String audit = this.jdbc.queryForObject("select count(*) from audit_entry where operation = 'splitIncident'",
				String.class);
		assertThat(audit).isEqualTo("1");
	}

	@Test
	void mergeMakesOneIncidentOfTwoAndTheOtherIdDisappears() {
		GraphQlTester.Response response = this.editor.document(MERGE)
			.variable("input", Map.of("incident", id(this.attack), "other", id(this.other)))
			.execute();

		assertThat(response.path("mergeIncidents.incident.sources[*].recordId").entityList(String.class).get())
			.containsExactlyInAnyOrder("65354", "399", "201309230001");
		response.path("mergeIncidents.absorbedId").entity(String.class).isEqualTo(id(this.other));
		assertThat(this.jdbc.queryForObject("select count(*) from incident", Long.class)).isEqualTo(1);
		assertThat(this.jdbc.queryForObject("select count(*) from curation_decision where decision = 'TOGETHER'",
				Long.class))
			.isEqualTo(2);
	}

	@Test
	void badInputNamesThePathAndChangesNothing() {
		assertRefused(this.editor.document(SPLIT)
			.variable("input", Map.of("incident", id(this.attack), "dataset", "gtd", "recordId", "201309230001")),
				"BAD_USER_INPUT", List.of("input", "recordId"));
		assertRefused(this.editor.document(SPLIT)
			.variable("input", Map.of("incident", id(this.other), "dataset", "gtd", "recordId", "201309230001")),
				"BAD_USER_INPUT", List.of("input", "recordId"));
		assertRefused(this.editor.document(MERGE)
			.variable("input", Map.of("incident", id(this.attack), "other", id(this.attack + this.other + 100))),
				"NOT_FOUND", List.of("input", "other"));
		assertRefused(
				this.editor.document(MERGE)
					.variable("input", Map.of("incident", id(this.attack), "other", id(this.attack))),
				"BAD_USER_INPUT", List.of("input", "other"));
		assertRefused(
				this.graphQl.document(MERGE)
					.variable("input", Map.of("incident", id(this.attack), "other", id(this.other))),
				"UNAUTHENTICATED", null);

		assertThat(this.jdbc.queryForObject("select count(*) from incident", Long.class)).isEqualTo(2);
		assertThat(this.jdbc.queryForObject("select count(*) from curation_decision", Long.class)).isZero();
	}

	@Test
	void unboundedInputIsRefusedBeforeTheDatabase() {
		StatementCounting.STATEMENTS.clear();
		assertRefused(this.editor.document(SPLIT)
			.variable("input", Map.of("incident", id(this.attack), "dataset", "pakistan-body-count", "recordId", "399",
					"note", "n".repeat(1001))),
				"BAD_USER_INPUT", List.of("input", "note"));
		assertRefused(this.editor.document(SPLIT)
			.variable("input",
					Map.of("incident", id(this.attack), "dataset", "pakistan\u0000body-count", "recordId", "399")),
				"BAD_USER_INPUT", List.of("input", "dataset"));
		assertRefused(this.editor.document(SPLIT)
			.variable("input",
					Map.of("incident", id(this.attack), "dataset", "pakistan-body-count", "recordId", "9".repeat(201))),
				"BAD_USER_INPUT", List.of("input", "recordId"));
		assertRefused(this.editor.document(MERGE)
			.variable("input", Map.of("incident", id(this.attack), "other", id(this.other), "note", "a\u0000b")),
				"BAD_USER_INPUT", List.of("input", "note"));
		assertRefused(
				this.editor.document(MERGE)
					.variable("input", Map.of("incident", id(this.attack), "other", "I".repeat(101))),
				"BAD_USER_INPUT", List.of("input", "other"));
		// the editor token's look-ups only
		assertThat(StatementCounting.STATEMENTS).allSatisfy((statement) -> assertThat(statement).contains("api_token"));

		assertThat(this.jdbc.queryForObject("select count(*) from incident", Long.class)).isEqualTo(2);
		assertThat(this.jdbc.queryForObject("select count(*) from curation_decision", Long.class)).isZero();
	}

	private static void assertRefused(GraphQlTester.Request<?> request, String code, List<Object> path) {
		request.execute().errors().satisfy((errors) -> {
			assertThat(errors).hasSize(1);
			assertThat(errors.get(0).getExtensions()).as(errors.get(0).getMessage()).containsEntry("code", code);
			if (path != null) {
				assertThat(errors.get(0).getExtensions()).containsEntry("argumentPath", path);
			}
		});
	}

	private static String id(long incident) {
		return GlobalId.of(Incident.TYPE, incident);
	}

	private long incident(String date, int killed) {
		GeneratedKeyHolder key = new GeneratedKeyHolder();
		this.jdbc.update((connection) -> {
			var statement = connection.prepareStatement("insert into incident (date_start, date_end, date_precision, "
					+ "kind, country, latitude, longitude, killed, created_at, updated_at) values "
					+ "(?, ?, 'DAY', 'ATTACK', 'PAK', 34.0, 71.57, ?, ?, ?)", new String[] { "id" });
			statement.setDate(1, Date.valueOf(date));
			statement.setDate(2, Date.valueOf(date));
			statement.setInt(3, killed);
			statement.setTimestamp(4, Timestamp.from(Instant.now()));
			statement.setTimestamp(5, Timestamp.from(Instant.now()));
			return statement;
		}, key);
		this.jdbc.update("update incident_statistics_state set data_version = data_version + 1");
		return key.getKey().longValue();
	}

	private void record(String dataset, String recordId, String date, int killed, long incident) {
		this.jdbc.update("insert into source_record (dataset, file_checksum, source_record_id, ingest_run_id, "
				+ "content_hash, date_start, date_end, date_precision, kind, country, place, latitude, longitude, "
				+ "killed, raw_record, incident_id, match_score, match_evidence) values (?, '0', ?, "
				+ "(select max(id) from ingest_run), ?, ?, ?, 'DAY', 'ATTACK', 'PAK', 'Peshawar', 34.0, 71.57, ?, "
				+ "'raw', ?, 1.0, '{\"rule\":\"single-source\"}')", dataset, recordId, dataset + recordId,
				Date.valueOf(date), Date.valueOf(date), killed, incident);
	}

}
