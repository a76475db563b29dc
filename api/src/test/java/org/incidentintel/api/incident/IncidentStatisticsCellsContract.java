package org.incidentintel.api.incident;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.incidentintel.domain.common.NameKey;
import org.incidentintel.domain.statistics.IncidentStatisticsCells;
import org.incidentintel.domain.organization.OrganizationFamiliesCache;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code incidentStatistics} answers the same from the statistics cells, day and month
 * cells, as from the incidents, on every supported database: the standard dataset of
 * {@link IncidentTestData} (NWFP and FATA named for their periods, two regions named
 * Punjab), former names added here whose periods start and end on month bounds or not,
 * {@value #GENERATED} generated incidents (multi-day ranges across month, quarter and
 * year ends, a region at the event unlike today's, unknown casualties) and incidents on
 * and across month ends, over many filters and groupings: dates on month bounds and off
 * them by a day. The API's own refresh is off: each test decides when the cells are
 * fresh. Subclasses pick the database.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class IncidentStatisticsCellsContract {

	static final int GENERATED = 1500;

	private static final String STATISTICS = """
			query($filter: IncidentFilter, $groupBy: [IncidentDimension!]!) {
			  incidentStatistics(filter: $filter, groupBy: $groupBy) {
			    totals { incidents killed injured }
			    buckets {
			      key { country region { name country } year quarter month kind }
			      incidents killed injured incidentsShare killedShare
			    }
			  }
			}
			""";

	// Filters the cells can answer: dates with odd ends, countries, regions (current
	// names,
	// former names valid for a period, a name two countries share), kinds, and/or/not
	private static final List<Map<String, Object>> FILTERS = List.of(Map.of(),
			Map.of("date", Map.of("from", "2012-01-01", "to", "2012-12-31")),
			Map.of("date", Map.of("from", "2009-12-31", "to", "2010-04-18")),
			Map.of("date", Map.of("from", "2010-04-19")), Map.of("date", Map.of("to", "2008-06-15")),
			Map.of("date", Map.of("from", "2015-02-01", "to", "2015-02-01")),
			Map.of("date", Map.of("from", "2011-03-31", "to", "2011-04-01")), Map.of("country", List.of("PAK")),
			Map.of("country", List.of("ind", "PAK")), Map.of("region", List.of("Khyber Pakhtunkhwa")),
			Map.of("region", List.of("NWFP")), Map.of("region", List.of("North-West Frontier Province")),
			Map.of("region", List.of("FATA")), Map.of("region", List.of("Federally Administered Tribal Areas")),
			Map.of("region", List.of("Punjab")), Map.of("region", List.of("KPK", "Balochistan")),
			Map.of("kind", List.of("ATTACK")), Map.of("kind", List.of("CLASH", "STRIKE")),
			Map.of("region", List.of("NWFP"), "date", Map.of("from", "2009-01-01", "to", "2011-06-30")),
			Map.of("and", List.of(Map.of("region", List.of("NWFP")), Map.of("kind", List.of("ATTACK")))),
			Map.of("or", List.of(Map.of("region", List.of("FATA")), Map.of("date", Map.of("from", "2020-01-01")))),
			Map.of("not", Map.of("region", List.of("Khyber Pakhtunkhwa"))),
			Map.of("not", Map.of("or", List.of(Map.of("kind", List.of("ATTACK")), Map.of("country", List.of("IND"))))),
			Map.of("country", List.of("PAK"), "and",
					List.of(Map.of("not", Map.of("date", Map.of("to", "2010-12-31"))),
							Map.of("or",
									List.of(Map.of("region", List.of("Sindh")),
											Map.of("region", List.of("Federally Administered Tribal Areas")))))),
			Map.of("date", Map.of("from", "1900-01-01", "to", "1900-12-31")),
			// Month bounds (the month cells answer) and a day off them (the day cells do)
			Map.of("date", Map.of("from", "2012-02-01", "to", "2012-02-29")),
			Map.of("date", Map.of("from", "2012-02-01", "to", "2012-02-28")),
			Map.of("date", Map.of("from", "2011-04-01", "to", "2012-03-31")),
			Map.of("date", Map.of("from", "2011-04-02", "to", "2012-03-31")),
			Map.of("date", Map.of("from", "2011-03-31", "to", "2012-04-30")),
			Map.of("date", Map.of("from", "2010-05-01")), Map.of("date", Map.of("to", "2009-11-30")),
			Map.of("date", Map.of("to", "2009-12-01")),
			// Former names valid from a month's first day to a month's last day, and not
			Map.of("region", List.of("Scinde")), Map.of("region", List.of("Beluchistan")),
			Map.of("region", List.of("Panjab")), Map.of("region", List.of("Mehran")),
			Map.of("region", List.of("Scinde", "Beluchistan"), "date",
					Map.of("from", "2009-01-01", "to", "2011-06-30")),
			Map.of("region", List.of("Scinde"), "date", Map.of("from", "2009-01-01", "to", "2011-06-29")),
			Map.of("or", List.of(Map.of("region", List.of("Scinde")), Map.of("region", List.of("NWFP")))),
			Map.of("not", Map.of("region", List.of("Panjab"))),
			Map.of("not", Map.of("and", List.of(Map.of("region", List.of("Scinde")),
					Map.of("date", Map.of("from", "2010-01-01", "to", "2010-12-31"))))));

	private static final List<List<String>> GROUPINGS = List.of(List.of(), List.of("REGION"),
			List.of("REGION", "QUARTER"), List.of("COUNTRY", "YEAR"), List.of("KIND", "MONTH"),
			List.of("YEAR", "QUARTER", "MONTH"), List.of("QUARTER", "REGION"),
			List.of("COUNTRY", "REGION", "YEAR", "KIND"));

	// Every dimension: a bucket for nearly each incident, so for narrower filters only
	// (the answers of the filters above would exceed the test client's buffer)
	private static final List<Map<String, Object>> NARROW_FILTERS = List.of(
			Map.of("date", Map.of("from", "2012-01-01", "to", "2012-12-31")), Map.of("region", List.of("NWFP")),
			Map.of("not", Map.of("date", Map.of("to", "2022-06-30"))));

	private static final List<String> EVERY_DIMENSION = List.of("COUNTRY", "REGION", "YEAR", "QUARTER", "MONTH",
			"KIND");

	private static final String ORGANIZATIONS_STATISTICS = """
			query($filter: IncidentFilter, $groupBy: [IncidentDimension!]!, $factions: Boolean) {
			  organizations(first: 20) { edges { node { name
			    incidentStatistics(filter: $filter, groupBy: $groupBy, includeFactions: $factions) {
			      totals { incidents killed injured }
			      buckets {
			        key { country region { name country } regionAtEvent { name } year quarter month kind source }
			        incidents killed injured incidentsShare killedShare
			      }
			    }
			  } } }
			}
			""";

	// Filters the cells answer, dates on month bounds and off them
	private static final List<Map<String, Object>> ORGANIZATION_FILTERS = List.of(Map.of(),
			Map.of("date", Map.of("from", "2012-01-01", "to", "2012-12-31")),
			Map.of("date", Map.of("from", "2011-03-31", "to", "2012-04-17")), Map.of("country", List.of("PAK")),
			Map.of("region", List.of("Khyber Pakhtunkhwa")), Map.of("region", List.of("NWFP")),
			Map.of("date", Map.of("from", "2010-05-01")), Map.of("kind", List.of("ATTACK", "CLASH")),
			Map.of("or", List.of(Map.of("region", List.of("FATA")), Map.of("date", Map.of("from", "2020-01-01")))));

	private static final List<List<String>> ORGANIZATION_GROUPINGS = List.of(List.of(), List.of("SOURCE"),
			List.of("REGION_AT_EVENT", "YEAR", "QUARTER", "SOURCE"), List.of("COUNTRY", "KIND"),
			List.of("MONTH", "SOURCE"));

	static final int PERPETRATED = 600;

	@Autowired
	HttpGraphQlTester graphQl;

	@Autowired
	NamedParameterJdbcTemplate jdbc;

	@Autowired
	OrganizationFamiliesCache families;

	@Autowired
	IncidentStatisticsCells cells;

	IncidentTestData data;

	@BeforeAll
	void seed() {
		this.data = new IncidentTestData(this.jdbc, this.families);
		this.data.clear();
		this.data.seed();
		// Former names: valid on month bounds (Scinde both ends, Beluchistan until a
		// month's end, Panjab from a month's start), and not (Mehran from the 15th)
		formerName("pk-sd", "Scinde", "2008-03-01", "2013-06-30");
		formerName("pk-ba", "Beluchistan", null, "2010-12-31");
		formerName("pk-pb", "Panjab", "2011-01-01", null);
		formerName("pk-sd", "Mehran", "2009-02-15", "2012-12-31");
		generate();
	}

	@AfterAll
	void leaveTheDatabaseEmpty() {
		new IncidentTestData(this.jdbc, this.families).clear();
	}

	@Test
	void theCellsAnswerEveryFilterAndGroupingTheyCanExactlyAsTheIncidentsDo() {
		this.data.incidentsChanged();
		assertThat(this.cells.versions().fresh()).isFalse();
		Map<String, Object> live = answers();
		assertThat(this.cells.refresh()).isTrue();
		Map<String, Object> fromCells = answers();
		assertThat(fromCells.keySet()).hasSize(FILTERS.size() * GROUPINGS.size() + NARROW_FILTERS.size());
		live.forEach((query, answer) -> assertSame(query, fromCells.get(query), answer));
		// Not vacuous: most answers count some incidents
		long counting = live.values()
			.stream()
			.filter((answer) -> ((Integer) totals(answer).get("incidents")) > 0)
			.count();
		assertThat(counting).isGreaterThan(live.size() * 9 / 10);
	}

	@Test
	void thePerpetratorCellsAnswerEachOrganizationsStatisticsExactlyAsTheIncidentsDo() {
		this.data.incidentsChanged();
		Map<String, List<Map<String, Object>>> live = organizationAnswers();
		assertThat(this.cells.refresh()).isTrue();
		Map<String, List<Map<String, Object>>> fromCells = organizationAnswers();
		live.forEach((query, nodes) -> {
			List<Map<String, Object>> cellNodes = fromCells.get(query);
			assertThat(cellNodes).hasSameSizeAs(nodes);
			for (int i = 0; i < nodes.size(); i++) {
				assertThat(cellNodes.get(i).get("name")).isEqualTo(nodes.get(i).get("name"));
				assertSame(query + " " + nodes.get(i).get("name"), cellNodes.get(i).get("incidentStatistics"),
						nodes.get(i).get("incidentStatistics"));
			}
		});
		// Not vacuous: the TTP with its merged and faction organizations counts some
		// incidents in most answers
		long counting = live.values()
			.stream()
			.flatMap(List::stream)
			.filter((node) -> "Tehrik-i-Taliban Pakistan".equals(node.get("name")))
			.filter((node) -> ((Integer) totals(node.get("incidentStatistics")).get("incidents")) > 0)
			.count();
		assertThat(counting).isGreaterThan(live.size() * 3 / 4);
		try {
			// ...and the cells were read: changed behind the versions' back, they count
			this.jdbc.update("update perpetrator_statistics_cell set incidents = incidents + 1000", Map.of());
			Map<String, Object> ttp = organizationAnswer(Map.of("country", List.of("PAK")), List.of(), null).stream()
				.filter((node) -> "Tehrik-i-Taliban Pakistan".equals(node.get("name")))
				.findFirst()
				.orElseThrow();
			assertThat(incidents(ttp.get("incidentStatistics"))).isGreaterThan(1000);
		}
		finally {
			this.data.incidentsChanged();
			this.cells.refresh();
		}
	}

	private Map<String, List<Map<String, Object>>> organizationAnswers() {
		Map<String, List<Map<String, Object>>> answers = new HashMap<>();
		for (Map<String, Object> filter : ORGANIZATION_FILTERS) {
			for (List<String> groupBy : ORGANIZATION_GROUPINGS) {
				for (Boolean factions : new Boolean[] { null, false }) {
					answers.put(filter + " by " + groupBy + " factions " + factions,
							organizationAnswer(filter, groupBy, factions));
				}
			}
		}
		return answers;
	}

	@SuppressWarnings("unchecked")
	private List<Map<String, Object>> organizationAnswer(Map<String, Object> filter, List<String> groupBy,
			Boolean factions) {
		Map<String, Object> variables = new HashMap<>();
		variables.put("filter", filter.isEmpty() ? null : filter);
		variables.put("groupBy", groupBy);
		variables.put("factions", factions);
		return (List<Map<String, Object>>) (List<?>) this.graphQl.document(ORGANIZATIONS_STATISTICS)
			.variables(variables)
			.execute()
			.path("organizations.edges[*].node")
			.entityList(Map.class)
			.get();
	}

	@Test
	void freshCellsAreReadAndStaleOnesAreNot() {
		// Not on a month bound: answered from the day cells
		Map<String, Object> filter = Map.of("date", Map.of("from", "2012-01-01", "to", "2012-12-30"));
		List<String> groupBy = List.of("REGION", "QUARTER");
		this.cells.refresh();
		Object expected = answer(filter, groupBy);
		// Cells changed behind the versions' back: a fresh answer comes from them...
		this.jdbc.update("update incident_statistics_cell set incidents = incidents + 1000", Map.of());
		assertThat(totals(answer(filter, groupBy)).get("incidents"))
			.isEqualTo((Integer) totals(expected).get("incidents") + 1000 * this.jdbc.queryForObject(
					"select count(*) from incident_statistics_cell "
							+ "where date_end >= date '2012-01-01' and date_start <= date '2012-12-30'",
					Map.of(), Integer.class));
		// ...but not when they cannot answer the filter (a casualty range)
		Map<String, Object> killed = Map.of("date", Map.of("from", "2012-01-01", "to", "2012-12-30"), "killed",
				Map.of("min", 0));
		Object countedKilled = answer(killed, groupBy);
		// ...and not once a writer has marked them stale
		this.data.incidentsChanged();
		assertSame("stale", answer(filter, groupBy), expected);
		assertSame("killed, stale", answer(killed, groupBy), countedKilled);
		this.cells.refresh();
		assertSame("refreshed", answer(filter, groupBy), expected);
	}

	@Test
	void theMonthCellsAnswerFiltersOnMonthBoundsAndTheDayCellsTheOthers() {
		List<String> groupBy = List.of("REGION", "QUARTER");
		Map<String, Object> year = Map.of("date", Map.of("from", "2012-01-01", "to", "2012-12-31"));
		Map<String, Object> scinde = Map.of("region", List.of("Scinde"));
		Map<String, Object> yearButADay = Map.of("date", Map.of("from", "2012-01-01", "to", "2012-12-30"));
		Map<String, Object> nwfp = Map.of("region", List.of("NWFP"));
		this.data.incidentsChanged();
		this.cells.refresh();
		Map<Map<String, Object>, Integer> expected = new HashMap<>();
		for (Map<String, Object> filter : List.of(year, scinde, yearButADay, nwfp)) {
			expected.put(filter, incidents(answer(filter, groupBy)));
			assertThat(expected.get(filter)).as(filter.toString()).isPositive();
		}
		try {
			// Month cells changed behind the versions' back: only the answers on month
			// bounds count them
			this.jdbc.update("update incident_statistics_month_cell set incidents = incidents + 1000", Map.of());
			assertThat(incidents(answer(year, groupBy))).isEqualTo(expected.get(year) + 1000 * count(
					"incident_statistics_month_cell where date_end >= date '2012-01-01' and date_start <= date '2012-12-31'"));
			assertThat(incidents(answer(scinde, groupBy))).isEqualTo(expected.get(scinde) + 1000 * count(
					"incident_statistics_month_cell where region_at_event_id = " + this.data.regions.get("pk-sd")
							+ " and date_start >= date '2008-03-01' and date_start <= date '2013-06-30'"));
			assertThat(incidents(answer(yearButADay, groupBy))).isEqualTo(expected.get(yearButADay));
			assertThat(incidents(answer(nwfp, groupBy))).isEqualTo(expected.get(nwfp));
			// Day cells changed instead: the other answers count them
			this.data.incidentsChanged();
			this.cells.refresh();
			this.jdbc.update("update incident_statistics_cell set incidents = incidents + 1000", Map.of());
			assertThat(incidents(answer(year, groupBy))).isEqualTo(expected.get(year));
			assertThat(incidents(answer(scinde, groupBy))).isEqualTo(expected.get(scinde));
			assertThat(incidents(answer(yearButADay, groupBy))).isGreaterThan(expected.get(yearButADay));
			assertThat(incidents(answer(nwfp, groupBy))).isGreaterThan(expected.get(nwfp));
		}
		finally {
			this.data.incidentsChanged();
			this.cells.refresh();
		}
	}

	@Test
	void aWriteIsCountedAtOnceLiveAndByTheCellsAfterTheNextRefresh() {
		Map<String, Object> filter = Map.of("region", List.of("NWFP"));
		List<String> groupBy = List.of("YEAR");
		this.cells.refresh();
		Object before = answer(filter, groupBy);
		// The writer's rows and its increment in one transaction, as the ETL writes
		this.jdbc.getJdbcTemplate().execute((java.sql.Connection connection) -> {
			connection.setAutoCommit(false);
			try (var statement = connection.createStatement()) {
				statement.executeUpdate("update incident set killed = coalesce(killed, 0) + 100 "
						+ "where date_start < date '2010-04-18' and region_at_event_id = "
						+ this.data.regions.get("pk-kp"));
				statement.executeUpdate("update incident_statistics_state set data_version = data_version + 1");
				connection.commit();
			}
			finally {
				connection.setAutoCommit(true);
			}
			return null;
		});
		assertThat(this.cells.versions().fresh()).isFalse();
		Object live = answer(filter, groupBy);
		assertThat(live).isNotEqualTo(before);
		assertThat(this.cells.refresh()).isTrue();
		assertSame("after the write", answer(filter, groupBy), live);
	}

	private int count(String tableAndCondition) {
		return this.jdbc.queryForObject("select count(*) from " + tableAndCondition, Map.of(), Integer.class);
	}

	private static int incidents(Object answer) {
		return (Integer) totals(answer).get("incidents");
	}

	private void formerName(String region, String name, String validFrom, String validTo) {
		Map<String, Object> parameters = new HashMap<>();
		parameters.put("region", this.data.regions.get(region));
		parameters.put("name", name);
		parameters.put("key", NameKey.of(name));
		parameters.put("from", (validFrom != null) ? LocalDate.parse(validFrom) : null);
		parameters.put("to", (validTo != null) ? LocalDate.parse(validTo) : null);
		this.jdbc.update("insert into region_name (region_id, name, normalized_key, valid_from, valid_to) "
				+ "values (:region, :name, :key, :from, :to)", parameters);
	}

	private Map<String, Object> answers() {
		Map<String, Object> answers = new HashMap<>();
		for (Map<String, Object> filter : FILTERS) {
			for (List<String> groupBy : GROUPINGS) {
				answers.put(filter + " by " + groupBy, answer(filter, groupBy));
			}
		}
		for (Map<String, Object> filter : NARROW_FILTERS) {
			answers.put(filter + " by " + EVERY_DIMENSION, answer(filter, EVERY_DIMENSION));
		}
		return answers;
	}

	private Object answer(Map<String, Object> filter, List<String> groupBy) {
		Map<String, Object> variables = new HashMap<>();
		variables.put("filter", filter.isEmpty() ? null : filter);
		variables.put("groupBy", groupBy);
		return this.graphQl.document(STATISTICS)
			.variables(variables)
			.execute()
			.path("incidentStatistics")
			.entity(Map.class)
			.get();
	}

	// The totals equal; the buckets equal in any order (two regions named Punjab sort
	// alike, and their order comes from the database)
	@SuppressWarnings("unchecked")
	private static void assertSame(String query, Object actual, Object expected) {
		assertThat(totals(actual)).as(query).isEqualTo(totals(expected));
		List<Object> actualBuckets = (List<Object>) ((Map<String, Object>) actual).get("buckets");
		List<Object> expectedBuckets = (List<Object>) ((Map<String, Object>) expected).get("buckets");
		assertThat(actualBuckets).as(query).containsExactlyInAnyOrderElementsOf(expectedBuckets);
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> totals(Object answer) {
		return (Map<String, Object>) ((Map<String, Object>) answer).get("totals");
	}

	// Random but repeatable: regions today and at the event (FATA's incidents belong to
	// Khyber Pakhtunkhwa today), ranges of up to 40 days, a third of casualties unknown
	private void generate() {
		Random random = new Random(42);
		String[][] regions = { { "pk-kp", "pk-kp" }, { "pk-kp", "pk-ta" }, { "pk-ba", "pk-ba" }, { "pk-sd", "pk-sd" },
				{ "pk-pb", "pk-pb" }, { "in-pb", "in-pb" }, { null, null }, { "pk-kp", null } };
		String[] kinds = { "ATTACK", "CLASH", "STRIKE", "SECURITY_OPERATION" };
		LocalDate first = LocalDate.of(2004, 1, 1);
		Timestamp now = Timestamp.from(Instant.now());
		List<Object[]> rows = new ArrayList<>();
		// On and across month ends, leap day included
		String[][] monthEnds = { { "2012-01-31", "2012-02-01" }, { "2012-02-29", "2012-02-29" },
				{ "2012-03-01", "2012-03-01" }, { "2011-03-31", "2011-04-01" }, { "2011-04-01", "2011-04-01" },
				{ "2012-12-31", "2013-01-01" }, { "2011-12-31", "2012-01-01" }, { "2009-11-30", "2009-12-01" },
				{ "2010-04-30", "2010-05-01" }, { "2008-02-29", "2008-03-01" }, { "2013-06-30", "2013-07-01" },
				{ "2010-12-31", "2010-12-31" }, { "2011-01-01", "2011-01-01" }, { "2009-02-14", "2009-02-15" } };
		for (String[] range : monthEnds) {
			for (String[] region : regions) {
				rows.add(new Object[] { Date.valueOf(range[0]), Date.valueOf(range[1]),
						kinds[random.nextInt(kinds.length)], "in-pb".equals(region[0]) ? "IND" : "PAK", id(region[0]),
						id(region[1]), "Month end " + range[0], casualty(random), casualty(random), now, now });
			}
		}
		for (int i = 0; i < GENERATED; i++) {
			String[] region = regions[random.nextInt(regions.length)];
			LocalDate start = first.plusDays(random.nextInt(21 * 365));
			LocalDate end = (random.nextInt(5) == 0) ? start.plusDays(random.nextInt(40)) : start;
			String country = "in-pb".equals(region[0]) ? "IND" : "PAK";
			rows.add(new Object[] { Date.valueOf(start), Date.valueOf(end), kinds[random.nextInt(kinds.length)],
					country, id(region[0]), id(region[1]), "Generated " + i, casualty(random), casualty(random), now,
					now });
		}
		this.jdbc.getJdbcTemplate()
			.batchUpdate("insert into incident (date_start, date_end, date_precision, kind, country, region_id, "
					+ "region_at_event_id, place, killed, injured, created_at, updated_at) "
					+ "values (?, ?, 'DAY', ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows);
		perpetrated(random);
		this.data.incidentsChanged();
	}

	/**
	 * Incidents with one to three actors (the TTP, an organization merged into it, one of
	 * its factions, other groups, a security force as a side or as the perpetrator, a
	 * name no organization was resolved for) and zero to three source records of their
	 * own figures, two of one dataset at times.
	 */
	private void perpetrated(Random random) {
		this.data.organization("ttp-ta", "TTP - TA", "TTP-TA", null);
		// A faction of the TTP for a period only: its incidents count for the TTP from
		// mid-August 2012 (off a month bound) to the end of 2016
		this.jdbc.update(
				"update organization set parent_id = :ttp, parent_valid_from = date '2012-08-17', "
						+ "parent_valid_to = date '2016-12-31' where id = :faction",
				Map.of("ttp", this.data.organizations.get("ttp"), "faction", this.data.organizations.get("ttp-ta")));
		this.families.reload();
		this.data.organizationOfKind("SECURITY_FORCE", "army", "Pakistan Army", "PA", null);
		String[][] actors = { { "ttp", "TTP" }, { "jua", "Jamaat-ul-Ahrar" }, { "ttp-ta", "TTP-TA" },
				{ "iskp", "ISKP" }, { "bla", "BLA" }, { "army", "Pakistan Army" }, { null, "Unknown gunmen" } };
		String[] roles = { "PERPETRATOR", "CLAIMED", "SIDE_A", "SIDE_B" };
		String[][] regions = { { "pk-kp", "pk-kp" }, { "pk-kp", "pk-ta" }, { "pk-ba", "pk-ba" }, { "in-pb", "in-pb" },
				{ null, null } };
		String[] kinds = { "ATTACK", "CLASH", "STRIKE" };
		String[] runs = { "ucdp", "gtd", "acled" };
		LocalDate first = LocalDate.of(2005, 1, 1);
		for (int i = 0; i < PERPETRATED; i++) {
			String[] region = regions[random.nextInt(regions.length)];
			IncidentTestData.IncidentBuilder incident = this.data.incident("Perpetrated " + i)
				.on(first.plusDays(random.nextInt(20 * 365)).toString())
				.kind(kinds[random.nextInt(kinds.length)])
				.country("in-pb".equals(region[0]) ? "IND" : "PAK")
				.in(region[0], region[1], null)
				.casualties(casualty(random), casualty(random));
			int actorCount = 1 + random.nextInt(3);
			for (int a = 0; a < actorCount; a++) {
				String[] actor = actors[random.nextInt(actors.length)];
				incident.perpetrator(actor[0], actor[1], roles[random.nextInt(roles.length)], false);
			}
			int sourceCount = random.nextInt(4);
			for (int r = 0; r < sourceCount; r++) {
				incident.source(runs[random.nextInt(runs.length)], "perpetrated-" + i + "-" + r, casualty(random),
						casualty(random));
			}
			incident.save();
		}
	}

	private Long id(String region) {
		return (region != null) ? this.data.regions.get(region) : null;
	}

	private static Integer casualty(Random random) {
		return (random.nextInt(3) == 0) ? null : random.nextInt(30);
	}

}
