package org.incidentintel.api;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.incidentintel.api.relay.GlobalId;
import org.incidentintel.domain.reference.ReferenceDataLoader;
import org.incidentintel.domain.reference.ReferenceDataReader;
import org.incidentintel.domain.security.ApiTokens;
import org.incidentintel.domain.security.Role;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.incidentintel.api.testing.H2IntegrationTest;
import org.incidentintel.api.testing.TestDatabase;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.client.MockMvcWebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Runs every query of docs/graphql-cookbook.md (the documents under
 * {@code graphql-test/cookbook/}, which the cookbook quotes verbatim) against the real
 * reference data and a few incidents of 2023-2024:
 *
 * <pre>
 * date        kind                region              killed injured actor (as reported)
 * 2023-12-30  ATTACK              Balochistan              3       1 BLA
 * 2024-01-15  ATTACK              Khyber Pakhtunkhwa      10       5 TTP
 * 2024-02-10  ATTACK              Balochistan              6       2 Islamic State Khorasan (ISKP)
 * 2024-03-05  ATTACK              Khyber Pakhtunkhwa       4       8 IS-K (suspected)
 * 2024-03-31  SECURITY_OPERATION  Punjab                   4       -
 * 2024-04-20  ATTACK              Khyber Pakhtunkhwa      20      30 Tehreek-e-Taliban Pakistan
 * </pre>
 */
