package org.incidentintel.api.incident;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.incidentintel.api.error.ApiException;
import org.incidentintel.api.error.ErrorCode;
import org.incidentintel.domain.incident.Perpetrators;
import org.incidentintel.api.incident.IncidentFilter.DateRangeInput;
import org.incidentintel.api.incident.IncidentFilter.IntRangeInput;
import org.incidentintel.api.incident.IncidentFilter.NearInput;
import org.incidentintel.api.incident.IncidentFilterSql.Condition;
import org.incidentintel.api.relay.GlobalId;
import org.incidentintel.domain.common.NameKey;
import org.incidentintel.domain.incident.IncidentKind;
import org.incidentintel.domain.organization.OrganizationFamilies;
import org.incidentintel.domain.organization.OrganizationFamiliesCache;
import org.incidentintel.domain.organization.OrganizationFamilies.Period;
import org.incidentintel.domain.region.KnownRegion;
import org.incidentintel.domain.region.KnownRegionName;
import org.junit.jupiter.api.Test;
import org.mockito.stubbing.Answer;

import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.ArgumentMatchers.startsWith;
import static org.mockito.BDDMockito.willAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;

/**
 * The filter to SQL builder without a database: the condition and bind values it writes
 * for representative filters, and the argument paths of what it refuses. The database's
 * answers (regions, aliases, merges) come from a mocked template; that the SQL selects
 * the right incidents is for IncidentQueriesContract on H2 and PostgreSQL.
 */
class IncidentFilterSqlTests {

	private static final String ALIASES = "select normalized_key, organization_id";

	private static final String IDS = "select id from organization";

	private final NamedParameterJdbcTemplate jdbc = mock(NamedParameterJdbcTemplate.class);

	// The regions the database holds (givenRegions), and how often they were read
	private List<KnownRegion> regions = List.of();

	private int regionLoads;

	// Jamaat-ul-Ahrar (3) merged into the TTP (1); see givenOrganizations
	private final IncidentFilterSql filterSql = filterSql(
			new OrganizationFamiliesCache(() -> new OrganizationFamilies(Map.of(3L, 1L), Map.of())));

	// Building the condition
	// ---------------------------------------------------------------

	@Test
	void noFilterSelectsEveryIncidentWithoutDatabaseWork() {
		Condition condition = this.filterSql.toSql(null, "filter");

		assertThat(condition.sql()).isEqualTo("1 = 1");
		assertThat(condition.parameters()).isEmpty();
		assertThat(condition.monthBounds()).isTrue();
		verifyNoInteractions(this.jdbc);
	}

	@Test
	void anEmptyFilterSelectsEveryIncident() {
		assertThat(this.filterSql.toSql(filter(), "filter").sql()).isEqualTo("1 = 1");
	}

	@Test
	void theFieldsOfOneFilterAreAndedWithTheirValuesBound() {
		IncidentFilter filter = new IncidentFilter(null, null, null,
				new DateRangeInput(LocalDate.parse("2024-01-01"), LocalDate.parse("2024-03-31")),
				List.of(" pak", "AFG"), null, List.of(IncidentKind.ATTACK), null, null, null, null, null, null, null,
				null);

		Condition condition = this.filterSql.toSql(filter, "filter");

		assertThat(condition.sql()).isEqualTo(
				"((i.date_end >= :f0) and (i.date_start <= :f1) and " + "(i.country in (:f2)) and (i.kind in (:f3)))");
		assertThat(condition.parameters()).containsExactly(Map.entry("f0", LocalDate.parse("2024-01-01")),
				Map.entry("f1", LocalDate.parse("2024-03-31")), Map.entry("f2", Set.of("AFG", "PAK")),
				Map.entry("f3", Set.of("ATTACK")));
		// A quarter: every date bound falls on a month's first or last day
		assertThat(condition.monthBounds()).isTrue();
		verifyNoInteractions(this.jdbc);
	}

