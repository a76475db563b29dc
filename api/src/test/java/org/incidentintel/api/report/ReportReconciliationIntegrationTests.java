package org.incidentintel.api.report;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.incidentintel.api.testing.H2IntegrationTest;
import org.incidentintel.api.testing.TestDatabase;
import org.incidentintel.domain.reference.ReferenceDataLoader;
import org.incidentintel.domain.reference.ReferenceDataReader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.client.MockMvcWebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The bundled CRSS reports reconciled end to end on H2: with nothing loaded for a period
 * nothing is computed, and the annual reports for 2020 and 2021 against the incidents the
 * ETL makes of the bundled UCDP GED extract (a fixture of those rows, since the API does
 * not run the ETL).
 */
@H2IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportReconciliationIntegrationTests {

	private static final String UCDP_INCIDENTS = "reconciliation/ucdp-ged-22.1-pak-2020-2021.csv";

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
	void startWithoutIncidents() {
		this.graphQl = HttpGraphQlTester.create(MockMvcWebTestClient.bindTo(this.mockMvc).baseUrl("/graphql").build());
		TestDatabase.clearIncidents(this.jdbc);
	}

	@Test
	void aPeriodNoLoadedSourceCoversGetsNoComputedFiguresButANote() throws IOException {
		// 2020 and 2021 are loaded; the first quarter of 2024 is not
		loadBundledUcdpIncidents();

		List<Reconciled> rows = reconciliation("crss-2024-q1");

		assertThat(rows).hasSize(13).allSatisfy((row) -> {
			assertThat(row.computed()).isNull();
			assertThat(row.difference()).isNull();
			assertThat(row.coverage())
				.isEqualTo("no loaded source covers PAK 2024-01-01..2024-03-31: nothing is computed");
			assertThat(row.coveringSources()).isEmpty();
		});
		assertThat(rows.get(0).comparison()).isEqualTo("AT_LEAST");
		assertThat(rows.get(0).published()).isEqualTo(432.0);
	}

	@Test
	void crss2020IsReconciledWithTheBundledUcdpIncidentsByProvince() throws IOException {
		loadBundledUcdpIncidents();

		Map<String, Reconciled> rows = byMetricAndScope(reconciliation("crss-2020"));

		assertThat(rows.values()).allSatisfy((row) -> {
			assertThat(row.coverage()).startsWith("covered by ucdp-ged (145 records in the period); UCDP GED codes "
					+ "only organized violence with a known actor");
			assertThat(row.coveringSources()).containsExactly(new Coverage("ucdp-ged", 145));
		});
		assertCount(rows.get("fatalities PAK"), 600, 409);
		assertCount(rows.get("incidents PAK"), 361, 145);
		assertCount(rows.get("fatalities pk-ba"), 138, 122);
		// The database counts the former FATA under Khyber Pakhtunkhwa, CRSS apart
		assertCount(rows.get("fatalities pk-kp"), 122, 191);
		assertThat(rows.get("fatalities pk-kp").note()).contains("the report counts Federally Administered Tribal "
				+ "Areas (pk-ta) apart; the database counts it under pk-kp");
		Reconciled fata = rows.get("fatalities pk-ta");
		assertThat(fata.computed()).isNull();
		assertThat(fata.difference()).isNull();
		assertThat(fata.note()).contains("became part of Khyber Pakhtunkhwa on 2018-05-31");
		assertCount(rows.get("attacks PAK"), 260, 8);
		assertCount(rows.get("fatalities_in_attacks PAK"), 372, 13);
		// UCDP has clashes, not security operations
		assertCount(rows.get("security_operations PAK"), 101, 0);
		assertCount(rows.get("fatalities_civilians PAK"), 242, 72);
		assertCount(rows.get("fatalities_militants PAK"), 200, 140);
		assertCount(rows.get("fatalities_security_forces PAK"), 158, 180);
		assertThat(rows.get("fatalities PAK").note()).isNull();
	}

	@Test
	void crss2021IsReconciledWithTheBundledUcdpIncidentsByProvince() throws IOException {
		loadBundledUcdpIncidents();

		Map<String, Reconciled> rows = byMetricAndScope(reconciliation("crss-2021"));

		assertThat(rows.values())
			.allSatisfy((row) -> assertThat(row.coveringSources()).containsExactly(new Coverage("ucdp-ged", 189)));
		assertCount(rows.get("fatalities PAK"), 853, 448);
		assertCount(rows.get("fatalities pk-kp"), 165, 247);
		assertThat(rows.get("fatalities pk-ta").computed()).isNull();
		// A share of all fatalities: Khyber Pakhtunkhwa (with the former FATA) and
		// Balochistan, and the civilians and security personnel
		Reconciled threeRegions = rows.get("fatalities pk-kp+pk-ta+pk-ba");
		assertThat(threeRegions.comparison()).isEqualTo("APPROXIMATELY");
		assertThat(threeRegions.published()).isEqualTo(0.75);
		assertThat(threeRegions.computed()).isCloseTo((247.0 + 184) / 448, within(0.0001));
		assertThat(rows.get("fatalities pk-pb").computed()).isCloseTo(9.0 / 448, within(0.0001));
		assertThat(rows.get("fatalities_civilians_and_security_forces PAK").computed()).isCloseTo(243.0 / 448,
				within(0.0001));
		// Metrics the incidents do not carry are not computed
		assertThat(rows.get("suicide_attacks PAK").computed()).isNull();
		assertThat(rows.get("militant_fatalities_in_security_operations PAK").computed()).isNull();
	}

	private List<Reconciled> reconciliation(String key) {
		return this.graphQl
			.document("{ reports { edges { node { key reconciliation { metric scope measure comparison "
					+ "published computed difference coverage coveringSources { dataset records } note } } } } }")
			.execute()
			.path("reports.edges[?(@.node.key == '" + key + "')].node.reconciliation[*]")
			.entityList(Reconciled.class)
			.get();
	}

	private static Map<String, Reconciled> byMetricAndScope(List<Reconciled> rows) {
		return rows.stream().collect(Collectors.toMap((row) -> row.metric() + " " + row.scope(), Function.identity()));
	}

	private static void assertCount(Reconciled row, double published, double computed) {
		assertThat(row.measure()).isEqualTo("COUNT");
		assertThat(row.published()).isEqualTo(published);
		assertThat(row.computed()).isEqualTo(computed);
		assertThat(row.difference()).isEqualTo(computed - published);
	}

	/**
	 * Writes the fixture's incidents, each with the UCDP source record it came from, as
	 * the ETL's ingest does.
	 */
	private void loadBundledUcdpIncidents() throws IOException {
		Timestamp now = Timestamp.from(Instant.now());
		this.jdbc.update("insert into ingest_run (dataset, file_name, file_checksum, status, started_at, finished_at, "
				+ "read_count, inserted_count, updated_count, unchanged_count, rejected_count, filtered_count) "
				+ "values ('ucdp-ged', 'conflict_data_pak.csv', 'bundled', 'COMPLETED', ?, ?, 334, 334, 0, 0, 0, 0)",
				now, now);
		long run = this.jdbc.queryForObject("select max(id) from ingest_run", Long.class);
		Map<String, Long> regions = new HashMap<>();
		this.jdbc.query("select ref_key, id from region",
				(RowCallbackHandler) (rs) -> regions.put(rs.getString("ref_key"), rs.getLong("id")));
		List<Object[]> incidents = new ArrayList<>();
		List<String[]> records = fixture();
		for (String[] row : records) {
			incidents.add(new Object[] { LocalDate.parse(row[0]), LocalDate.parse(row[1]), row[2], row[3], row[4],
					regions.get(row[5]), number(row[6]), number(row[7]), number(row[8]), number(row[9]),
					number(row[10]), now, now });
		}
		this.jdbc.batchUpdate("insert into incident (date_start, date_end, date_precision, kind, country, region_id, "
				+ "killed, injured, killed_civilians, killed_security_forces, killed_militants, created_at, "
				+ "updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", incidents);
		List<Object[]> sources = new ArrayList<>();
		for (String[] row : records) {
			sources.add(new Object[] { row[11], run, LocalDate.parse(row[0]), LocalDate.parse(row[1]), row[2], row[3],
					row[4] });
		}
		this.jdbc.batchUpdate("insert into source_record (dataset, file_checksum, source_record_id, ingest_run_id, "
				+ "content_hash, date_start, date_end, date_precision, kind, country, raw_record) "
				+ "values ('ucdp-ged', 'bundled', ?, ?, 'hash', ?, ?, ?, ?, ?, '{}')", sources);
		TestDatabase.incidentsChanged(this.jdbc);
	}

	private static List<String[]> fixture() throws IOException {
		try (InputStream input = ReportReconciliationIntegrationTests.class.getClassLoader()
			.getResourceAsStream(UCDP_INCIDENTS)) {
			assertThat(input).as(UCDP_INCIDENTS).isNotNull();
			return new String(input.readAllBytes(), StandardCharsets.UTF_8).lines()
				.filter((line) -> !line.startsWith("#") && !line.startsWith("date_start"))
				.map((line) -> line.split(",", -1))
				.toList();
		}
	}

	private static Integer number(String cell) {
		return cell.isEmpty() ? null : Integer.valueOf(cell);
	}

	record Reconciled(String metric, String scope, String measure, String comparison, double published, Double computed,
			Double difference, String coverage, List<Coverage> coveringSources, String note) {
	}

	record Coverage(String dataset, long records) {
	}

}
