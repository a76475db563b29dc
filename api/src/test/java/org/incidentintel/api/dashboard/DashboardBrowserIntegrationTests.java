package org.incidentintel.api.dashboard;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.incidentintel.api.testing.H2IntegrationTest;
import org.incidentintel.api.testing.HeadlessChromium;
import org.incidentintel.api.testing.TestDatabase;
import org.incidentintel.domain.reference.ReferenceDataLoader;
import org.incidentintel.domain.reference.ReferenceDataReader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.client.MockMvcWebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard in a real browser (Debian's headless Chromium, no host but localhost
 * reachable) on data shaped like the quickstart's: the reference data and, for 2020-2021,
 * incidents of the TTP, ISKP and the BLA across the provinces, every one reported by UCDP
 * GED and every fourth one by ACLED too, with figures of its own. The numbers the charts
 * draw are read from the charts themselves and compared with the API's own answer; a
 * filter change redraws them; the table pages with the API's cursors and its drawer shows
 * each source record. Waits on the page's state, never on time. Leaves a screenshot in
 * target/dashboard.png.
 */
@H2IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardBrowserIntegrationTests {

	private static final Duration PATIENCE = Duration.ofSeconds(60);

	private static final int INCIDENTS = 48;

	private static final String ACLED_RAW_FIELD = "event_id_cnty";

	// The headline question as the cookbook asks it, for the threats of the 2024-05-10
	// round
	private static final String HEADLINE = """
			query($filter: IncidentFilter) {
			  dialogues(filter: {date: {from: "2024-05-10", to: "2024-05-10"}}) {
			    edges { node { threats {
			      acronym
			      byQuarter: incidentStatistics(filter: $filter, groupBy: [YEAR, QUARTER]) {
			        buckets { key { year quarter } incidents killed }
			      }
			      byProvince: incidentStatistics(filter: $filter, groupBy: [REGION_AT_EVENT]) {
			        buckets { key { regionAtEvent { name } } incidents killed }
			      }
			    } } }
			  }
			}""";

	private static final String INCIDENT_IDS = """
			query($filter: IncidentFilter, $after: String) {
			  incidents(filter: $filter, first: 20, after: $after, orderBy: [{field: DATE, direction: DESC}]) {
			    totalCount
			    pageInfo { endCursor }
			    edges { node { id } }
			  }
			}""";

	@LocalServerPort
	int port;

	@Autowired
	private MockMvc mockMvc;

	@Autowired
	private ReferenceDataLoader referenceDataLoader;

	@Autowired
	private JdbcTemplate jdbc;

	private HttpGraphQlTester graphQl;

	private ChromeDriver browser;

	private WebDriverWait wait;

	@BeforeAll
	void loadReferenceDataAndIncidents() {
		// The module's H2 is shared: start from nothing, whatever the classes before left
		TestDatabase.clear(this.jdbc);
		this.referenceDataLoader.load(new ReferenceDataReader().readClasspath());
		long ucdp = insertRun("ucdp-ged", "GEDEvent_v25_1.csv");
		long acled = insertRun("acled", "acled_pakistan_2020-2021.csv");
		String[] organizations = { "ttp", "ttp", "iskp", "ttp", "bla", "iskp" };
		String[] provinces = { "pk-kp", "pk-ba", "pk-kp", "pk-sd", "pk-ba", "pk-pb", "pk-kp" };
		String[] places = { "Peshawar", "Quetta", "Bannu", "Karachi", "Turbat", "Lahore", "Dera Ismail Khan" };
		for (int i = 0; i < INCIDENTS; i++) {
			LocalDate date = LocalDate.of(2020, 1, 5).plusDays(i * 15L);
			int killed = (i * 7) % 13 + 1;
			long incident = insertIncident(date, provinces[i % provinces.length], places[i % places.length], killed,
					(i % 4 == 0) ? null : killed * 2, organizations[i % organizations.length]);
			insertSourceRecord(ucdp, "ged-" + i, i + 2, incident, date, killed, "{\"id\": " + (400000 + i)
					+ ", \"side_b\": \"" + organizations[i % organizations.length] + "\", \"best\": " + killed + "}");
			if (i % 4 == 0) {
				insertSourceRecord(acled, "PAK" + i, i + 2, incident, date, killed + 2,
						"{\"" + ACLED_RAW_FIELD + "\": \"PAK" + i + "\", \"fatalities\": " + (killed + 2) + "}");
			}
		}
		TestDatabase.incidentsChanged(this.jdbc);
	}

	// One browser for the class: each test opens the page afresh
	@BeforeAll
	void startBrowser() {
		this.graphQl = HttpGraphQlTester.create(MockMvcWebTestClient.bindTo(this.mockMvc).baseUrl("/graphql").build());
		this.browser = HeadlessChromium.start(1400, 1700);
		this.wait = new WebDriverWait(this.browser, PATIENCE);
	}

	@AfterAll
	void stopBrowser() {
		if (this.browser != null) {
			this.browser.quit();
		}
	}

	@Test
	void theHeadlineChartsDrawTheApisNumbersAndFollowTheFilters() throws IOException {
		open();
		assertThat(new Select(this.browser.findElement(By.id("dialogue"))).getFirstSelectedOption().getText())
			.isEqualTo("2024-05-10 Pakistan-US Counterterrorism Dialogue, May 2024 round");
		assertThat(this.browser.findElements(By.cssSelector("#threats li")))
			.extracting((threat) -> threat.findElement(By.tagName("strong")).getText())
			.containsExactlyInAnyOrder("Tehrik-i-Taliban Pakistan", "Islamic State Khorasan Province");

		Map<String, Object> filter = Map.of("country", List.of("PAK"), "date",
				Map.of("from", "2020-01-01", "to", "2021-12-31"));
		List<Threat> everywhere = headline(filter);
		// The data behind the assertions: every TTP and ISKP incident of the period
		// counts
		assertThat(everywhere).extracting(Threat::acronym).containsExactlyInAnyOrder("TTP", "ISKP");
		assertThat(everywhere.stream()
			.flatMap((threat) -> threat.byQuarter().buckets().stream())
			.mapToInt(Bucket::incidents)
			.sum()).isEqualTo(INCIDENTS - INCIDENTS / 6);
		assertChartsDraw(everywhere);
		Map<String, Map<String, Long>> quartersEverywhere = chart("quarters");

		HeadlessChromium.screenshot(this.browser, Path.of("target", "dashboard.png"));

		new Select(this.browser.findElement(By.id("province"))).selectByVisibleText("Balochistan");
		waitUntilReady("headline");
		List<Threat> inBalochistan = headline(Map.of("country", List.of("PAK"), "date",
				Map.of("from", "2020-01-01", "to", "2021-12-31"), "region", List.of("Balochistan")));
		assertChartsDraw(inBalochistan);
		assertThat(chart("quarters")).isNotEqualTo(quartersEverywhere);
		assertThat(chart("provinces").values())
			.allSatisfy((perProvince) -> assertThat(perProvince.keySet()).containsExactly("Balochistan"));
	}

	@Test
	void theIncidentsTablePagesWithTheApisCursorsAndItsDrawerShowsEachSourceRecord() {
		open();
		Map<String, Object> filter = Map.of("country", List.of("PAK"), "date",
				Map.of("from", "2020-01-01", "to", "2021-12-31"));
		GraphQlTester.Response firstPage = this.graphQl.document(INCIDENT_IDS).variable("filter", filter).execute();
		assertThat(this.browser.findElement(By.id("incident-count")).getText()).isEqualTo("(" + INCIDENTS + ")");
		assertThat(rowIds()).isEqualTo(firstPage.path("incidents.edges[*].node.id").entityList(String.class).get());

		this.browser.findElement(By.id("next-page")).click();
		this.wait.until(ExpectedConditions.textToBe(By.id("page-number"), "page 2"));
		waitUntilReady("incidents");
		String endCursor = firstPage.path("incidents.pageInfo.endCursor").entity(String.class).get();
		List<String> secondPage = this.graphQl.document(INCIDENT_IDS)
			.variable("filter", filter)
			.variable("after", endCursor)
			.execute()
			.path("incidents.edges[*].node.id")
			.entityList(String.class)
			.get();
		assertThat(rowIds()).isEqualTo(secondPage);

		WebElement reportedTwice = this.browser.findElements(By.cssSelector("#incident-table tbody tr"))
			.stream()
			.filter((row) -> row.getText().contains("acled"))
			.findFirst()
			.orElseThrow();
		reportedTwice.click();
		List<WebElement> records = this.wait
			.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#drawer .source-record"), 2));
		assertThat(records).extracting((record) -> record.getDomAttribute("data-dataset"))
			.containsExactlyInAnyOrder("ucdp-ged", "acled");
		WebElement acled = records.stream()
			.filter((record) -> "acled".equals(record.getDomAttribute("data-dataset")))
			.findFirst()
			.orElseThrow();
		assertThat(acled.findElement(By.className("raw")).getText()).contains(ACLED_RAW_FIELD);
		assertThat(acled.getText()).contains("acled_pakistan_2020-2021.csv");
	}

	@Test
	void theOrganizationFilterSuggestsNamesAndFiltersTheTable() {
		open();
		WebElement organization = this.browser.findElement(By.id("organization"));
		organization.sendKeys("Tehreek Taliban Pakistn");
		this.wait.until((browser) -> browser.findElements(By.cssSelector("#organization-suggestions option"))
			.stream()
			.anyMatch((option) -> "Tehrik-i-Taliban Pakistan".equals(option.getDomProperty("value"))));

		organization.clear();
		organization.sendKeys("ISKP", Keys.TAB);
		int iskp = this.graphQl.document(INCIDENT_IDS)
			.variable("filter",
					Map.of("country", List.of("PAK"), "date", Map.of("from", "2020-01-01", "to", "2021-12-31"),
							"perpetrator", List.of("ISKP")))
			.execute()
			.path("incidents.totalCount")
			.entity(Integer.class)
			.get();
		assertThat(iskp).isEqualTo(2 * INCIDENTS / 6);
		this.wait.until(ExpectedConditions.textToBe(By.id("incident-count"), "(" + iskp + ")"));
		waitUntilReady("incidents");
		assertThat(this.browser.findElements(By.cssSelector("#incident-table tbody tr"))).hasSize(iskp)
			.allSatisfy((row) -> assertThat(row.getText()).contains("ISKP"));
	}

	@Test
	void theIncidentsChangedSubscriptionRefreshesThePageWhenTheDataChanges() {
		// The stream of a page an earlier test left ends at the server's next keep-alive
		// (1 s in these tests); until then the per-client limit may refuse this page's,
		// and a refused page polls instead: load it again until it is live
		new WebDriverWait(this.browser, Duration.ofMinutes(2)).until((browser) -> {
			open();
			this.wait.until((again) -> !"connecting".equals(liveMode()));
			return "live".equals(liveMode());
		});
		assertThat(this.browser.findElement(By.id("live-status")).getText()).isEqualTo("Live");
		String shown = this.browser.findElement(By.id("incident-count")).getText();
		assertThat(shown).isEqualTo("(" + INCIDENTS + ")");

		long added = insertIncident(LocalDate.of(2021, 6, 1), "pk-kp", "Mardan", 4, null, "ttp");
		try {
			TestDatabase.incidentsChanged(this.jdbc);
			this.wait.until(ExpectedConditions.textToBe(By.id("incident-count"), "(" + (INCIDENTS + 1) + ")"));
			assertThat(this.browser.findElement(By.id("message")).isDisplayed()).isFalse();
		}
		finally {
			this.jdbc.update("delete from incident_perpetrator where incident_id = ?", added);
			this.jdbc.update("delete from incident where id = ?", added);
			TestDatabase.incidentsChanged(this.jdbc);
		}
	}

	private String liveMode() {
		return this.browser.findElement(By.id("live-status")).getDomAttribute("data-mode");
	}

	@Test
	void thePublishedReportIsShownWithItsReconciliationAndCoverage() {
		open();
		assertThat(new Select(this.browser.findElement(By.id("report-choice"))).getFirstSelectedOption().getText())
			.startsWith("CRSS Annual Security Report 2021");
		List<WebElement> figures = this.browser.findElements(By.cssSelector("#reconciliation tbody tr"));
		Map<String, Object> fatalities = this.graphQl.document("""
				{ reports(first: 20) { edges { node { title reconciliation { metric computed coverage } } } } }""")
			.execute()
			.path("reports.edges[*].node")
			.entityList(Report.class)
			.get()
			.stream()
			.filter((report) -> report.title().equals("CRSS Annual Security Report 2021"))
			.findFirst()
			.orElseThrow()
			.reconciliation()
			.get(0);
		WebElement first = figures.get(0);
		assertThat(first.getDomAttribute("data-metric")).isEqualTo(fatalities.get("metric"));
		assertThat(first.getText()).contains(String.valueOf(((Number) fatalities.get("computed")).intValue()));
		assertThat((String) fatalities.get("coverage")).startsWith("covered by acled (");
		assertThat(this.browser.findElement(By.id("coverage")).getText()).contains((String) fatalities.get("coverage"));
	}

	private void open() {
		this.browser.get("http://localhost:" + this.port + "/dashboard");
		waitUntilReady("headline");
		waitUntilReady("incidents");
		waitUntilReady("report");
	}

	// Fails at once when the page shows an error, rather than waiting it out
	private void waitUntilReady(String section) {
		this.wait.until((browser) -> {
			WebElement message = browser.findElement(By.id("message"));
			assertThat(message.isDisplayed()).as("the page's error message: %s", message.getText()).isFalse();
			return "ready".equals(browser.findElement(By.id(section)).getDomAttribute("data-state"));
		});
	}

	private List<String> rowIds() {
		return this.browser.findElements(By.cssSelector("#incident-table tbody tr"))
			.stream()
			.map((row) -> row.getDomAttribute("data-id"))
			.toList();
	}

	private List<Threat> headline(Map<String, Object> filter) {
		return this.graphQl.document(HEADLINE)
			.variable("filter", filter)
			.execute()
			.path("dialogues.edges[0].node.threats")
			.entityList(Threat.class)
			.get();
	}

	// The charts as drawn: per series ("TTP killed"), the value at each category
	@SuppressWarnings("unchecked")
	private Map<String, Map<String, Long>> chart(String name) {
		Map<String, Object> option = (Map<String, Object>) this.browser.executeScript(
				"""
						const option = window.dashboardCharts[arguments[0]].getOption();
						return { categories: option.xAxis[0].data, series: option.series.map((s) => ({ name: s.name, data: s.data })) };""",
				name);
		List<String> categories = (List<String>) option.get("categories");
		Map<String, Map<String, Long>> drawn = new LinkedHashMap<>();
		for (Map<String, Object> series : (List<Map<String, Object>>) option.get("series")) {
			List<Long> data = (List<Long>) series.get("data");
			Map<String, Long> values = new LinkedHashMap<>();
			for (int i = 0; i < categories.size(); i++) {
				values.put(categories.get(i), data.get(i));
			}
			drawn.put((String) series.get("name"), values);
		}
		return drawn;
	}

	private void assertChartsDraw(List<Threat> threats) {
		assertThat(chart("quarters")).isEqualTo(
				expected(threats, chart("quarters"), Threat::byQuarter, (key) -> key.year() + " Q" + key.quarter()));
		assertThat(chart("provinces"))
			.isEqualTo(expected(threats, chart("provinces"), Threat::byProvince, (key) -> key.regionAtEvent().name()));
	}

	// What the chart should hold: the API's buckets at their categories, 0 where none
	private static Map<String, Map<String, Long>> expected(List<Threat> threats, Map<String, Map<String, Long>> drawn,
			Function<Threat, Statistics> statistics, Function<Key, String> category) {
		List<String> categories = new ArrayList<>(drawn.values().iterator().next().keySet());
		Map<String, Map<String, Long>> expected = new LinkedHashMap<>();
		for (Threat threat : threats) {
			Map<String, Long> incidents = new LinkedHashMap<>();
			Map<String, Long> killed = new LinkedHashMap<>();
			categories.forEach((name) -> {
				incidents.put(name, 0L);
				killed.put(name, 0L);
			});
			for (Bucket bucket : statistics.apply(threat).buckets()) {
				String name = category.apply(bucket.key());
				assertThat(categories).as("the categories drawn").contains(name);
				incidents.put(name, (long) bucket.incidents());
				killed.put(name, (bucket.killed() != null) ? bucket.killed().longValue() : null);
			}
			expected.put(threat.acronym() + " incidents", incidents);
			expected.put(threat.acronym() + " killed", killed);
		}
		return expected;
	}

	private long insertRun(String dataset, String fileName) {
		Instant startedAt = Instant.parse("2024-06-01T10:00:00Z");
		this.jdbc.update(
				"insert into ingest_run (dataset, file_name, file_checksum, status, started_at, finished_at, "
						+ "read_count, inserted_count, updated_count, unchanged_count, rejected_count, filtered_count) "
						+ "values (?, ?, ?, 'COMPLETED', ?, ?, 0, 0, 0, 0, 0, 0)",
				dataset, fileName, dataset + "-checksum", Timestamp.from(startedAt),
				Timestamp.from(startedAt.plusSeconds(60)));
		return this.jdbc.queryForObject("select max(id) from ingest_run", Long.class);
	}

	private long insertIncident(LocalDate date, String regionKey, String place, int killed, Integer injured,
			String organizationKey) {
		Long region = this.jdbc.queryForObject("select id from region where ref_key = ?", Long.class, regionKey);
		Timestamp now = Timestamp.from(Instant.now());
		this.jdbc.update(
				"insert into incident (date_start, date_end, date_precision, kind, country, region_id, "
						+ "region_at_event_id, place, killed, injured, created_at, updated_at) "
						+ "values (?, ?, 'DAY', 'ATTACK', 'PAK', ?, ?, ?, ?, ?, ?, ?)",
				date, date, region, region, place, killed, injured, now, now);
		long incident = this.jdbc.queryForObject("select max(id) from incident", Long.class);
		Long organization = this.jdbc.queryForObject("select id from organization where ref_key = ?", Long.class,
				organizationKey);
		this.jdbc.update(
				"insert into incident_perpetrator (incident_id, organization_id, name_as_reported, role, "
						+ "suspected) values (?, ?, ?, 'PERPETRATOR', false)",
				incident, organization, organizationKey.toUpperCase());
		return incident;
	}

	private void insertSourceRecord(long run, String recordId, int line, long incident, LocalDate date, int killed,
			String raw) {
		this.jdbc.update("insert into source_record (dataset, file_checksum, source_record_id, ingest_run_id, "
				+ "line_number, content_hash, date_start, date_end, date_precision, kind, country, killed, "
				+ "raw_record, incident_id) select dataset, file_checksum, ?, id, ?, 'hash', ?, ?, 'DAY', 'ATTACK', "
				+ "'PAK', ?, ?, ? from ingest_run where id = ?", recordId, line, date, date, killed, raw, incident,
				run);
	}

	record Threat(String acronym, Statistics byQuarter, Statistics byProvince) {
	}

	record Statistics(List<Bucket> buckets) {
	}

	record Bucket(Key key, int incidents, Integer killed) {
	}

	record Key(Integer year, Integer quarter, Region regionAtEvent) {
	}

	record Region(String name) {
	}

	record Report(String title, List<Map<String, Object>> reconciliation) {
	}

}