	@Test
	void aDateInsideAMonthIsNoMonthBound() {
		IncidentFilter from15th = withDate(new DateRangeInput(LocalDate.parse("2024-01-15"), null));
		IncidentFilter toThe30thOfMarch = withDate(new DateRangeInput(null, LocalDate.parse("2024-03-30")));
		IncidentFilter toTheEndOfFebruary = withDate(new DateRangeInput(null, LocalDate.parse("2024-02-29")));

		assertThat(this.filterSql.toSql(from15th, "filter").monthBounds()).isFalse();
		assertThat(this.filterSql.toSql(toThe30thOfMarch, "filter").monthBounds()).isFalse();
		assertThat(this.filterSql.toSql(toTheEndOfFebruary, "filter").monthBounds()).isTrue();
	}

	@Test
	void andOrAndNotNestAsTheTreeDoesAndNumberTheirParametersInOrder() {
		IncidentFilter killedTen = killed(new IntRangeInput(10, null));
		IncidentFilter injuredAtMostTwo = injured(new IntRangeInput(null, 2));
		IncidentFilter tree = new IncidentFilter(List.of(killedTen), List.of(injuredAtMostTwo, killedTen), killedTen,
				null, null, null, null, null, null, null, null, null, null, null, null);

		Condition condition = this.filterSql.toSql(tree, "filter");

		// Each operand and each operator's result in parentheses: no precedence to get
		// wrong
		String killed = "((i.killed is not null and i.killed >= :f%d))";
		String injured = "((i.injured is not null and i.injured <= :f1))";
		assertThat(condition.sql()).isEqualTo("(((" + killed.formatted(0) + ")) and (((" + injured + ") or ("
				+ killed.formatted(2) + "))) and (not (" + killed.formatted(3) + ")))");
		assertThat(condition.parameters()).containsExactly(Map.entry("f0", 10), Map.entry("f1", 2), Map.entry("f2", 10),
				Map.entry("f3", 10));
	}

	@Test
	void textMatchesSummaryOrPlaceCaseInsensitivelyWithLikeWildcardsEscaped() {
		IncidentFilter filter = new IncidentFilter(null, null, null, null, null, null, null, null, null, null, null,
				"  50%_Off! ", null, null, null);

		Condition condition = this.filterSql.toSql(filter, "filter");

		assertThat(condition.sql()).isEqualTo("((lower(coalesce(i.summary, '')) like :f0 escape '!' or "
				+ "lower(coalesce(i.place, '')) like :f0 escape '!'))");
		assertThat(condition.parameters()).containsExactly(Map.entry("f0", "%50!%!_off!!%"));
	}

	@Test
	void aBlankTextIsNoCondition() {
		IncidentFilter filter = new IncidentFilter(null, null, null, null, null, null, null, null, null, null, null,
				"   ", null, null, null);

		assertThat(this.filterSql.toSql(filter, "filter").sql()).isEqualTo("1 = 1");
	}

	@Test
	void sourcesAreComparedByTheirLowerCaseDataset() {
		IncidentFilter filter = new IncidentFilter(null, null, null, null, null, null, null, null, null, null,
				List.of(" GTD", "ucdp-ged"), null, null, null, null);

		Condition condition = this.filterSql.toSql(filter, "filter");

		assertThat(condition.sql()).isEqualTo("(exists (select 1 from source_record s where s.incident_id = i.id "
				+ "and lower(s.dataset) in (:f0)))");
		assertThat(condition.parameters()).containsExactly(Map.entry("f0", Set.of("gtd", "ucdp-ged")));
	}

