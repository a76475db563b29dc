package org.incidentintel.api.incident;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import org.incidentintel.api.GraphQlSliceConfiguration;
import org.incidentintel.api.incident.IncidentFilterSql.Condition;
import org.incidentintel.api.organization.Organization;
import org.incidentintel.api.region.Regions;
import org.incidentintel.domain.organization.OrganizationFamiliesCache;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.graphql.test.autoconfigure.GraphQlTest;
import org.springframework.context.annotation.Import;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Controller;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.verifyNoMoreInteractions;

/**
 * {@code incidents}, {@code incidentStatistics} and {@code Organization.incidents} in a
 * GraphQL slice: the controllers and the real {@link IncidentFilterSql}, the queries and
 * the database mocked. What the arguments can get wrong is refused with its code and
 * argument path before any query runs, whatever the database; the end-to-end tests
 * (IncidentQueriesContract) keep what needs rows.
 */
@GraphQlTest({ IncidentController.class, IncidentStatisticsController.class, OrganizationIncidentsController.class })
@Import({ GraphQlSliceConfiguration.class, IncidentFilterSql.class, IncidentFilterNames.class,
		IncidentGraphQlTests.OrganizationByName.class })
class IncidentGraphQlTests {

	private static final String INCIDENTS = """
			query($filter: IncidentFilter, $orderBy: [IncidentOrder!], $first: Int, $after: String, $last: Int, $before: String) {
			  incidents(filter: $filter, orderBy: $orderBy, first: $first, after: $after, last: $last, before: $before) {
			    edges { cursor node { place } }
			  }
			}
			""";

	private static final String ORGANIZATION_INCIDENTS = """
			query($name: String!, $filter: IncidentFilter, $first: Int) {
			  organization(name: $name) { incidents(filter: $filter, first: $first) { totalCount } }
			}
			""";

	private static final String STATISTICS = """
			query($filter: IncidentFilter, $groupBy: [IncidentDimension!]!) {
			  incidentStatistics(filter: $filter, groupBy: $groupBy) { totals { incidents } }
			}
			""";

	@Autowired
	GraphQlTester graphQl;

	@MockitoBean
	IncidentQueries queries;

	@MockitoBean
	IncidentStatisticsQuery statistics;

	@MockitoBean
	Regions regions;

	// IncidentFilterNames', for the names of regions and perpetrators
	@MockitoBean
	NamedParameterJdbcTemplate jdbc;

	// IncidentFilterNames', for what a perpetrator's name stands for
	@MockitoBean
	OrganizationFamiliesCache families;

	// Every refusal below comes before any database work
	@AfterEach
	void noDatabaseWork() {
		verifyNoInteractions(this.jdbc, this.regions, this.families);
		verify(this.queries, never()).count(any());
	}

	// Paging and order
	// ---------------------------------------------------------------------------

	@Test
	void pageOverTheCapIsRefused() {
		assertError(INCIDENTS, Map.of("first", 101), "LIMIT_EXCEEDED", "first");
		assertError(INCIDENTS, Map.of("last", 101), "LIMIT_EXCEEDED", "last");
		verifyNoInteractions(this.queries);
	}

	@Test
	void foreignCursorsAndRepeatedOrderKeysAreRefused() {
		assertError(INCIDENTS, Map.of("after", "bm90IGEgY3Vyc29y"), "BAD_USER_INPUT", "after");
		assertError(INCIDENTS, Map.of("orderBy", List.of(IncidentQueriesContract.order("KILLED", "DESC"),
				IncidentQueriesContract.order("KILLED", "ASC"))), "BAD_USER_INPUT", "orderBy", 1);
		verifyNoInteractions(this.queries);
	}

	@Test
	void aValidRequestReachesTheQueriesAsOneConditionAndAPageOneLarger() {
		given(this.queries.findPage(any(), any(), isNull(), isNull(), anyBoolean(), anyInt())).willReturn(List.of());
		Map<String, Object> filter = Map.of("country", List.of("pak"), "not", Map.of("killed", Map.of("min", 1)));

		this.graphQl.document(INCIDENTS)
			.variables(Map.of("filter", filter, "first", 2))
			.execute()
			.path("incidents.edges")
			.entityList(Object.class)
			.hasSize(0);

		ArgumentCaptor<Condition> where = ArgumentCaptor.forClass(Condition.class);
		verify(this.queries).findPage(where.capture(), any(), isNull(), isNull(), eq(false), eq(3));
		// The variables bound to IncidentFilter, and the builder's condition of it
		assertThat(where.getValue().sql())
			.isEqualTo("((not (((i.killed is not null and i.killed >= :f0)))) and (i.country in (:f1)))");
		assertThat(where.getValue().parameters()).containsExactly(Map.entry("f0", 1), Map.entry("f1", Set.of("PAK")));
		// totalCount was not asked for: not counted
		verifyNoMoreInteractions(this.queries);
	}

	@Test
	void anOrganizationsIncidentsRefuseBadArgumentsBeforeAnyQuery() {
		assertError(ORGANIZATION_INCIDENTS, Map.of("name", "TTP", "first", 101), "LIMIT_EXCEEDED", "first");
		assertError(ORGANIZATION_INCIDENTS,
				Map.of("name", "TTP", "filter", Map.of("killed", Map.of("min", 3, "max", 2))), "BAD_USER_INPUT",
				"filter", "killed");
		verifyNoInteractions(this.queries);
	}