@H2IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CookbookIntegrationTests {

	private static final Path COOKBOOK = Path.of("..", "docs", "graphql-cookbook.md");

	private static final String FOLDER = "graphql-test/cookbook/";

	@Autowired
	private MockMvc mockMvc;

	@Autowired
	private ReferenceDataLoader referenceDataLoader;

	@Autowired
	private JdbcTemplate jdbc;

	@Autowired
	private ApiTokens tokens;

	private HttpGraphQlTester graphQl;

	@BeforeAll
	void loadReferenceDataAndIncidents() {
		// The module's H2 is shared: start from nothing, whatever the classes before left
		TestDatabase.clear(this.jdbc);
		this.referenceDataLoader.load(new ReferenceDataReader().readClasspath());
		long run = insertRun("ucdp-ged", "GEDEvent_v25_1.csv", Instant.parse("2024-06-01T10:00:00Z"));
		incident(run, "1", "2023-12-30", "ATTACK", "pk-ba", "Turbat", 3, 1, "bla", "BLA", false);
		incident(run, "2", "2024-01-15", "ATTACK", "pk-kp", "Peshawar", 10, 5, "ttp", "TTP", false);
		incident(run, "3", "2024-02-10", "ATTACK", "pk-ba", "Quetta", 6, 2, "iskp", "Islamic State Khorasan (ISKP)",
				false);
		incident(run, "4", "2024-03-05", "ATTACK", "pk-kp", "Bajaur", 4, 8, "iskp", "IS-K", true);
		incident(run, "5", "2024-03-31", "SECURITY_OPERATION", "pk-pb", "Dera Ghazi Khan", 4, null, null, null, false);
		incident(run, "6", "2024-04-20", "ATTACK", "pk-kp", "Dera Ismail Khan", 20, 30, "ttp",
				"Tehreek-e-Taliban Pakistan", false);
	}

	@BeforeEach
	void client() {
		this.graphQl = HttpGraphQlTester.create(MockMvcWebTestClient.bindTo(this.mockMvc).baseUrl("/graphql").build());
	}

	@Test
	void pagingWithCursors() {
		GraphQlTester.Response first = cookbook("incidentsPage").variable("first", 2).execute();
		first.path("incidents.totalCount").entity(Integer.class).isEqualTo(6);
		first.path("incidents.edges[*].node.place")
			.entityList(String.class)
			.containsExactly("Dera Ismail Khan", "Dera Ghazi Khan");
		first.path("incidents.edges[0].node.region.name").entity(String.class).isEqualTo("Khyber Pakhtunkhwa");
		first.path("incidents.edges[0].node.casualties.killed").entity(Integer.class).isEqualTo(20);
		first.path("incidents.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(true);
		String endCursor = first.path("incidents.pageInfo.endCursor").entity(String.class).get();
		first.path("incidents.edges[1].cursor").entity(String.class).isEqualTo(endCursor);

		GraphQlTester.Response second = cookbook("incidentsPage").variable("first", 2)
			.variable("after", endCursor)
			.execute();
		second.path("incidents.edges[*].node.place").entityList(String.class).containsExactly("Bajaur", "Quetta");

		String last = second.path("incidents.pageInfo.endCursor").entity(String.class).get();
		GraphQlTester.Response third = cookbook("incidentsPage").variable("first", 2).variable("after", last).execute();
		third.path("incidents.edges[*].node.place").entityList(String.class).containsExactly("Peshawar", "Turbat");
		third.path("incidents.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(false);
	}

	@Test
	void incidentsOfAnOrganizationByAnyOfItsNames() {
		for (String name : List.of("Daesh", "ISIS-K", "Islamic State Khorasan Province")) {
			GraphQlTester.Response response = cookbook("incidentsByAlias").variable("name", name).execute();
			response.path("incidents.totalCount").entity(Integer.class).isEqualTo(2);
			response.path("incidents.edges[*].node.place").entityList(String.class).containsExactly("Bajaur", "Quetta");
			response.path("incidents.edges[*].node.perpetrators[0].name")
				.entityList(String.class)
				.containsExactly("IS-K", "Islamic State Khorasan (ISKP)");
			response.path("incidents.edges[0].node.perpetrators[0].suspected").entity(Boolean.class).isEqualTo(true);
			response.path("incidents.edges[*].node.perpetrators[0].organization.acronym")
				.entityList(String.class)
				.containsExactly("ISKP", "ISKP");
			response.path("incidents.edges[0].node.sources[0].dataset").entity(String.class).isEqualTo("ucdp-ged");
		}
	}

	@Test
	void anOrganizationByAnAlias() {
		GraphQlTester.Response response = cookbook("organizationByAlias").variable("name", "Daesh").execute();

		response.path("organization.name").entity(String.class).isEqualTo("Islamic State Khorasan Province");
		response.path("organization.acronym").entity(String.class).isEqualTo("ISKP");
		response.path("organization.parent.name").entity(String.class).isEqualTo("Islamic State");
		response.path("organization.aliases[*].name").entityList(String.class).contains("Daesh", "ISIS-K", "IS-K");
	}

	@Test
	void candidatesForAMisspeltName() {
		GraphQlTester.Response response = cookbook("searchOrganizations").variable("search", "Tehreek Taliban Pakistn")
			.execute();

		response.path("organizations.edges[0].node.acronym").entity(String.class).isEqualTo("TTP");
		response.path("organizations.edges[0].match.exact").entity(Boolean.class).isEqualTo(false);
		assertThat(response.path("organizations.edges").entityList(Object.class).get()).hasSizeBetween(1, 3);
	}

	@Test
	void anUnknownNameIsNotFoundWithSuggestions() {
		GraphQlTester.Response response = cookbook("organizationNotFound").execute();
		ResponseError error = singleError(response);

		assertThat(error.getExtensions()).containsEntry("code", "NOT_FOUND").containsKey("suggestions");
		assertThat(error.getMessage()).contains("closest: Tehrik-i-Taliban Pakistan");
	}

	@Test
	void statisticsByProvinceAndQuarterWithFatalityShares() {
		GraphQlTester.Response response = cookbook("statisticsByProvinceAndQuarter").variable("from", "2024-01-01")
			.variable("to", "2024-06-30")
			.execute();

		response.path("byProvince.totals.incidents").entity(Integer.class).isEqualTo(5);
		response.path("byProvince.totals.killed").entity(Integer.class).isEqualTo(44);
		response.path("byProvince.buckets[*].key.region.name")
			.entityList(String.class)
			.containsExactly("Balochistan", "Khyber Pakhtunkhwa", "Punjab");
		response.path("byProvince.buckets[*].killed").entityList(Integer.class).containsExactly(6, 34, 4);
		List<Double> shares = response.path("byProvince.buckets[*].killedShare").entityList(Double.class).get();
		assertThat(shares.get(0)).isCloseTo(6 / 44.0, within(1e-9));
		assertThat(shares.get(1)).isCloseTo(34 / 44.0, within(1e-9));

		response.path("byQuarter.buckets[*].key.quarter").entityList(Integer.class).containsExactly(1, 1, 1, 2);
		response.path("byQuarter.buckets[*].key.region.name")
			.entityList(String.class)
			.containsExactly("Balochistan", "Khyber Pakhtunkhwa", "Punjab", "Khyber Pakhtunkhwa");
		response.path("byQuarter.buckets[*].killed").entityList(Integer.class).containsExactly(6, 14, 4, 20);
		response.path("byQuarter.buckets[3].killedShare")
			.entity(Double.class)
			.satisfies((share) -> assertThat(share).isCloseTo(20 / 44.0, within(1e-9)));

		// One quarter alone: its shares are of the quarter's fatalities (CRSS: KP 51%,
		// Balochistan 41%)
		GraphQlTester.Response q1 = cookbook("statisticsByProvinceAndQuarter").variable("from", "2024-01-01")
			.variable("to", "2024-03-31")
			.execute();
		q1.path("byProvince.totals.killed").entity(Integer.class).isEqualTo(24);
		List<Double> q1Shares = q1.path("byProvince.buckets[*].killedShare").entityList(Double.class).get();
		assertThat(q1Shares.get(0)).isCloseTo(0.25, within(1e-9));
		assertThat(q1Shares.get(1)).isCloseTo(14 / 24.0, within(1e-9));
	}

	@Test
	void theDialogueOf2024WithItsThreatsAndTheirIncidents() {
		GraphQlTester.Response response = cookbook("dialogueThreatsAndTheirIncidents")
			.variable("year", Map.of("from", "2024-01-01", "to", "2024-12-31"))
			.execute();
		String round = "dialogues.edges[0].node.";

		response.path("dialogues.edges").entityList(Object.class).hasSize(1);
		response.path(round + "date").entity(String.class).isEqualTo("2024-05-10");
		response.path(round + "parties").entityList(String.class).containsExactly("PAK", "USA");
		response.path(round + "delegates[*].name")
			.entityList(String.class)
			.containsExactly("Syed Haider Shah", "Elizabeth Richard");
		response.path(round + "commitments[*].kind")
			.entityList(String.class)
			.satisfies((kinds) -> assertThat(kinds).hasSize(4).containsOnly("COMMITMENT"));
		response.path(round + "achievements[0].quantity").entity(Integer.class).isEqualTo(300);
		response.path(round + "threatMentions[*].statedAs")
			.entityList(String.class)
			.containsExactly("Tehreek-e-Taliban Pakistan (TTP)", "Daesh / ISIS-Khorasan");
		response.path(round + "previous.date").entity(String.class).isEqualTo("2023-03-01");
		response.path(round + "previous.datePrecision").entity(String.class).isEqualTo("MONTH");
		response.path(round + "threats[*].acronym").entityList(String.class).containsExactly("ISKP", "TTP");
		response.path(round + "threats[0].aliases[*].name").entityList(String.class).contains("Daesh");
		response.path(round + "threats[0].incidents.totalCount").entity(Integer.class).isEqualTo(2);
		response.path(round + "threats[0].incidents.edges[*].node.place")
			.entityList(String.class)
			.containsExactly("Bajaur", "Quetta");
		response.path(round + "threats[1].incidents.totalCount").entity(Integer.class).isEqualTo(2);
		response.path(round + "threats[1].incidents.edges[*].node.place")
			.entityList(String.class)
			.containsExactly("Dera Ismail Khan", "Peshawar");
	}

	@Test
	void aReportReconciledWithTheIncidents() {
		GraphQlTester.Response response = cookbook("reportReconciliation").execute();
		String report = "reports.edges[0].node.";

		response.path(report + "title").entity(String.class).satisfies((title) -> assertThat(title).contains("CRSS"));
		response.path(report + "period.from").entity(String.class).isEqualTo("2024-01-01");
		response.path(report + "reconciliation[0].metric").entity(String.class).isEqualTo("fatalities");
		response.path(report + "reconciliation[0].published").entity(Double.class).isEqualTo(432.0);
		response.path(report + "reconciliation[0].computed").entity(Double.class).isEqualTo(24.0);
		response.path(report + "reconciliation[0].difference").entity(Double.class).isEqualTo(-408.0);
		response.path(report + "reconciliation[0].comparison").entity(String.class).isEqualTo("AT_LEAST");
		response.path(report + "reconciliation[0].coverage")
			.entity(String.class)
			.satisfies((coverage) -> assertThat(coverage).startsWith("covered by ucdp-ged (4 records in the period); "
					+ "UCDP GED codes only organized violence with a known actor"));
		response.path(report + "reconciliation[?(@.scope == 'pk-kp')].computed")
			.entityList(Double.class)
			.satisfies((computed) -> assertThat(computed.get(0)).isCloseTo(14 / 24.0, within(1e-4)));
		response.path(report + "reconciliation[?(@.scope == 'pk-kp')].published")
			.entityList(Double.class)
			.containsExactly(0.51);
	}

	@Test
	void whatTheEtlLoaded() {
		GraphQlTester.Response response = cookbook("ingestRuns").execute();

		response.path("ingestRuns.totalCount").entity(Integer.class).isEqualTo(1);
		response.path("ingestRuns.edges[0].node.dataset").entity(String.class).isEqualTo("ucdp-ged");
		response.path("ingestRuns.edges[0].node.status").entity(String.class).isEqualTo("COMPLETED");
		response.path("ingestRuns.edges[0].node.rejectsByReason").entityList(Object.class).hasSize(0);
	}

	@Test
	void aPageOverTheCapIsLimitExceeded() {
		ResponseError error = singleError(cookbook("pageTooLarge").execute());

		assertThat(error.getMessage()).isEqualTo("first is 500; a page holds at most 100 items: page with cursors");
		assertThat(error.getExtensions()).containsEntry("code", "LIMIT_EXCEEDED")
			.containsEntry("argumentPath", List.of("first"));
		assertThat(error.getParsedPath()).containsExactly("incidents");
	}

	@Test
	void anUnknownRegionIsBadUserInputNamingTheArgument() {
		ResponseError error = singleError(cookbook("unknownRegion").execute());

		assertThat(error.getMessage()).contains("Atlantis");
		assertThat(error.getExtensions()).containsEntry("code", "BAD_USER_INPUT")
			.containsEntry("argumentPath", List.of("filter", "region", 0));
	}

	@Test
	void anEditorAddsAnAliasWithABearerToken() {
		String token = this.tokens.create("cookbook-" + java.util.UUID.randomUUID(), Role.EDITOR).token();
		long ttp = this.jdbc.queryForObject("select id from organization where ref_key = 'ttp'", Long.class);
		HttpGraphQlTester editor = this.graphQl.mutate().header("Authorization", "Bearer " + token).build();

		GraphQlTester.Response response = editor.documentName("cookbook/addAlias")
			.variable("organization", GlobalId.of("Organization", ttp))
			.variable("alias", "Tahreek-e-Taliban Pakistan")
			.execute();

		response.path("addOrganizationAlias.clientMutationId").entity(String.class).isEqualTo("cookbook-1");
		response.path("addOrganizationAlias.organization.acronym").entity(String.class).isEqualTo("TTP");
		response.path("addOrganizationAlias.alias.name").entity(String.class).isEqualTo("Tahreek-e-Taliban Pakistan");
		ResponseError anonymous = singleError(
				cookbook("addAlias").variable("organization", GlobalId.of("Organization", ttp))
					.variable("alias", "Tahreek Taliban Pakistan")
					.execute());
		assertThat(anonymous.getExtensions()).containsEntry("code", "UNAUTHENTICATED");
	}

	@Test
	void everyCookbookDocumentIsTestedAndQuotedInTheCookbook() throws IOException {
		String cookbook = Files.readString(COOKBOOK, StandardCharsets.UTF_8);
		Resource[] documents = new PathMatchingResourcePatternResolver()
			.getResources("classpath:" + FOLDER + "*.graphql");
		List<String> names = Arrays.stream(documents)
			.map((resource) -> resource.getFilename().replace(".graphql", ""))
			.sorted()
			.toList();

		assertThat(names).containsExactlyInAnyOrder("addAlias", "dialogueThreatsAndTheirIncidents", "incidentsByAlias",
				"incidentsPage", "ingestRuns", "organizationByAlias", "organizationNotFound", "pageTooLarge",
				"reportReconciliation", "searchOrganizations", "statisticsByProvinceAndQuarter", "unknownRegion");
		for (Resource document : documents) {
			String text = document.getContentAsString(StandardCharsets.UTF_8).strip();
			assertThat(cookbook).as("docs/graphql-cookbook.md quotes %s", document.getFilename()).contains(text);
		}
	}

	private GraphQlTester.Request<?> cookbook(String name) {
		return this.graphQl.documentName("cookbook/" + name);
	}

	private static ResponseError singleError(GraphQlTester.Response response) {
		ResponseError[] found = new ResponseError[1];
		response.errors().satisfy((errors) -> {
			assertThat(errors).hasSize(1);
			found[0] = errors.get(0);
		});
		return found[0];
	}

	private long insertRun(String dataset, String fileName, Instant startedAt) {
		this.jdbc.update(
				"insert into ingest_run (dataset, file_name, file_checksum, status, started_at, finished_at, "
						+ "read_count, inserted_count, updated_count, unchanged_count, rejected_count, filtered_count) "
						+ "values (?, ?, 'abc123', 'COMPLETED', ?, ?, 6, 6, 0, 0, 0, 0)",
				dataset, fileName, Timestamp.from(startedAt), Timestamp.from(startedAt.plusSeconds(60)));
		return this.jdbc.queryForObject("select max(id) from ingest_run", Long.class);
	}

	private void incident(long run, String recordId, String day, String kind, String regionKey, String place,
			Integer killed, Integer injured, String organizationKey, String actor, boolean suspected) {
		LocalDate date = LocalDate.parse(day);
		Long region = this.jdbc.queryForObject("select id from region where ref_key = ?", Long.class, regionKey);
		Timestamp now = Timestamp.from(Instant.now());
		this.jdbc.update(
				"insert into incident (date_start, date_end, date_precision, kind, country, region_id, "
						+ "region_at_event_id, place, killed, injured, created_at, updated_at) "
						+ "values (?, ?, 'DAY', ?, 'PAK', ?, ?, ?, ?, ?, ?, ?)",
				date, date, kind, region, region, place, killed, injured, now, now);
		// As every writer of incident rows does: the statistics cells are stale now
		this.jdbc.update("update incident_statistics_state set data_version = data_version + 1");
		long incident = this.jdbc.queryForObject("select max(id) from incident", Long.class);
		if (actor != null) {
			Long organization = this.jdbc.queryForObject("select id from organization where ref_key = ?", Long.class,
					organizationKey);
			this.jdbc.update(
					"insert into incident_perpetrator (incident_id, organization_id, name_as_reported, role, "
							+ "suspected) values (?, ?, ?, 'PERPETRATOR', ?)",
					incident, organization, actor, suspected);
		}
		this.jdbc.update(
				"insert into source_record (dataset, file_checksum, source_record_id, ingest_run_id, "
						+ "line_number, content_hash, date_start, date_end, date_precision, kind, country, raw_record, "
						+ "incident_id) values ('ucdp-ged', 'abc123', ?, ?, ?, 'hash', ?, ?, 'DAY', ?, 'PAK', '{}', ?)",
				recordId, run, Long.parseLong(recordId) + 1, date, date, kind, incident);
	}

}