	@Test
	void nearIsABoundingBoxThenTheHaversineDistance() {
		Condition condition = this.filterSql.toSql(near(new NearInput(34.0, 71.5, 111.19508)), "filter");

		assertThat(condition.sql())
			.startsWith("((i.latitude is not null and i.longitude is not null and "
					+ "i.latitude between :f0 and :f1 and i.longitude between :f2 and :f3 and 2 * 6371.0088 * asin(")
			.endsWith(") <= :f7))");
		// 111.195 km is one degree of latitude, and 1 / cos(34°) degrees of longitude
		assertThat((double) condition.parameters().get("f0")).isCloseTo(33.0, within());
		assertThat((double) condition.parameters().get("f1")).isCloseTo(35.0, within());
		double longitudeDelta = 1 / Math.cos(Math.toRadians(34.0));
		assertThat((double) condition.parameters().get("f2")).isCloseTo(71.5 - longitudeDelta, within());
		assertThat((double) condition.parameters().get("f3")).isCloseTo(71.5 + longitudeDelta, within());
		assertThat(condition.parameters()).containsEntry("f4", 34.0)
			.containsEntry("f5", 71.5)
			.containsEntry("f6", Math.toRadians(34.0))
			.containsEntry("f7", 111.19508);
	}

	@Test
	void nearTheAntimeridianTheBoxChecksTheLatitudeOnly() {
		Condition condition = this.filterSql.toSql(near(new NearInput(-17.0, 179.5, 500)), "filter");

		assertThat(condition.sql()).contains("i.latitude between :f0 and :f1 and 2 * ")
			.doesNotContain("i.longitude between");
	}

	// Validation: everything refused before any database work, with its argument path
	// ------------------------------------------------------------------------

	@Test
	void anInvertedDateRangeIsRefusedAtItsPath() {
		IncidentFilter filter = and(filter(),
				withDate(new DateRangeInput(LocalDate.parse("2024-02-01"), LocalDate.parse("2024-01-01"))));

		assertRefused(filter, ErrorCode.BAD_USER_INPUT, "date range: from (2024-02-01) is after to (2024-01-01)",
				"filter", "and", 1, "date");
	}

	@Test
	void anUnknownCountryCodeIsRefusedAtItsIndex() {
		IncidentFilter filter = or(country("PAK", "Pakistan"));

		assertRefused(filter, ErrorCode.BAD_USER_INPUT,
				"'Pakistan' is not an ISO 3166 alpha-3 country code (e.g. PAK, AFG)", "filter", "or", 0, "country", 1);
	}

	@Test
	void aBlankValueIsRefusedAtItsIndex() {
		IncidentFilter filter = new IncidentFilter(null, null, null, null, null, List.of("Sindh", " "), null, null,
				null, null, null, null, null, null, null);

		assertRefused(filter, ErrorCode.BAD_USER_INPUT, "a blank value matches nothing; leave it out", "filter",
				"region", 1);
	}

	@Test
	void negativeAndInvertedCountRangesAreRefused() {
		assertRefused(killed(new IntRangeInput(-1, null)), ErrorCode.BAD_USER_INPUT, "counts are never negative",
				"filter", "killed");
		assertRefused(not(injured(new IntRangeInput(5, 4))), ErrorCode.BAD_USER_INPUT,
				"range: min (5) is more than max (4)", "filter", "not", "injured");
	}

	@Test
	void aCircleOffTheEarthIsRefusedAtTheFieldAtFault() {
		assertRefused(near(new NearInput(90.5, 0, 10)), ErrorCode.BAD_USER_INPUT,
				"latitude must lie between -90 and 90", "filter", "near", "latitude");
		assertRefused(near(new NearInput(0, -180.5, 10)), ErrorCode.BAD_USER_INPUT,
				"longitude must lie between -180 and 180", "filter", "near", "longitude");
		assertRefused(near(new NearInput(0, 0, 0)), ErrorCode.BAD_USER_INPUT,
				"radiusKm must be more than 0 and at most 20000", "filter", "near", "radiusKm");
		assertRefused(near(new NearInput(0, 0, 20_001)), ErrorCode.BAD_USER_INPUT,
				"radiusKm must be more than 0 and at most 20000", "filter", "near", "radiusKm");
	}