	// Filters
	// -----------------------------------------------------------------------------------

	@Test
	void anInvertedDateRangeIsRefused() {
		assertFilterError(Map.of("date", Map.of("from", "2024-02-01", "to", "2024-01-01")), "BAD_USER_INPUT", "filter",
				"date");
	}

	@Test
	void unknownCountryCodesAreRefusedAtTheirIndex() {
		assertFilterError(Map.of("country", List.of("PAK", "XX")), "BAD_USER_INPUT", "filter", "country", 1);
		assertFilterError(Map.of("country", List.of("ZZZ")), "BAD_USER_INPUT", "filter", "country", 0);
	}

	@Test
	void invertedOrNegativeCasualtyRangesAreRefused() {
		assertFilterError(Map.of("killed", Map.of("min", 5, "max", 1)), "BAD_USER_INPUT", "filter", "killed");
		assertFilterError(Map.of("injured", Map.of("min", -1)), "BAD_USER_INPUT", "filter", "injured");
	}

	@Test
	void aCircleOffTheEarthOrWithoutRadiusIsRefused() {
		assertFilterError(Map.of("near", Map.of("latitude", 34.0, "longitude", 71.57, "radiusKm", 0)), "BAD_USER_INPUT",
				"filter", "near", "radiusKm");
		assertFilterError(Map.of("near", Map.of("latitude", 91, "longitude", 71.57, "radiusKm", 1)), "BAD_USER_INPUT",
				"filter", "near", "latitude");
	}

	@Test
	void errorsInNestedFiltersNameTheirPath() {
		assertFilterError(
				Map.of("and", List.of(Map.of("kind", List.of("ATTACK")), Map.of("killed", Map.of("min", 9, "max", 1)))),
				"BAD_USER_INPUT", "filter", "and", 1, "killed");
		Map<String, Object> deep = Map.of("kind", List.of("ATTACK"));
		List<Object> path = new ArrayList<>(List.of("filter"));
		for (int depth = 0; depth < 10; depth++) {
			deep = Map.of("not", deep);
			path.add("not");
		}
		assertFilterError(deep, "LIMIT_EXCEEDED", path.toArray());
	}

	// Statistics
	// ------------------------------------------------------------------------------

	@Test
	void statisticsRefuseBadInput() {
		assertError(STATISTICS, Map.of("groupBy", List.of("REGION", "REGION")), "BAD_USER_INPUT", "groupBy", 1);
		Map<String, Object> variables = new LinkedHashMap<>();
		variables.put("groupBy", List.of("REGION"));
		variables.put("filter", Map.of("killed", Map.of("min", 3, "max", 2)));
		assertError(STATISTICS, variables, "BAD_USER_INPUT", "filter", "killed");
		verifyNoInteractions(this.statistics);
	}

	@Test
	void statisticsAskTheCellsOnlyForAFilterTheyCanAnswer() {
		given(this.statistics.statistics(any(), anyBoolean(), any(), anyBoolean()))
			.willReturn(new IncidentStatistics(new IncidentStatistics.Totals(0, null, null), List.of()));

		statistics(Map.of("country", List.of("PAK")), List.of("REGION", "YEAR"));
		statistics(Map.of("killed", Map.of("min", 1)), List.of());

		verify(this.statistics).statistics(any(), eq(true),
				eq(List.of(IncidentDimension.REGION, IncidentDimension.YEAR)), eq(true));
		verify(this.statistics).statistics(any(), eq(false), eq(List.of()), eq(true));
	}

	// Helpers
	// -----------------------------------------------------------------------------------

	private void statistics(Map<String, Object> filter, List<String> groupBy) {
		this.graphQl.document(STATISTICS)
			.variables(Map.of("filter", filter, "groupBy", groupBy))
			.execute()
			.path("incidentStatistics.totals.incidents")
			.entity(Integer.class)
			.isEqualTo(0);
	}

	private void assertFilterError(Map<String, Object> filter, String code, Object... argumentPath) {
		assertError(INCIDENTS, Map.of("filter", filter), code, argumentPath);
		verifyNoInteractions(this.queries);
	}

	private void assertError(String document, Map<String, Object> variables, String code, Object... argumentPath) {
		AtomicReference<ResponseError> error = new AtomicReference<>();
		this.graphQl.document(document).variables(variables).execute().errors().satisfy((errors) -> {
			assertThat(errors).hasSize(1);
			error.set(errors.get(0));
		});
		assertThat(error.get().getExtensions()).containsEntry("code", code)
			.containsEntry("argumentPath", List.of(argumentPath));
	}

	/**
	 * The organization whose incidents are asked for: {@code organization(name:)} is
	 * OrganizationController's, outside this package; this stand-in answers one.
	 */
	@Controller
	static class OrganizationByName {

		@QueryMapping
		Organization organization(@Argument String id, @Argument String name) {
			return new Organization(7, "ttp", name, "TTP", "MILITANT_GROUP", "PAK", null, "");
		}

	}

}
