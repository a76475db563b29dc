package org.incidentintel.api;

import java.io.IOException;
import java.io.Reader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.h2.tools.Server;
import org.incidentintel.api.testing.H2IntegrationTest;
import org.incidentintel.api.testing.TestDatabase;
import org.incidentintel.domain.organization.OrganizationFamiliesCache;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.client.MockMvcWebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The headline request of docs/graphql-cookbook.md ("The headline question in one
 * request"), read from the cookbook itself, on the quickstart data: the ETL jar loads the
 * reference data and both bundled samples exactly as docs/quickstart/Quickstart.java does
 * (the API does not depend on the ETL, so the jar runs as a process of its own, writing
 * into this module's in-memory H2 through an H2 TCP server). The answer is checked
 * against sums computed here from the bundled UCDP GED file itself, not against numbers
 * written down.
 * <p>
 * Needs {@code etl/target/incidentintel-etl.jar}: {@code ./mvnw verify} builds it before
 * this module; alone, run {@code ./mvnw -pl domain,etl install -DskipTests} first.
 */
@H2IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HeadlineQuestionIntegrationTests {

	private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

	private static final Path COOKBOOK = ROOT.resolve("docs/graphql-cookbook.md");

	private static final Path ETL_JAR = ROOT.resolve("etl/target/incidentintel-etl.jar");

	// The same files, in the same order, as Quickstart.java loads
	private static final String UCDP = "etl/src/main/resources/samples/ucdp-ged/conflict_data_pak.csv";

	private static final String BODY_COUNT = "etl/src/main/resources/samples/pakistan-body-count/"
			+ "PakistanSuicideAttacks Ver 11 (30-November-2017).csv";

	// The headline request's period
	private static final LocalDate FROM = LocalDate.parse("2020-01-01");

	private static final LocalDate TO = LocalDate.parse("2021-12-31");

	// The names the bundled UCDP GED extract gives the two families' actors (as they are
	// spelt there). IS: the Islamic State, which in Pakistan since 2015 is its Khorasan
	// province. The TTP and its factions; of those only "TTP" acts in 2020-2021, but each
	// faction would count with the TTP.
	private static final Set<String> ISKP_NAMES = Set.of("IS");

	private static final Set<String> TTP_NAMES = Set.of("TTP", "TTP - TA", "TTP-KM", "TTP-SM", "TTP - MR", "TTP - MT",
			"Jamaat-ul-Ahrar", "TTP-Islahi");

	// Jamaat-ul-Ahrar counts with the TTP only since it rejoined it (organizations.yaml)
	private static final Map<String, LocalDate> MEMBER_SINCE = Map.of("Jamaat-ul-Ahrar", LocalDate.parse("2020-08-17"));

	// The province each of UCDP's adm_1 names lies in at the time of the events: FATA
	// was merged into Khyber Pakhtunkhwa in 2018 (25th amendment), before the period
	private static final Map<String, String> PROVINCE_IN_2020_2021 = Map.of("Balochistan province", "Balochistan",
			"Federally Administered Tribal Areas", "Khyber Pakhtunkhwa", "Khyber Pakhtunkwa province",
			"Khyber Pakhtunkhwa", "Punjab province", "Punjab", "Sindh province", "Sindh", "Islamabad Capital territory",
			"Islamabad Capital Territory", "", "-");

	@Autowired
	private MockMvc mockMvc;

	@Autowired
	private JdbcTemplate jdbc;

	@Autowired
	private OrganizationFamiliesCache families;

	@BeforeAll
	void loadTheQuickstartData() throws Exception {
		assertThat(ETL_JAR).as("the ETL jar; build it with ./mvnw -pl domain,etl install -DskipTests").isRegularFile();
		// The module's H2 is shared: start from nothing, whatever the classes before left
		TestDatabase.clear(this.jdbc);
		int port;
		try (ServerSocket free = new ServerSocket(0)) {
			port = free.getLocalPort();
		}
		Server server = Server.createTcpServer("-tcpPort", String.valueOf(port)).start();
		try {
			String url = "jdbc:h2:tcp://localhost:" + port + "/mem:api";
			etl(url, "reference");
			etl(url, "ingest", "--file", UCDP);
			etl(url, "ingest", "--file", BODY_COUNT);
		}
		finally {
			server.stop();
		}
		// The ETL is another process: the API sees its factions at the next reload, now
		this.families.reload();
	}

	@Test
	void theHeadlineRequestAnswersWhatTheBundledUcdpRowsSay() throws IOException {
		GraphQlTester.Response response = HttpGraphQlTester
			.create(MockMvcWebTestClient.bindTo(this.mockMvc).baseUrl("/graphql").build())
			.document(headlineDocument())
			.execute();
		String round = "dialogues.edges[?(@.node.date == '2024-05-10')].node.threats[*].";
		List<String> threats = response.path(round + "name").entityList(String.class).get();
		assertThat(threats).containsExactlyInAnyOrder("Islamic State Khorasan Province", "Tehrik-i-Taliban Pakistan");
		List<Statistics> statistics = response.path(round + "incidentStatistics").entityList(Statistics.class).get();

		Map<String, Set<String>> families = Map.of("Islamic State Khorasan Province", ISKP_NAMES,
				"Tehrik-i-Taliban Pakistan", TTP_NAMES);
		List<CSVRecord> rows = ucdpRows();
		for (int i = 0; i < threats.size(); i++) {
			Map<Key, Figures> expected = expectedBuckets(rows, families.get(threats.get(i)));
			Statistics answer = statistics.get(i);
			Map<Key, Figures> answered = new TreeMap<>();
			answer.buckets()
				.forEach((bucket) -> answered.put(new Key(bucket.key().region(), bucket.key().year(),
						bucket.key().quarter(), bucket.key().source()),
						new Figures(bucket.incidents(), bucket.killed())));

			assertThat(answered).as(threats.get(i) + " by province at the time, quarter and source")
				.isEqualTo(expected);
			Figures total = expected.values().stream().reduce(new Figures(0, 0), Figures::plus);
			assertThat(answer.totals()).as(threats.get(i) + " totals").isEqualTo(total);
			assertThat(total.incidents()).as("the extract has such events").isPositive();
		}
	}

	/**
	 * Each bucket's incidents and killed from the UCDP rows with one of the names as a
	 * side. Columns read: {@code side_a}, {@code side_b} (the actors), {@code iso3} (the
	 * country filter), {@code date_start} and {@code date_end} (the period, which an
	 * event overlaps; its year and quarter are its start's), {@code adm_1} (the
	 * province), {@code best} (UCDP's best estimate of the killed, which the ETL takes as
	 * killed).
	 */
	private static Map<Key, Figures> expectedBuckets(List<CSVRecord> rows, Set<String> names) {
		Map<Key, Figures> buckets = new TreeMap<>();
		for (CSVRecord row : rows) {
			LocalDate start = LocalDate.parse(row.get("date_start").substring(0, 10));
			LocalDate end = LocalDate.parse(row.get("date_end").substring(0, 10));
			boolean named = member(names, row.get("side_a"), start) || member(names, row.get("side_b"), start);
			if (!named || !row.get("iso3").equals("PAK") || end.isBefore(FROM) || start.isAfter(TO)) {
				continue;
			}
			String province = PROVINCE_IN_2020_2021.get(row.get("adm_1"));
			assertThat(province).as("the province of adm_1 '%s' (event %s)", row.get("adm_1"), row.get("id"))
				.isNotNull();
			Key key = new Key(province.equals("-") ? null : province, start.getYear(),
					(start.getMonthValue() - 1) / 3 + 1, "ucdp-ged");
			buckets.merge(key, new Figures(1, Integer.parseInt(row.get("best"))), Figures::plus);
		}
		return buckets;
	}

	private static boolean member(Set<String> names, String side, LocalDate start) {
		return names.contains(side) && !start.isBefore(MEMBER_SINCE.getOrDefault(side, LocalDate.MIN));
	}

	private static List<CSVRecord> ucdpRows() throws IOException {
		CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();
		try (Reader reader = Files.newBufferedReader(ROOT.resolve(UCDP), StandardCharsets.UTF_8)) {
			// The second row holds the HDX tags (#date+year, ...), not an event
			return format.parse(reader).stream().filter((row) -> !row.get("year").startsWith("#")).toList();
		}
	}

	/**
	 * The first GraphQL block of the cookbook's section "The headline question in one
	 * request".
	 */
	private static String headlineDocument() throws IOException {
		String cookbook = Files.readString(COOKBOOK, StandardCharsets.UTF_8);
		int section = cookbook.indexOf("## The headline question in one request");
		assertThat(section).as("the cookbook's headline section").isNotNegative();
		int start = cookbook.indexOf("```graphql\n", section) + "```graphql\n".length();
		int end = cookbook.indexOf("```", start);
		return cookbook.substring(start, end);
	}

	private static void etl(String url, String... arguments) throws IOException, InterruptedException {
		List<String> command = new ArrayList<>(List
			.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", ETL_JAR.toString()));
		command.addAll(List.of(arguments));
		ProcessBuilder builder = new ProcessBuilder(command).directory(ROOT.toFile()).redirectErrorStream(true);
		builder.environment().put("INCIDENTINTEL_DB_URL", url);
		builder.environment().put("INCIDENTINTEL_DB_USER", "sa");
		builder.environment().put("INCIDENTINTEL_DB_PASSWORD", "");
		Process etl = builder.start();
		String output = new String(etl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(etl.waitFor(5, TimeUnit.MINUTES)).as("the ETL's %s ends", arguments[0]).isTrue();
		assertThat(etl.exitValue()).as("the ETL's %s failed:%n%s", String.join(" ", arguments), output).isZero();
	}

	record Statistics(Figures totals, List<Bucket> buckets) {
	}

	record Bucket(BucketKey key, int incidents, int killed) {
	}

	record BucketKey(Region regionAtEvent, int year, int quarter, String source) {

		String region() {
			return (this.regionAtEvent != null) ? this.regionAtEvent.name() : null;
		}

	}

	record Region(String name) {
	}

	record Figures(int incidents, int killed) {

		Figures plus(Figures other) {
			return new Figures(this.incidents + other.incidents, this.killed + other.killed);
		}

	}

	// Sorted, so that a failure lists both sides in the same order
	record Key(String region, int year, int quarter, String source) implements Comparable<Key> {

		@Override
		public int compareTo(Key other) {
			return toString().compareTo(other.toString());
		}

	}

}