	@Test
	void filtersNestTenLevelsDeepAndNoDeeper() {
		IncidentFilter tenDeep = country("PAK");
		for (int level = 1; level < IncidentFilterValidation.MAX_DEPTH; level++) {
			tenDeep = not(tenDeep);
		}
		assertThat(this.filterSql.toSql(tenDeep, "filter").sql()).contains("i.country in (:f0)");

		// not, and, not, ... ten operators over a country: eleven levels
		IncidentFilter deepest = country("PAK");
		for (int level = IncidentFilterValidation.MAX_DEPTH; level >= 1; level--) {
			deepest = (level % 2 == 1) ? not(deepest) : and(deepest);
		}
		IncidentFilter elevenDeep = deepest;
		List<Object> expected = new ArrayList<>();
		expected.add("where");
		for (int level = 1; level <= IncidentFilterValidation.MAX_DEPTH; level++) {
			expected.add((level % 2 == 1) ? "not" : "and");
			if (level % 2 == 0) {
				expected.add(0);
			}
		}
		assertThatExceptionOfType(ApiException.class).isThrownBy(() -> this.filterSql.toSql(elevenDeep, "where"))
			.satisfies((ex) -> {
				assertThat(ex.code()).isEqualTo(ErrorCode.LIMIT_EXCEEDED);
				assertThat(ex.getMessage()).startsWith("filters nest at most 10 levels deep");
				assertThat(ex.argumentPath()).isEqualTo(expected);
			});
		verifyNoInteractions(this.jdbc);
	}

	@Test
	void aListOfMoreThanAHundredIsALimitExceeded() {
		String[] codes = Collections.nCopies(IncidentFilterValidation.MAX_VALUES + 1, "PAK").toArray(String[]::new);
		assertRefused(country(codes), ErrorCode.LIMIT_EXCEEDED, "at most 100 values per list", "filter", "country");
		assertThat(this.filterSql
			.toSql(country(Collections.nCopies(IncidentFilterValidation.MAX_VALUES, "PAK").toArray(String[]::new)),
					"filter")
			.parameters()).containsExactly(Map.entry("f0", Set.of("PAK")));

		IncidentFilter[] children = Collections.nCopies(IncidentFilterValidation.MAX_VALUES + 1, country("PAK"))
			.toArray(IncidentFilter[]::new);
		assertRefused(or(children), ErrorCode.LIMIT_EXCEEDED, "at most 100 filters per list", "filter", "or");
	}

	@Test
	void anInvalidFilterIsRefusedBeforeItsNamesAreLookedUp() {
		IncidentFilter filter = new IncidentFilter(null, null, null, null, null, List.of("Sindh"), null, List.of("TTP"),
				new IntRangeInput(3, 1), null, null, null, null, null, null);

		assertRefused(filter, ErrorCode.BAD_USER_INPUT, "range: min (3) is more than max (1)", "filter", "killed");
	}

	@Test
	void validateChecksWithoutTheTemplateAndAcceptsNoFilter() {
		IncidentFilterValidation.validate(null, "filter");
		assertThatExceptionOfType(ApiException.class)
			.isThrownBy(() -> IncidentFilterValidation.validate(country("XYZ"), "filter"))
			.satisfies((ex) -> assertThat(ex.argumentPath()).containsExactly("filter", "country", 0));
	}

	// Regions: one statement for every name of the filter
	// ------------------------------------------------------

	@Test
	void aRegionsCurrentNameOrUndatedAliasSelectsItForAllTime() {
		givenRegions();
		IncidentFilter filter = new IncidentFilter(null, null, null, null, null, List.of("Khyber Pakhtunkhwa", "KPK"),
				null, null, null, null, null, null, null, null, null);

		Condition condition = this.filterSql.toSql(filter, "filter");

		assertThat(condition.sql()).isEqualTo("(((i.region_id is not null and i.region_id in (:f0)) or "
				+ "(i.region_at_event_id is not null and i.region_at_event_id in (:f0))))");
		assertThat(condition.parameters()).containsExactly(Map.entry("f0", Set.of(11L)));
		assertThat(this.regionLoads).isOne();
	}

