package org.incidentintel.api;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.incidentintel.api.relay.GlobalId;
import org.incidentintel.domain.common.NameKey;
import org.incidentintel.domain.reference.ReferenceDataLoader;
import org.incidentintel.domain.reference.ReferenceDataReader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.incidentintel.api.testing.H2IntegrationTest;
import org.incidentintel.api.testing.StatementCounting;
import org.incidentintel.api.testing.TestDatabase;
import org.incidentintel.domain.organization.OrganizationFamiliesCache;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.client.MockMvcWebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * End to end over HTTP on an in-memory H2 holding the real reference data: organizations,
 * dialogues, security reports with their reconciliation, regions and ingest runs.
 */
@H2IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReferenceQueriesIntegrationTests {

	private static final String Q1_2024_NOT_COVERED = "no loaded source covers PAK 2024-01-01..2024-03-31: "
			+ "nothing is computed";

	@Autowired
	private MockMvc mockMvc;

	@Autowired
	private ReferenceDataLoader referenceDataLoader;

	@Autowired
	private JdbcTemplate jdbc;

	@Autowired
	private OrganizationFamiliesCache families;

	private HttpGraphQlTester graphQl;

	@BeforeAll
	void loadReferenceData() {
		// The module's H2 is shared: start from the reference data alone
		TestDatabase.clear(this.jdbc);
		this.referenceDataLoader.load(new ReferenceDataReader().readClasspath());
	}

	@BeforeEach
	void startFromReferenceDataOnly() {
		this.graphQl = HttpGraphQlTester.create(MockMvcWebTestClient.bindTo(this.mockMvc).baseUrl("/graphql").build());
		TestDatabase.clearIncidents(this.jdbc);
		this.jdbc.update("delete from organization_alias where organization_id in "
				+ "(select id from organization where ref_key like 'test-%')");
		this.jdbc.update("update organization set merged_into_id = null where ref_key like 'test-%'");
		this.jdbc.update("delete from organization where ref_key like 'test-%'");
		this.families.reload();
	}

	// Dialogues
	// --------------------------------------------------------------------------

	@Test
	void dialogueOfMay2024HasItsCoChairsTopicsThreatsCommitmentsAndSources() {
		GraphQlTester.Response response = dialogues(Map.of("date", Map.of("from", "2024-05-10", "to", "2024-05-10")));
		String round = "dialogues.edges[0].node.";

		response.path("dialogues.totalCount").entity(Integer.class).isEqualTo(1);
		response.path(round + "key").entity(String.class).isEqualTo("pak-usa-ct-dialogue-2024");
		response.path(round + "date").entity(String.class).isEqualTo("2024-05-10");
		response.path(round + "datePrecision").entity(String.class).isEqualTo("DAY");
		response.path(round + "location").entity(String.class).isEqualTo("Washington, D.C.");
		response.path(round + "hostCountry").entity(String.class).isEqualTo("USA");
		response.path(round + "parties").entityList(String.class).containsExactly("PAK", "USA");
		response.path(round + "delegates[*].name")
			.entityList(String.class)
			.containsExactly("Syed Haider Shah", "Elizabeth Richard");
		response.path(round + "delegates[*].role").entityList(String.class).containsExactly("co-chair", "co-chair");
		response.path(round + "delegates[*].country").entityList(String.class).containsExactly("PAK", "USA");
		response.path(round + "delegates[*].organization.name")
			.entityList(String.class)
			.containsExactly("Ministry of Foreign Affairs of Pakistan", "Bureau of Counterterrorism");
		response.path(round + "delegates[0].title")
			.entity(String.class)
			.satisfies((title) -> assertThat(title).contains("Additional Foreign Secretary"));
		response.path(round + "topics").entityList(String.class).hasSize(6);
		response.path(round + "threats[*].acronym").entityList(String.class).containsExactly("ISKP", "TTP");
		response.path(round + "threats[0].aliases[*].name").entityList(String.class).contains("Daesh", "ISIS-K");
		response.path(round + "threatMentions[*].statedAs")
			.entityList(String.class)
			.containsExactly("Tehreek-e-Taliban Pakistan (TTP)", "Daesh / ISIS-Khorasan");
		response.path(round + "threatMentions[*].organization.key")
			.entityList(String.class)
			.containsExactly("ttp", "iskp");
		response.path(round + "threatMentions[*].describedAs")
			.entityList(String.class)
			.satisfies((wording) -> assertThat(wording)
				.containsOnly("most pressing challenges to regional and global security"));
		// The training is past work reported at the round, not a commitment
		response.path(round + "commitments[*].kind")
			.entityList(String.class)
			.satisfies((kinds) -> assertThat(kinds).hasSize(4).containsOnly("COMMITMENT"));
		response.path(round + "commitments[*].quantity")
			.entityList(Object.class)
			.satisfies((quantities) -> assertThat(quantities).containsOnlyNulls());
		response.path(round + "commitments[*].description")
			.entityList(String.class)
			.satisfies((descriptions) -> assertThat(descriptions)
				.anySatisfy((description) -> assertThat(description).contains("detect and deter violent extremism"))
				.anySatisfy((description) -> assertThat(description).contains("Global Counterterrorism Forum")));
		response.path(round + "achievements[0].kind").entity(String.class).isEqualTo("ACHIEVEMENT");
		response.path(round + "achievements[0].quantity").entity(Integer.class).isEqualTo(300);
		response.path(round + "achievements[0].qualifier").entity(String.class).isEqualTo("MORE_THAN");
		response.path(round + "achievements[0].unit").entity(String.class).isEqualTo("people trained");
		response.path(round + "achievements").entityList(Object.class).hasSize(1);
		response.path(round + "previous.key").entity(String.class).isEqualTo("pak-usa-ct-dialogue-2023");
		response.path(round + "previous.datePrecision").entity(String.class).isEqualTo("MONTH");
		response.path(round + "previous.next.key").entity(String.class).isEqualTo("pak-usa-ct-dialogue-2024");
		response.path(round + "next").valueIsNull();
		response.path(round + "sources[*].kind").entityList(String.class).containsExactly("STATEMENT", "ARTICLE");
		response.path(round + "sources[1].author").entity(String.class).isEqualTo("Web Desk");
		response.path(round + "sources[0].publisher.name")
			.entity(String.class)
			.isEqualTo("Ministry of Foreign Affairs of Pakistan");
		response.path(round + "sources[0].publishedOn").entity(String.class).isEqualTo("2024-05-13");
		// The news article cites the CRSS Q1 2024 report
		response.path(round + "sources[1].cites[*].key").entityList(String.class).containsExactly("crss-2024-q1");
		response.path(round + "sources[0].cites").entityList(Object.class).hasSize(0);
	}

	@Test
	void eachThreatListsTheDialoguesThatNamedIt() {
		GraphQlTester.Response response = dialogues(Map.of("date", Map.of("from", "2024-05-10", "to", "2024-05-10")));

		for (int threat = 0; threat < 2; threat++) {
			String path = "dialogues.edges[0].node.threats[" + threat + "].dialogues";
			response.path(path + ".totalCount").entity(Integer.class).isEqualTo(1);
			response.path(path + ".edges[*].node.key")
				.entityList(String.class)
				.containsExactly("pak-usa-ct-dialogue-2024");
		}
	}

	@Test
	void dialoguesAreFilteredByThreatNameOrAliasAndParty() {
		dialogues(Map.of("threat", "Daesh")).path("dialogues.edges[*].node.key")
			.entityList(String.class)
			.containsExactly("pak-usa-ct-dialogue-2024");
		dialogues(Map.of("threat", "Tehreek-e-Taliban Pakistan", "party", "usa")).path("dialogues.totalCount")
			.entity(Integer.class)
			.isEqualTo(1);
		dialogues(Map.of("party", "PAK")).path("dialogues.edges[*].node.key")
			.entityList(String.class)
			.containsExactly("pak-usa-ct-dialogue-2024", "pak-usa-ct-dialogue-2023");
		dialogues(Map.of("party", "IND")).path("dialogues.totalCount").entity(Integer.class).isEqualTo(0);
		assertBadInput(this.graphQl.documentName("dialogueRounds")
			.variable("filter", Map.of("threat", "No Such Group"))
			.execute(), "no organization is known by the name 'No Such Group'");
	}

	@Test
	void dialoguesArePagedNewestFirst() {
		GraphQlTester.Response first = this.graphQl.documentName("dialogueRounds").variable("first", 1).execute();
		first.path("dialogues.edges[*].node.key").entityList(String.class).containsExactly("pak-usa-ct-dialogue-2024");
		first.path("dialogues.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(true);
		String cursor = first.path("dialogues.pageInfo.endCursor").entity(String.class).get();

		GraphQlTester.Response second = this.graphQl.documentName("dialogueRounds")
			.variable("first", 1)
			.variable("after", cursor)
			.execute();
		second.path("dialogues.edges[*].node.key").entityList(String.class).containsExactly("pak-usa-ct-dialogue-2023");
		second.path("dialogues.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(false);
	}

	@Test
	void nestedDialogueFieldsAreBatchLoadedWhateverTheNumberOfRounds() {
		int forOneRound = countStatements(
				() -> dialogues(Map.of("date", Map.of("from", "2024-05-10"))).path("dialogues.totalCount")
					.entity(Integer.class)
					.isEqualTo(1));
		int forAllRounds = countStatements(
				() -> dialogues(Map.of()).path("dialogues.totalCount").entity(Integer.class).isEqualTo(2));

		// One statement per field and level, whatever the number of rounds (more rounds
		// can
		// even need fewer: a round loaded at one level is cached for the next)
		assertThat(forOneRound).isLessThan(25);
		assertThat(forAllRounds).isLessThanOrEqualTo(forOneRound);
	}

	// Organizations
	// ----------------------------------------------------------------------

	@Test
	void daeshIsTheIslamicStateKhorasanProvince() {
		GraphQlTester.Response response = organization(Map.of("name", "Daesh"));

		response.path("organization.key").entity(String.class).isEqualTo("iskp");
		response.path("organization.name").entity(String.class).isEqualTo("Islamic State Khorasan Province");
		response.path("organization.kind").entity(String.class).isEqualTo("MILITANT_GROUP");
		response.path("organization.parent.key").entity(String.class).isEqualTo("islamic-state");
		response.path("organization.aliases[?(@.name == 'Daesh')].note")
			.entityList(String.class)
			.satisfies((notes) -> assertThat(notes.get(0)).contains("Pakistani official usage"));
		response.path("organization.dialogues.edges[*].node.key")
			.entityList(String.class)
			.containsExactly("pak-usa-ct-dialogue-2024");
	}

	@Test
	void tehreekETalibanPakistanIsTheTtp() {
		GraphQlTester.Response response = organization(Map.of("name", "Tehreek-e-Taliban Pakistan"));

		response.path("organization.key").entity(String.class).isEqualTo("ttp");
		response.path("organization.acronym").entity(String.class).isEqualTo("TTP");
		response.path("organization.country").entity(String.class).isEqualTo("PAK");
		response.path("organization.aliases[*].name")
			.entityList(String.class)
			.contains("Tehrik-i-Taliban Pakistan", "TTP", "Tehreek-e-Taliban Pakistan", "Pakistani Taliban");
		String id = response.path("organization.id").entity(String.class).get();

		organization(Map.of("id", id)).path("organization.key").entity(String.class).isEqualTo("ttp");
		organization(Map.of("name", "pakistan, tehrik-e-taliban")).path("organization.key")
			.entity(String.class)
			.isEqualTo("ttp");
		organization(Map.of("name", "No Such Group")).errors()
			.satisfy((errors) -> assertThat(errors).singleElement()
				.satisfies((error) -> assertThat(error.getExtensions()).containsEntry("code", "NOT_FOUND")))
			.path("organization")
			.valueIsNull();
	}

	@Test
	void delegatesMakeAnOrganizationPartOfADialogue() {
		organization(Map.of("name", "Foreign Office")).path("organization.dialogues.edges[*].node.key")
			.entityList(String.class)
			.containsExactly("pak-usa-ct-dialogue-2024");
	}

	@Test
	void aMergedOrganizationRedirectsToTheSurvivor() {
		long ttp = this.jdbc.queryForObject("select id from organization where ref_key = 'ttp'", Long.class);
		long merged = insertOrganization("test-merged", "Old Front of the TTP", ttp);
		insertAlias(merged, "Old Front of the TTP");

		organization(Map.of("name", "Old Front of the TTP")).path("organization.key")
			.entity(String.class)
			.isEqualTo("ttp");
		organization(Map.of("id", GlobalId.of("Organization", merged))).path("organization.key")
			.entity(String.class)
			.isEqualTo("ttp");
		organizations(Map.of("text", "old front"), null, null).path("organizations.totalCount")
			.entity(Integer.class)
			.isEqualTo(0);
	}

	@Test
	void anAliasOfSeveralOrganizationsIsAnErrorListingThem() {
		insertAlias(insertOrganization("test-twin-a", "Twin Front A", null), "Twin Front");
		insertAlias(insertOrganization("test-twin-b", "Twin Front B", null), "Twin Front");

		assertBadInput(organization(Map.of("name", "twin front")), "names several organizations: Twin Front A (id ",
				"Twin Front B (id ");
	}

	@Test
	void organizationNeedsExactlyOneOfIdAndName() {
		assertBadInput(organization(Map.of()), "give exactly one of id and name");
		assertBadInput(organization(Map.of("name", "TTP", "id", "T3JnYW5pemF0aW9uOjE")),
				"give exactly one of id and name");
		assertBadInput(organization(Map.of("name", "  ")), "must not be blank");
	}

	@Test
	void organizationsAreFilteredAndPagedByName() {
		Map<String, Object> balochGroups = Map.of("kind", List.of("MILITANT_GROUP"), "text", "BALOCH");
		GraphQlTester.Response first = organizations(balochGroups, 2, null);
		first.path("organizations.totalCount").entity(Integer.class).isEqualTo(6);
		first.path("organizations.edges[*].node.key").entityList(String.class).containsExactly("baloch-ittehad", "bla");
		first.path("organizations.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(true);
		String cursor = first.path("organizations.pageInfo.endCursor").entity(String.class).get();

		GraphQlTester.Response second = organizations(balochGroups, 2, cursor);
		second.path("organizations.edges[*].node.key").entityList(String.class).containsExactly("bras", "bra");
		second.path("organizations.pageInfo.hasPreviousPage").entity(Boolean.class).isEqualTo(true);

		organizations(Map.of("kind", List.of("RESEARCH_CENTRE"), "country", "pak"), null, null)
			.path("organizations.edges[*].node.key")
			.entityList(String.class)
			.contains("crss")
			.doesNotContain("ucdp");
	}

	// Security reports
	// -------------------------------------------------------------------

	@Test
	void crssReportWithoutIncidentsInItsPeriodSaysNoSourceCoversIt() {
		insertIncident(LocalDate.parse("2023-12-31"), "ATTACK", "PAK", "pk-kp", 50, 10, 20, 20);
		GraphQlTester.Response response = this.graphQl.documentName("reports").execute();
		String report = "reports.edges[0].node.";

		response.path("reports.totalCount").entity(Integer.class).isEqualTo(3);
		response.path("reports.edges[*].node.key")
			.entityList(String.class)
			.containsExactly("crss-2024-q1", "crss-2021", "crss-2020");
		response.path(report + "key").entity(String.class).isEqualTo("crss-2024-q1");
		response.path(report + "publisher.key").entity(String.class).isEqualTo("crss");
		response.path(report + "period.from").entity(String.class).isEqualTo("2024-01-01");
		response.path(report + "period.to").entity(String.class).isEqualTo("2024-03-31");
		response.path(report + "publishedOn").entity(String.class).isEqualTo("2024-04-01");
		response.path(report + "publishedPrecision").entity(String.class).isEqualTo("MONTH");
		response.path(report + "sources[*].publisher.key").entityList(String.class).containsExactly("crss");
		response.path(report + "citedBy[*].key").entityList(String.class).containsExactly("news-report-2024-05-13");
		response.path(report + "citedBy[0].cites[*].key").entityList(String.class).containsExactly("crss-2024-q1");
		response.path(report + "figures")
			.entityList(Figure.class)
			.containsExactly(new Figure("fatalities", "PAK", 432.0, null, "AT_LEAST"),
					new Figure("injured", "PAK", 370.0, null, "EQUAL"),
					new Figure("incidents", "PAK", 245.0, null, "EQUAL"),
					new Figure("fatalities_civilians_and_security_forces", "PAK", 281.0, null, "EQUAL"),
					new Figure("fatalities", "pk-kp", null, 0.51, "EQUAL"),
					new Figure("fatalities", "pk-ba", null, 0.41, "EQUAL"),
					new Figure("fatalities", "pk-kp+pk-ba", null, 0.92, "EQUAL"),
					new Figure("attacks", "pk-kp+pk-ba", null, 0.86, "EQUAL"),
					new Figure("fatalities", "pk-pb", null, 0.08, "LESS_THAN"),
					new Figure("fatalities", "pk-sd", null, 0.08, "LESS_THAN"),
					new Figure("fatalities", "pk-is", null, 0.08, "LESS_THAN"),
					new Figure("fatalities", "pk-jk", null, 0.08, "LESS_THAN"),
					new Figure("fatalities", "pk-gb", null, 0.08, "LESS_THAN"));

		List<Reconciled> rows = response.path(report + "reconciliation").entityList(Reconciled.class).get();
		assertThat(rows).hasSize(13).allSatisfy((row) -> {
			assertThat(row.coverage()).isEqualTo(Q1_2024_NOT_COVERED);
			assertThat(row.coveringSources()).isEmpty();
		});
		// Nothing loaded covers the period: a computed 0 would read as a finding
		assertThat(rows).allSatisfy((row) -> {
			assertThat(row.computed()).isNull();
			assertThat(row.difference()).isNull();
		});
		assertThat(rows.get(0)).extracting(Reconciled::measure, Reconciled::comparison, Reconciled::published)
			.containsExactly("COUNT", "AT_LEAST", 432.0);
	}

	@Test
	void crssReportIsReconciledWithTheIncidentsOfItsPeriodAndScope() {
		long run = insertRun("ucdp-ged", "ged.csv", Instant.parse("2024-06-01T10:00:00Z"), null);
		insertSourceRecord(run, "ucdp-ged", "1", LocalDate.parse("2024-01-15"), "PAK");
		insertSourceRecord(run, "ucdp-ged", "2", LocalDate.parse("2024-03-31"), "PAK");
		insertSourceRecord(run, "ucdp-ged", "3", LocalDate.parse("2024-04-01"), "PAK");
		insertSourceRecord(run, "ucdp-ged", "4", LocalDate.parse("2024-02-01"), "AFG");
		// In the period: KP 10 killed (attack), Balochistan 6 (attack), Punjab 4
		// (operation)
		insertIncident(LocalDate.parse("2024-01-15"), "ATTACK", "PAK", "pk-kp", 10, 5, 4, 3);
		insertIncident(LocalDate.parse("2024-02-10"), "ATTACK", "PAK", "pk-ba", 6, 2, 6, null);
		insertIncident(LocalDate.parse("2024-03-31"), "SECURITY_OPERATION", "PAK", "pk-pb", 4, 3, null, 1);
		// Outside the period or the country: not counted
		insertIncident(LocalDate.parse("2024-04-01"), "ATTACK", "PAK", "pk-kp", 100, 100, 100, 0);
		insertIncident(LocalDate.parse("2024-02-01"), "ATTACK", "AFG", null, 50, 50, 50, 0);

		List<Reconciled> rows = this.graphQl.documentName("reports")
			.execute()
			.path("reports.edges[0].node.reconciliation")
			.entityList(Reconciled.class)
			.get();

		assertThat(rows).allSatisfy((row) -> {
			assertThat(row.coverage()).startsWith("covered by ucdp-ged (2 records in the period); UCDP GED codes only "
					+ "organized violence with a known actor");
			assertThat(row.coveringSources()).containsExactly(new Coverage("ucdp-ged", 2));
		});
		assertReconciled(rows.get(0), "fatalities", "PAK", "COUNT", 432, 20);
		assertReconciled(rows.get(1), "injured", "PAK", "COUNT", 370, 10);
		assertReconciled(rows.get(2), "incidents", "PAK", "COUNT", 245, 3);
		assertReconciled(rows.get(3), "fatalities_civilians_and_security_forces", "PAK", "COUNT", 281, 14);
		assertReconciled(rows.get(4), "fatalities", "pk-kp", "SHARE", 0.51, 0.5);
		assertReconciled(rows.get(5), "fatalities", "pk-ba", "SHARE", 0.41, 0.3);
		assertReconciled(rows.get(6), "fatalities", "pk-kp+pk-ba", "SHARE", 0.92, 0.8);
		assertReconciled(rows.get(7), "attacks", "pk-kp+pk-ba", "SHARE", 0.86, 1.0);
		assertReconciled(rows.get(8), "fatalities", "pk-pb", "SHARE", 0.08, 0.2);
		assertReconciled(rows.get(9), "fatalities", "pk-sd", "SHARE", 0.08, 0.0);
		assertThat(rows.get(8).comparison()).isEqualTo("LESS_THAN");
	}

	private static void assertReconciled(Reconciled row, String metric, String scope, String measure, double published,
			double computed) {
		assertThat(row.metric()).isEqualTo(metric);
		assertThat(row.scope()).isEqualTo(scope);
		assertThat(row.measure()).isEqualTo(measure);
		assertThat(row.published()).isEqualTo(published);
		assertThat(row.computed()).isCloseTo(computed, within(0.0001));
		assertThat(row.difference()).isCloseTo(computed - published, within(0.0001));
	}

	// Regions
	// ----------------------------------------------------------------------------

	@Test
	void pakistanRegionsShowFataMergedIntoKhyberPakhtunkhwa() {
		GraphQlTester.Response response = this.graphQl.documentName("regions").variable("country", "PAK").execute();

		response.path("regions[*].key")
			.entityList(String.class)
			.containsExactly("pk-jk", "pk-ba", "pk-ta", "pk-gb", "pk-is", "pk-kp", "pk-pb", "pk-sd");
		response.path("regions[?(@.key == 'pk-ta')].validTo").entityList(String.class).containsExactly("2018-05-30");
		response.path("regions[?(@.key == 'pk-ta')].mergedInto.name")
			.entityList(String.class)
			.containsExactly("Khyber Pakhtunkhwa");
		response.path("regions[?(@.key == 'pk-ta')].names[*].name")
			.entityList(String.class)
			.containsExactly("Federally Administered Tribal Areas", "FATA");
		response.path("regions[?(@.key == 'pk-kp')].mergedInto")
			.entityList(Object.class)
			.containsExactly((Object) null);
		response.path("regions[?(@.key == 'pk-kp')].names[?(@.name == 'North-West Frontier Province')].validTo")
			.entityList(String.class)
			.containsExactly("2010-04-18");
		this.graphQl.documentName("regions")
			.variable("country", "AFG")
			.execute()
			.path("regions")
			.entityList(Object.class)
			.hasSize(0);
	}

	// Ingest runs
	// ------------------------------------------------------------------------

	@Test
	void ingestRunsArePagedNewestFirstWithTheirDetails() {
		insertRun("ucdp-ged", "old.csv", Instant.parse("2024-01-01T00:00:00Z"), null);
		insertRun("gtd", "middle.xlsx", Instant.parse("2024-02-01T00:00:00Z"),
				"{\"rejectsByReason\":{\"BAD_DATE\":2,\"NEGATIVE_COUNT\":5},\"warningsByCode\":{\"WEEKDAY_MISMATCH\":1},"
						+ "\"unresolvedOrganizations\":{\"Unknown Front\":3},\"unresolvedRegions\":{}}");
		insertRun("acled", "new.csv", Instant.parse("2024-03-01T00:00:00Z"), "not json");

		GraphQlTester.Response first = this.graphQl.documentName("ingestRuns").variable("first", 2).execute();
		first.path("ingestRuns.totalCount").entity(Integer.class).isEqualTo(3);
		first.path("ingestRuns.edges[*].node.fileName")
			.entityList(String.class)
			.containsExactly("new.csv", "middle.xlsx");
		first.path("ingestRuns.edges[0].node.rejectsByReason").entityList(Object.class).hasSize(0);
		String middle = "ingestRuns.edges[1].node.";
		first.path(middle + "startedAt").entity(String.class).isEqualTo("2024-02-01T00:00:00.000Z");
		first.path(middle + "status").entity(String.class).isEqualTo("COMPLETED");
		first.path(middle + "read").entity(Long.class).isEqualTo(10L);
		first.path(middle + "rejected").entity(Long.class).isEqualTo(7L);
		first.path(middle + "filtered").entity(Long.class).isEqualTo(1L);
		first.path(middle + "rejectsByReason[*].reason")
			.entityList(String.class)
			.containsExactly("NEGATIVE_COUNT", "BAD_DATE");
		first.path(middle + "rejectsByReason[*].count").entityList(Long.class).containsExactly(5L, 2L);
		first.path(middle + "warnings[*].code").entityList(String.class).containsExactly("WEEKDAY_MISMATCH");
		first.path(middle + "unresolvedOrganizations[0].name").entity(String.class).isEqualTo("Unknown Front");
		first.path(middle + "unresolvedRegions").entityList(Object.class).hasSize(0);
		String cursor = first.path("ingestRuns.pageInfo.endCursor").entity(String.class).get();

		GraphQlTester.Response second = this.graphQl.documentName("ingestRuns")
			.variable("first", 2)
			.variable("after", cursor)
			.execute();
		second.path("ingestRuns.edges[*].node.fileName").entityList(String.class).containsExactly("old.csv");
		second.path("ingestRuns.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(false);
		second.path("ingestRuns.pageInfo.hasPreviousPage").entity(Boolean.class).isEqualTo(true);
	}

	// Node, ids and limits
	// ---------------------------------------------------------------

	@Test
	void everyTypeIsANode() {
		insertRun("ucdp-ged", "ged.csv", Instant.parse("2024-06-01T10:00:00Z"), null);
		Map<String, String> ids = Map.of("Organization",
				organization(Map.of("name", "TTP")).path("organization.id").entity(String.class).get(), "Dialogue",
				dialogues(Map.of()).path("dialogues.edges[0].node.id").entity(String.class).get(), "SecurityReport",
				this.graphQl.documentName("reports")
					.execute()
					.path("reports.edges[0].node.id")
					.entity(String.class)
					.get(),
				"Region",
				this.graphQl.documentName("regions")
					.variable("country", "PAK")
					.execute()
					.path("regions[0].id")
					.entity(String.class)
					.get(),
				"IngestRun",
				this.graphQl.documentName("ingestRuns")
					.execute()
					.path("ingestRuns.edges[0].node.id")
					.entity(String.class)
					.get());

		ids.forEach((type, id) -> {
			GraphQlTester.Response node = this.graphQl.documentName("node").variable("id", id).execute();
			node.path("node.__typename").entity(String.class).isEqualTo(type);
			node.path("node.id").entity(String.class).isEqualTo(id);
		});
		this.graphQl.documentName("node")
			.variable("id", GlobalId.of("Dialogue", 999_999))
			.execute()
			.path("node")
			.valueIsNull();
	}

	@Test
	void badIdsAndCursorsAreBadUserInput() {
		String dialogueId = dialogues(Map.of()).path("dialogues.edges[0].node.id").entity(String.class).get();

		// dialogue and dialogues: DialogueGraphQlTests
		assertBadInput(this.graphQl.document("{ report(id: \"" + dialogueId + "\") { key } }").execute(),
				"is the id of a Dialogue, not of a SecurityReport");
		assertBadInput(organization(Map.of("id", dialogueId)), "is the id of a Dialogue, not of a Organization");
		assertBadInput(this.graphQl.document("{ node(id: \"%%%\") { id } }").execute(), "is not an id of this API");
		assertBadInput(organizations(Map.of(), 1, "bm90IGEgY3Vyc29y"), "is not a cursor of this list");
		assertBadInput(this.graphQl.documentName("ingestRuns").variable("after", dialogueId).execute(),
				"is not a cursor of this list");
	}

	@Test
	void aThousandItemsExceedThePageLimit() {
		for (String document : List.of("{ organizations(first: 1000) { totalCount } }",
				"{ reports(first: 1000) { totalCount } }", "{ ingestRuns(first: 1000) { totalCount } }",
				"{ organization(name: \"TTP\") { dialogues(first: 1000) { totalCount } } }")) {
			this.graphQl.document(document)
				.execute()
				.errors()
				.satisfy((errors) -> assertThat(errors).singleElement().satisfies((error) -> {
					assertThat(error.getExtensions()).containsEntry("code", "LIMIT_EXCEEDED");
					assertThat(error.getMessage()).contains("first is 1000; a page holds at most 100 items");
				}));
		}
	}

	// Helpers
	// ----------------------------------------------------------------------------

	private GraphQlTester.Response dialogues(Map<String, Object> filter) {
		return this.graphQl.documentName("dialogueRounds").variable("filter", filter).execute();
	}

	private GraphQlTester.Response organization(Map<String, Object> variables) {
		GraphQlTester.Request<?> request = this.graphQl.documentName("organization");
		variables.forEach(request::variable);
		return request.execute();
	}

	private GraphQlTester.Response organizations(Map<String, Object> filter, Integer first, String after) {
		return this.graphQl.documentName("organizations")
			.variable("filter", filter)
			.variable("first", first)
			.variable("after", after)
			.execute();
	}

	private static void assertBadInput(GraphQlTester.Response response, String... messageParts) {
		response.errors().satisfy((errors) -> assertThat(errors).singleElement().satisfies((ResponseError error) -> {
			assertThat(error.getExtensions()).containsEntry("code", "BAD_USER_INPUT");
			assertThat(error.getMessage()).contains(messageParts);
		}));
	}

	private int countStatements(Runnable action) {
		int before = StatementCounting.STATEMENTS.size();
		action.run();
		return StatementCounting.STATEMENTS.size() - before;
	}

	private long insertOrganization(String key, String name, Long mergedInto) {
		this.jdbc.update("insert into organization (ref_key, name, kind, merged_into_id) values (?, ?, 'OTHER', ?)",
				key, name, mergedInto);
		// As every writer of merges does: the API's families are reloaded
		this.families.reload();
		return this.jdbc.queryForObject("select id from organization where ref_key = ?", Long.class, key);
	}

	private void insertAlias(long organizationId, String alias) {
		this.jdbc.update("insert into organization_alias (organization_id, alias, normalized_key) values (?, ?, ?)",
				organizationId, alias, NameKey.of(alias));
	}

	private long insertRun(String dataset, String fileName, Instant startedAt, String details) {
		this.jdbc.update("insert into ingest_run (dataset, file_name, file_checksum, status, started_at, finished_at, "
				+ "read_count, inserted_count, updated_count, unchanged_count, rejected_count, filtered_count, details) "
				+ "values (?, ?, 'abc123', 'COMPLETED', ?, ?, 10, 1, 0, 1, 7, 1, ?)", dataset, fileName,
				Timestamp.from(startedAt), Timestamp.from(startedAt.plusSeconds(60)), details);
		return this.jdbc.queryForObject("select max(id) from ingest_run", Long.class);
	}

	private void insertSourceRecord(long run, String dataset, String recordId, LocalDate date, String country) {
		this.jdbc.update(
				"insert into source_record (dataset, file_checksum, source_record_id, ingest_run_id, "
						+ "content_hash, date_start, date_end, date_precision, kind, country, raw_record) "
						+ "values (?, 'abc123', ?, ?, 'hash', ?, ?, 'DAY', 'ATTACK', ?, '{}')",
				dataset, recordId, run, date, date, country);
	}

	private void insertIncident(LocalDate date, String kind, String country, String regionKey, Integer killed,
			Integer injured, Integer civilians, Integer securityForces) {
		Long region = (regionKey != null)
				? this.jdbc.queryForObject("select id from region where ref_key = ?", Long.class, regionKey) : null;
		Timestamp now = Timestamp.from(Instant.now());
		this.jdbc.update(
				"insert into incident (date_start, date_end, date_precision, kind, country, region_id, "
						+ "killed, injured, killed_civilians, killed_security_forces, created_at, updated_at) "
						+ "values (?, ?, 'DAY', ?, ?, ?, ?, ?, ?, ?, ?, ?)",
				date, date, kind, country, region, killed, injured, civilians, securityForces, now, now);
		// As every writer of incident rows does: the statistics cells are stale now
		this.jdbc.update("update incident_statistics_state set data_version = data_version + 1");
	}

	record Figure(String metric, String scope, Double value, Double share, String comparison) {
	}

	record Reconciled(String metric, String scope, String measure, String comparison, double published, Double computed,
			Double difference, String coverage, List<Coverage> coveringSources, String note) {
	}

	record Coverage(String dataset, long records) {
	}

}
