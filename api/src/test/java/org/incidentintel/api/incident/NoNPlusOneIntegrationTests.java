package org.incidentintel.api.incident;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.incidentintel.api.testing.StatementCounting;
import org.incidentintel.api.testing.H2IntegrationTest;
import org.incidentintel.domain.organization.OrganizationFamiliesCache;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Counts the SQL statements of incident pages with their edges: batch loading keeps the
 * count the same small constant whatever the page size.
 */
@H2IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NoNPlusOneIntegrationTests {

	private static final String PAGE = """
			query($first: Int) {
			  incidents(first: $first) {
			    totalCount
			    edges { node { id place region { name } perpetrators { name organization { name } } sources { dataset ingestRun { id } } } }
			  }
			}
			""";

	private static final String EVERY_EDGE = """
			query($first: Int) {
			  incidents(first: $first) {
			    edges { node {
			      id region { name } regionAtEvent { name } attackTypes targets
			      perpetrators { name organization { name acronym } } sources { dataset recordId ingestRun { id dataset } }
			      dateFrom { recordId } placeFrom { recordId } casualties { killedFrom { recordId } injuredFrom { recordId } }
			    } }
			  }
			}
			""";

	private static final String ORGANIZATIONS = """
			query($first: Int) {
			  organizations(first: $first) {
			    edges { node {
			      name
			      incidents(first: 3) {
			        totalCount
			        pageInfo { hasNextPage endCursor }
			        edges { node { id place perpetrators { name organization { name } } } }
			      }
			    } }
			  }
			}
			""";

	private static final String ORGANIZATION_STATISTICS = """
			query($first: Int) {
			  organizations(first: $first) {
			    edges { node {
			      id
			      incidentStatistics(filter: {country: ["PAK"]}, groupBy: [REGION_AT_EVENT, YEAR, QUARTER, SOURCE]) {
			        totals { incidents killed }
			        buckets { key { regionAtEvent { name } year quarter source } incidents killed }
			      }
			    } }
			  }
			}
			""";

	private static final String ONE_ORGANIZATION_STATISTICS = """
			query($id: String!) {
			  incidentStatistics(filter: {country: ["PAK"], perpetrator: [$id]}, groupBy: [REGION_AT_EVENT, YEAR, QUARTER, SOURCE]) {
			    totals { incidents killed }
			    buckets { key { regionAtEvent { name } year quarter source } incidents killed }
			  }
			}
			""";

	private static final int EXTRA_GROUPS = 8;

	@Autowired
	HttpGraphQlTester graphQl;

	@Autowired
	NamedParameterJdbcTemplate jdbc;

	@Autowired
	OrganizationFamiliesCache families;

	@BeforeAll
	void seed() {
		IncidentTestData data = new IncidentTestData(this.jdbc, this.families);
		data.clear();
		data.seed();
		// 11 organizations in all (Jamaat-ul-Ahrar is merged), each with incidents
		for (int group = 0; group < EXTRA_GROUPS; group++) {
			data.organization("group-" + group, "Extra group " + group, "EG" + group, null);
		}
		for (int i = 0; i < 60; i++) {
			String day = String.format("2023-%02d-%02d", 1 + i % 12, 1 + i % 28);
			data.incident("Extra " + i)
				.on(day)
				.in("pk-kp", (i % 3 == 0) ? "pk-ta" : "pk-kp", "Khyber Pakhtunkhwa")
				.casualties(i, i * 2)
				.perpetrator((i % 2 == 0) ? "ttp" : "jua", "TTP")
				.perpetrator("iskp", "Daesh", "CLAIMED", true)
				.perpetrator(null, "Unknown gunmen " + i)
				.perpetrator("group-" + (i % EXTRA_GROUPS), "Extra group", "SIDE_B", false)
				.attackTypes("Bombing/Explosion")
				.targets("Police", "Military")
				.source((i % 2 == 0) ? "ucdp" : "gtd", "extra-" + i)
				.source("acled", "acled-extra-" + i)
				.save();
		}
	}

	@AfterAll
	void leaveTheDatabaseEmpty() {
		new IncidentTestData(this.jdbc, this.families).clear();
	}

	@Test
	void pageWithPerpetratorsRegionAndSourcesTakesTheSameStatementsForAnyPageSize() {
		int ten = statements(PAGE, 10);
		int fifty = statements(PAGE, 50);
		// page, totalCount, region, perpetrators, their organizations, sources, ingest
		// runs
		assertThat(ten).isEqualTo(fifty).isEqualTo(7);
	}

	@Test
	void everyEdgeIsOneStatementForTheWholePage() {
		int ten = statements(EVERY_EDGE, 10);
		int fifty = statements(EVERY_EDGE, 50);
		// page, region, regionAtEvent, attackTypes, targets, perpetrators, organizations,
		// sources (with the records each field came from), ingest runs
		assertThat(ten).isEqualTo(fifty).isEqualTo(9);
	}

	@Test
	void organizationsWithTheirIncidentsTakeTheSameStatementsForAnyNumberOfOrganizations() {
		int two = organizationStatements(2);
		int ten = organizationStatements(10);
		// organizations, their count, every organization's incident page (one union of a
		// branch per organization), every organization's incident count (likewise),
		// perpetrators, their organizations; which organizations each one stands for
		// (merges) comes from the API's memory
		assertThat(two).isEqualTo(ten).isEqualTo(6);
	}

	private int organizationStatements(int first) {
		StatementCounting.STATEMENTS.clear();
		GraphQlTester.Response response = this.graphQl.document(ORGANIZATIONS).variable("first", first).execute();
		List<String> executed = List.copyOf(StatementCounting.STATEMENTS);
		response.path("organizations.edges").entityList(Map.class).hasSize(first);
		response.path("organizations.edges[*].node.incidents.totalCount")
			.entityList(Integer.class)
			.hasSize(first)
			.satisfies((counts) -> assertThat(counts).allMatch((count) -> count > 0));
		response.path("organizations.edges[*].node.incidents.edges[*].node.perpetrators[*].organization.name")
			.entityList(String.class)
			.contains("Extra group 0");
		return executed.size();
	}

	@Test
	void organizationsWithTheirStatisticsTakeTheSameStatementsForAnyNumberOfOrganizations() {
		int two = organizationStatisticsStatements(2);
		int ten = organizationStatisticsStatements(10);
		// organizations, their count, that the organizations exist, the cells' versions
		// (stale here: the incidents are read), one statement for every organization's
		// totals and buckets, the regions the keys name
		assertThat(two).isEqualTo(ten).isEqualTo(6);
	}

	@Test
	@SuppressWarnings("unchecked")
	void everyOrganizationsStatisticsInOneStatementAreEachOnesOwn() {
		List<Map<String, Object>> nodes = (List<Map<String, Object>>) (List<?>) this.graphQl
			.document(ORGANIZATION_STATISTICS)
			.variable("first", 10)
			.execute()
			.path("organizations.edges[*].node")
			.entityList(Map.class)
			.get();
		assertThat(nodes).hasSize(10);
		for (Map<String, Object> node : nodes) {
			Object alone = this.graphQl.document(ONE_ORGANIZATION_STATISTICS)
				.variable("id", node.get("id"))
				.execute()
				.path("incidentStatistics")
				.entity(Map.class)
				.get();
			assertThat(node.get("incidentStatistics")).as("%s", node.get("id")).isEqualTo(alone);
		}
	}

	private int organizationStatisticsStatements(int first) {
		StatementCounting.STATEMENTS.clear();
		GraphQlTester.Response response = this.graphQl.document(ORGANIZATION_STATISTICS)
			.variable("first", first)
			.execute();
		List<String> executed = List.copyOf(StatementCounting.STATEMENTS);
		response.path("organizations.edges[*].node.incidentStatistics.totals.incidents")
			.entityList(Integer.class)
			.hasSize(first)
			.satisfies((counts) -> assertThat(counts).anyMatch((count) -> count > 0));
		return executed.size();
	}

	@Test
	void pageOverTheCapIsRefusedWithoutDatabaseWork() {
		StatementCounting.STATEMENTS.clear();
		this.graphQl.document(PAGE)
			.variable("first", 101)
			.execute()
			.errors()
			.satisfy((errors) -> assertThat(errors).singleElement()
				.satisfies((error) -> assertThat(error.getExtensions()).containsEntry("code", "LIMIT_EXCEEDED")));
		assertThat(StatementCounting.STATEMENTS).isEmpty();
	}

	private int statements(String document, int first) {
		StatementCounting.STATEMENTS.clear();
		GraphQlTester.Response response = this.graphQl.document(document).variable("first", first).execute();
		List<String> executed = List.copyOf(StatementCounting.STATEMENTS);
		response.path("incidents.edges").entityList(Map.class).hasSize(first);
		response.path("incidents.edges[*].node.perpetrators[*].organization.name")
			.entityList(String.class)
			.contains("Tehrik-i-Taliban Pakistan", "Islamic State Khorasan Province");
		response.path("incidents.edges[*].node.sources[*].ingestRun.id")
			.entityList(String.class)
			.hasSizeGreaterThan(first);
		return executed.size();
	}

}