	@Test
	void aFormerNameSelectsTheRegionAtTheEventDuringItsPeriodOnly() {
		givenRegions();
		IncidentFilter filter = new IncidentFilter(null, null, null, null, null,
				List.of("North-West Frontier Province"), null, null, null, null, null, null, null, null, null);

		Condition condition = this.filterSql.toSql(filter, "filter");

		assertThat(condition.sql())
			.isEqualTo("(((i.region_at_event_id is not null and i.region_at_event_id = :f0 and i.date_start <= :f1)))");
		assertThat(condition.parameters()).containsExactly(Map.entry("f0", 11L),
				Map.entry("f1", LocalDate.parse("2010-04-18")));
		// The 18th of April is no month's last day
		assertThat(condition.monthBounds()).isFalse();
	}

	@Test
	void aNameTwoCountriesShareSelectsTheRegionsOfBoth() {
		givenRegions();
		IncidentFilter filter = new IncidentFilter(null, null, null, null, null, List.of("punjab province"), null, null,
				null, null, null, null, null, null, null);

		Condition condition = this.filterSql.toSql(filter, "filter");

		assertThat(condition.parameters()).containsExactly(Map.entry("f0", Set.of(13L, 21L)));
	}

	@Test
	void anUnknownRegionIsRefusedAtTheFirstPathThatNamesIt() {
		givenRegions();
		IncidentFilter filter = and(filter(), new IncidentFilter(null, null, null, null, null,
				List.of("Sindh", "Atlantis"), null, null, null, null, null, null, null, null, null));

		assertRefused(filter, ErrorCode.BAD_USER_INPUT, "'Atlantis' names no known region", "filter", "and", 1,
				"region", 1);
	}

	// Perpetrators: aliases and ids, merges both ways, in at most two statements
	// -----------------------------------------------------------------------------

	@Test
	void aPerpetratorSelectsTheOrganizationsItNamesWithThoseMergedIntoThem() {
		givenOrganizations();
		IncidentFilter filter = perpetrator("Tehreek-e-Taliban Pakistan");

		Condition condition = this.filterSql.toSql(filter, "filter");

		assertThat(condition.sql()).isEqualTo("(i.id in (select p.incident_id from incident_perpetrator p where "
				+ "p.organization_id in (:f0) and " + Perpetrators.sqlCondition("p") + "))");
		// TTP (1) and Jamaat-ul-Ahrar (3), merged into it; ISKP (2) is another group
		assertThat(condition.parameters()).containsExactly(Map.entry("f0", Set.of(1L, 3L)));
	}

	@Test
	void aDatedFactionCountsForItsMovementOnlyForIncidentsStartingInItsPeriod() {
		givenOrganizations();
		// A faction (4) belonging to the TTP (1) from 2020-08-17
		IncidentFilterSql dated = filterSql(new OrganizationFamiliesCache(() -> new OrganizationFamilies(Map.of(3L, 1L),
				Map.of(4L, 1L), Map.of(4L, new Period(LocalDate.parse("2020-08-17"), null)))));

		Condition condition = dated.toSql(perpetrator("TTP"), "filter");

		String perpetrated = "i.id in (select p.incident_id from incident_perpetrator p where p.organization_id in ";
		assertThat(condition.sql()).isEqualTo(
				"(((" + perpetrated + "(:f0) and " + Perpetrators.sqlCondition("p") + ")) or (i.date_start >= :f1 and "
						+ perpetrated + "(:f2) and " + Perpetrators.sqlCondition("p") + "))))");
		assertThat(condition.parameters()).containsExactly(Map.entry("f0", Set.of(1L, 3L)),
				Map.entry("f1", LocalDate.parse("2020-08-17")), Map.entry("f2", Set.of(4L)));
		// Without factions, or asked for itself, the period does not apply
		IncidentFilter own = new IncidentFilter(null, null, null, null, null, null, null, List.of("TTP"), null, null,
				null, null, null, null, false);
		assertThat(dated.toSql(own, "filter").parameters()).containsExactly(Map.entry("f0", Set.of(1L, 3L)));
	}

