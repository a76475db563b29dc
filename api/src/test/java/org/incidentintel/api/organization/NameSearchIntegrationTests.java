package org.incidentintel.api.organization;

import java.util.List;
import java.util.Map;

import org.incidentintel.api.testing.H2IntegrationTest;
import org.incidentintel.api.testing.StatementCounting;
import org.incidentintel.api.testing.TestDatabase;
import org.incidentintel.domain.reference.ReferenceDataLoader;
import org.incidentintel.domain.reference.ReferenceDataReader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.client.MockMvcWebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Finding names: {@code organization(name:)} loosely and with suggestions,
 * {@code organizations(search:)} and {@code regions(search:)}, end to end on the real
 * reference data.
 */
@H2IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NameSearchIntegrationTests {

	private static final String ORGANIZATION = """
			query organization($name: String) { organization(name: $name) { key name } }
			""";

	private static final String SEARCH = """
			query search($search: String, $first: Int, $after: String, $filter: OrganizationFilter) {
			  organizations(search: $search, first: $first, after: $after, filter: $filter) {
			    totalCount
			    pageInfo { hasNextPage endCursor }
			    edges { node { key name parent { key } } match { name score exact } }
			  }
			}
			""";

	private static final String REGIONS = """
			query regions($search: String, $country: String, $first: Int) {
			  regions(search: $search, country: $country, first: $first) {
			    key name match { name score exact } mergedInto { key match { name } }
			  }
			}
			""";

	@Autowired
	private MockMvc mockMvc;

	@Autowired
	private ReferenceDataLoader referenceDataLoader;

	@Autowired
	private JdbcTemplate jdbc;

	private HttpGraphQlTester graphQl;

	@BeforeAll
	void loadReferenceData() {
		// The module's H2 is shared: start from the reference data alone
		TestDatabase.clear(this.jdbc);
		this.referenceDataLoader.load(new ReferenceDataReader().readClasspath());
	}

	@BeforeEach
	void client() {
		this.graphQl = HttpGraphQlTester.create(MockMvcWebTestClient.bindTo(this.mockMvc).baseUrl("/graphql").build());
	}

	@ParameterizedTest(name = "organization(name: \"{0}\") is {1}")
	@CsvSource(delimiter = '|', textBlock = """
			ISIS K                              | iskp
			ISIS-K                              | iskp
			ISIL-KP                             | iskp
			Islamic State in Khorasan Province  | iskp
			Daish                               | iskp
			Tahreek-e-Taliban Pakistan          | ttp
			Tehreek Taliban Pakistan            | ttp
			Tehrik-i-Taliban Pakistan (TTP)     | ttp
			""")
	void organizationByNameFindsSpellingVariants(String name, String key) {
		this.graphQl.document(ORGANIZATION)
			.variable("name", name)
			.execute()
			.path("organization.key")
			.entity(String.class)
			.isEqualTo(key);
	}

	@ParameterizedTest(name = "organizations(search: \"{0}\") ranks {1} first")
	@CsvSource(delimiter = '|', textBlock = """
			ISIS K                              | iskp
			ISIL-KP                             | iskp
			Islamic State in Khorasan Province  | iskp
			Daish                               | iskp
			Tahreek-e-Taliban Pakistan          | ttp
			Tehreek Taliban Pakistan            | ttp
			Tehrik-i-Taliban Pakistan (TTP)     | ttp
			Tehreek-e-Talban Pakstan            | ttp
			Lashkar-e-Jhangwi                   | lej
			""")
	void searchRanksTheRightOrganizationFirst(String search, String key) {
		this.graphQl.document(SEARCH)
			.variable("search", search)
			.execute()
			.path("organizations.edges[0].node.key")
			.entity(String.class)
			.isEqualTo(key);
	}

	@Test
	void searchEdgesCarryTheMatchedNameAndScoreRankedAndBounded() {
		GraphQlTester.Response response = this.graphQl.document(SEARCH)
			.variable("search", "ISIS K")
			.variable("first", 1)
			.execute();

		response.path("organizations.edges[0].match.name").entity(String.class).isEqualTo("ISIS-K");
		response.path("organizations.edges[0].match.score").entity(Double.class).isEqualTo(1.0);
		response.path("organizations.edges[0].match.exact").entity(Boolean.class).isEqualTo(true);
		response.path("organizations.edges").entityList(Object.class).hasSize(1);
		long total = response.path("organizations.totalCount").entity(Long.class).get();
		assertThat(total).isGreaterThan(1);
		response.path("organizations.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(true);

		// The next page goes on from the rank of the last edge
		String after = response.path("organizations.pageInfo.endCursor").entity(String.class).get();
		GraphQlTester.Response next = this.graphQl.document(SEARCH)
			.variable("search", "ISIS K")
			.variable("first", 100)
			.variable("after", after)
			.execute();
		next.path("organizations.edges").entityList(Object.class).hasSize((int) total - 1);
		next.path("organizations.edges[*].node.key").entityList(String.class).doesNotContain("iskp");
		List<Double> scores = next.path("organizations.edges[*].match.score").entityList(Double.class).get();
		assertThat(scores).isSortedAccordingTo((a, b) -> Double.compare(b, a))
			.allMatch((score) -> score >= 0.8 && score < 1);
	}

	@Test
	void searchCombinesWithTheFilterAndListsNoMatchOutsideASearch() {
		this.graphQl.document(SEARCH)
			.variable("search", "Taliban")
			.variable("filter", Map.of("country", "AFG"))
			.execute()
			.path("organizations.edges[*].node.key")
			.entityList(String.class)
			.contains("taliban")
			.doesNotContain("ttp");
		this.graphQl.document(SEARCH).variable("first", 1).execute().path("organizations.edges[0].match").valueIsNull();
	}

	@Test
	void searchIsOneStatement() {
		int before = StatementCounting.STATEMENTS.size();
		this.graphQl
			.document(
					"{ organizations(search: \"Taliban\", first: 2) { edges { node { key } " + "match { score } } } }")
			.execute()
			.path("organizations.edges")
			.entityList(Object.class)
			.hasSize(2);
		assertThat(StatementCounting.STATEMENTS.size() - before).isEqualTo(1);
	}

	@Test
	void anUnknownNameIsNotFoundWithSuggestions() {
		ResponseError error = singleError(
				this.graphQl.document(ORGANIZATION).variable("name", "Tehreek-e-Talban Pakstan").execute());

		assertThat(error.getExtensions()).containsEntry("code", "NOT_FOUND")
			.containsEntry("argumentPath", List.of("name"));
		assertThat(error.getMessage()).contains("no organization goes by the name 'Tehreek-e-Talban Pakstan'",
				"Tehrik-i-Taliban Pakistan");
		@SuppressWarnings("unchecked")
		List<Map<String, Object>> suggestions = (List<Map<String, Object>>) error.getExtensions().get("suggestions");
		assertThat(suggestions).isNotEmpty().hasSizeLessThanOrEqualTo(5);
		assertThat(suggestions.get(0)).containsEntry("name", "Tehrik-i-Taliban Pakistan")
			.containsKeys("id", "matchedName", "score");

		ResponseError nothingClose = singleError(
				this.graphQl.document(ORGANIZATION).variable("name", "Zzyzx Qwerty").execute());
		assertThat(nothingClose.getExtensions()).containsEntry("code", "NOT_FOUND")
			.containsEntry("suggestions", List.of());
	}

	@Test
	void searchTextIsBoundedAndNotBlank() {
		String tooLong = "x".repeat(201);
		for (String document : List.of(SEARCH, REGIONS)) {
			ResponseError error = singleError(this.graphQl.document(document).variable("search", tooLong).execute());
			assertThat(error.getExtensions()).containsEntry("code", "BAD_USER_INPUT")
				.containsEntry("argumentPath", List.of("search"));
			assertThat(error.getMessage()).contains("at most 200");
			ResponseError blank = singleError(this.graphQl.document(document).variable("search", " ").execute());
			assertThat(blank.getExtensions()).containsEntry("code", "BAD_USER_INPUT");
		}
	}

	@ParameterizedTest(name = "regions(search: \"{0}\") ranks {1} first")
	@CsvSource(delimiter = '|', textBlock = """
			Khyber Pakhtunkwa province          | pk-kp
			Khyber Pakhtoonkhwa                 | pk-kp
			SIndh                               | pk-sd
			Baluchistan                         | pk-ba
			N.W.F.P.                            | pk-kp
			Azad Jamu Kashmir                   | pk-jk
			""")
	void regionSearchRanksTheRightRegionFirst(String search, String key) {
		this.graphQl.document(REGIONS)
			.variable("search", search)
			.execute()
			.path("regions[0].key")
			.entity(String.class)
			.isEqualTo(key);
	}

	@Test
	void regionSearchSaysWhichNameMatchedAndIsBounded() {
		GraphQlTester.Response response = this.graphQl.document(REGIONS)
			.variable("search", "F.A.T.A.")
			.variable("country", "pak")
			.variable("first", 1)
			.execute();

		response.path("regions").entityList(Object.class).hasSize(1);
		response.path("regions[0].key").entity(String.class).isEqualTo("pk-ta");
		response.path("regions[0].match.name").entity(String.class).isEqualTo("FATA");
		response.path("regions[0].match.exact").entity(Boolean.class).isEqualTo(true);
		// The region it was merged into is reached through another field: no match there
		response.path("regions[0].mergedInto.key").entity(String.class).isEqualTo("pk-kp");
		response.path("regions[0].mergedInto.match").valueIsNull();
		this.graphQl.document("{ regions(country: \"PAK\") { key match { name } } }")
			.execute()
			.path("regions[0].match")
			.valueIsNull();
	}

	private static ResponseError singleError(GraphQlTester.Response response) {
		ResponseError[] found = new ResponseError[1];
		response.errors().satisfy((errors) -> {
			assertThat(errors).hasSize(1);
			found[0] = errors.get(0);
		});
		return found[0];
	}

}