	@Test
	void aMergedOrganizationsIdSelectsTheOneThatAbsorbedIt() {
		givenOrganizations();
		IncidentFilter filter = perpetrator(GlobalId.of("Organization", 3));

		Condition condition = this.filterSql.toSql(filter, "filter");

		assertThat(condition.parameters()).containsExactly(Map.entry("f0", Set.of(1L, 3L)));
	}

	@Test
	void anUnknownPerpetratorIsRefusedAtItsPath() {
		givenOrganizations();
		IncidentFilter filter = not(perpetrator("ISKP", "Nobody"));

		assertRefused(filter, ErrorCode.BAD_USER_INPUT, "'Nobody' names no known organization", "filter", "not",
				"perpetrator", 1);
	}

	@Test
	void cellsCanAnswerDatesCountriesRegionsAndKindsUnderAnyNesting() {
		assertThat(IncidentFilterSql.cellsCanAnswer(null)).isTrue();
		assertThat(IncidentFilterSql.cellsCanAnswer(or(not(country("PAK")), and(withDate(null))))).isTrue();
		assertThat(IncidentFilterSql.cellsCanAnswer(or(country("PAK"), not(killed(new IntRangeInput(1, null))))))
			.isFalse();
		assertThat(IncidentFilterSql.cellsCanAnswer(perpetrator("TTP"))).isFalse();
		assertThat(IncidentFilterSql.cellsCanAnswer(near(new NearInput(0, 0, 1)))).isFalse();
	}

	// Helpers
	// ---------------------------------------------------------------------------

	private void assertRefused(IncidentFilter filter, ErrorCode code, String message, Object... path) {
		assertThatExceptionOfType(ApiException.class).isThrownBy(() -> this.filterSql.toSql(filter, "filter"))
			.satisfies((ex) -> {
				assertThat(ex.code()).isEqualTo(code);
				assertThat(ex.getMessage()).isEqualTo(message);
				assertThat(ex.argumentPath()).containsExactly(path);
			});
	}

	// Khyber Pakhtunkhwa (11; NWFP until 2010-04-18, KPK always), Sindh (12), and two
	// regions named Punjab, in Pakistan (13) and India (21)
	private void givenRegions() {
		this.regions = List.of(
				new KnownRegion("11", "PAK", "Khyber Pakhtunkhwa", null, null, null,
						List.of(new KnownRegionName("North-West Frontier Province", null,
								LocalDate.parse("2010-04-18")), new KnownRegionName("KPK", null, null))),
				new KnownRegion("12", "PAK", "Sindh", null, null, null, List.of()),
				new KnownRegion("13", "PAK", "Punjab", null, null, null, List.of()),
				new KnownRegion("21", "IND", "Punjab", null, null, null, List.of()));
	}

	private IncidentFilterSql filterSql(OrganizationFamiliesCache families) {
		return new IncidentFilterSql(new IncidentFilterNames(this.jdbc, families, () -> {
			this.regionLoads++;
			return this.regions;
		}));
	}

	// TTP (1), ISKP (2, alias Daesh), Jamaat-ul-Ahrar (3, merged into TTP)
	private void givenOrganizations() {
		Map<String, Long> aliases = Map.of(NameKey.of("TTP"), 1L, NameKey.of("Tehreek-e-Taliban Pakistan"), 1L,
				NameKey.of("ISKP"), 2L, NameKey.of("Daesh"), 2L, NameKey.of("Jamaat-ul-Ahrar"), 3L);
		willAnswer((invocation) -> {
			Map<String, ?> parameters = invocation.getArgument(1);
			List<Map<String, Object>> rows = new ArrayList<>();
			for (Object key : (Iterable<?>) parameters.get("keys")) {
				if (aliases.containsKey(key)) {
					rows.add(Map.of("normalized_key", key, "organization_id", aliases.get(key)));
				}
			}
			return rows(rows, 2).answer(invocation);
		}).given(this.jdbc).query(startsWith(ALIASES), anyMap(), any(RowCallbackHandler.class));
		willAnswer((invocation) -> {
			Map<String, ?> parameters = invocation.getArgument(1);
			List<Map<String, Object>> rows = new ArrayList<>();
			for (Object id : (Iterable<?>) parameters.get("ids")) {
				if ((Long) id <= 3) {
					rows.add(Map.of("id", id));
				}
			}
			return rows(rows, 2).answer(invocation);
		}).given(this.jdbc).query(startsWith(IDS), anyMap(), any(RowCallbackHandler.class));
	}

	// Hands each row to the query's RowCallbackHandler, its argument at the given index
	private static Answer<Object> rows(List<Map<String, Object>> rows, int handler) {
		return (invocation) -> {
			RowCallbackHandler callback = invocation.getArgument(handler);
			for (Map<String, Object> row : rows) {
				callback.processRow(resultSet(row));
			}
			return null;
		};
	}

	private static ResultSet resultSet(Map<String, Object> row) throws SQLException {
		return mock(ResultSet.class, (Answer<Object>) (invocation) -> {
			Object value = row.get((String) invocation.getArgument(0));
			return switch (invocation.getMethod().getName()) {
				case "getLong" -> (value != null) ? ((Number) value).longValue() : 0L;
				case "getString" -> (value != null) ? value.toString() : null;
				case "getObject" -> value;
				default -> throw new UnsupportedOperationException(invocation.getMethod().getName());
			};
		});
	}

	private static org.assertj.core.data.Offset<Double> within() {
		return org.assertj.core.data.Offset.offset(1e-6);
	}

	private static IncidentFilter filter() {
		return new IncidentFilter(null, null, null, null, null, null, null, null, null, null, null, null, null, null,
				null);
	}

	private static IncidentFilter and(IncidentFilter... filters) {
		return new IncidentFilter(List.of(filters), null, null, null, null, null, null, null, null, null, null, null,
				null, null, null);
	}

	private static IncidentFilter or(IncidentFilter... filters) {
		return new IncidentFilter(null, List.of(filters), null, null, null, null, null, null, null, null, null, null,
				null, null, null);
	}

	private static IncidentFilter not(IncidentFilter filter) {
		return new IncidentFilter(null, null, filter, null, null, null, null, null, null, null, null, null, null, null,
				null);
	}

	private static IncidentFilter withDate(DateRangeInput date) {
		return new IncidentFilter(null, null, null, date, null, null, null, null, null, null, null, null, null, null,
				null);
	}

	private static IncidentFilter country(String... codes) {
		return new IncidentFilter(null, null, null, null, List.of(codes), null, null, null, null, null, null, null,
				null, null, null);
	}

	private static IncidentFilter perpetrator(String... values) {
		return new IncidentFilter(null, null, null, null, null, null, null, List.of(values), null, null, null, null,
				null, null, null);
	}

	private static IncidentFilter killed(IntRangeInput range) {
		return new IncidentFilter(null, null, null, null, null, null, null, null, range, null, null, null, null, null,
				null);
	}

	private static IncidentFilter injured(IntRangeInput range) {
		return new IncidentFilter(null, null, null, null, null, null, null, null, null, range, null, null, null, null,
				null);
	}

	private static IncidentFilter near(NearInput near) {
		return new IncidentFilter(null, null, null, null, null, null, null, null, null, null, null, null, near, null,
				null);
	}

}
