package org.incidentintel.etl.cli;

import java.io.PrintWriter;
import java.io.Reader;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.h2.tools.Server;
import org.incidentintel.etl.EtlApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The command line end to end, as a data engineer uses it, against an H2 file database in
 * a temporary directory. Every command that gets past argument parsing starts the
 * application (seconds each), so the commands are grouped: usage errors (no start), then
 * command errors, then a session of reference, ingest, re-ingest, dry run, runs, a failed
 * load and rejects on one database.
 */
class EtlCliIntegrationTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@TempDir
	Path directory;

	@Test
	void helpAndUsageErrorsAnswerAtOnceWithoutStartingTheApplication() throws Exception {
		Result help = run("--help");

		assertThat(help.exitCode()).isZero();
		assertThat(help.out()).contains("Usage: incidentintel-etl", "ingest", "reference", "runs", "rejects", "restart",
				"Exit codes: 0 done, 1 job failed, 2 usage or configuration error,",
				"3 another run was loading the same dataset");

		Result unknownOption = run("ingest", "--file", "x.csv", "--colour", "blue");

		assertThat(unknownOption.exitCode()).isEqualTo(2);
		assertThat(unknownOption.err()).contains("Unknown option", "'--colour'", "Possible solutions: --country",
				"See 'incidentintel-etl ingest --help'.");

		Result noFile = run("ingest");

		assertThat(noFile.exitCode()).isEqualTo(2);
		assertThat(noFile.err()).contains("Missing required option: '--file=FILE'");

		// nothing started: no database was created
		try (Stream<Path> files = Files.list(this.directory)) {
			assertThat(files).isEmpty();
		}
	}

	@Test
	void commandErrorsExitWithTheUsageCodeAndNameTheProblem() throws Exception {
		Path missing = this.directory.resolve("no-such-export.csv");
		Result noSuchFile = run("ingest", "--file", missing.toString());

		assertThat(noSuchFile.exitCode()).isEqualTo(2);
		assertThat(noSuchFile.err()).contains("error: no such file: " + missing);
		assertThat(noSuchFile.out()).isEmpty();

		Result noSuchRun = run("restart", "--run", "999");

		assertThat(noSuchRun.exitCode()).isEqualTo(2);
		assertThat(noSuchRun.err()).contains("error: no ingest run 999");

		Path typos = fixture("mappings-broken/typos.yaml");
		Result brokenMapping = run("ingest", "--file", fixture("acled/current.csv").toString(), "--mapping",
				typos.toString());

		assertThat(brokenMapping.exitCode()).isEqualTo(2);
		assertThat(brokenMapping.err()).contains("error: Invalid mapping file typos.yaml (5 problems):",
				"typos.yaml:3: sorce: unknown key \"sorce\"", "typos.yaml:7: defaults.kind:");

		// nested beyond Jackson's limit: once read as a header of 0 columns
		Path deep = Files.writeString(this.directory.resolve("deep.json"), "[".repeat(100_000));
		Result deepJson = run("ingest", "--file", deep.toString(), "--format", "ucdp-ged");

		assertThat(deepJson.exitCode()).isEqualTo(2);
		assertThat(deepJson.err())
			.contains("error: deep.json: JSON nested too deeply at line 1, column ",
					"expected an array of flat records")
			.doesNotContain("0 columns", "\tat ");
		// each was answered before the application started: no database was created
		try (Stream<Path> files = Files.list(this.directory)) {
			assertThat(files).noneMatch((file) -> file.getFileName().toString().startsWith("db"));
		}
	}

	@Test
	void aDataEngineersSession() throws Exception {
		Result reference = run("reference");

		assertThat(reference.exitCode()).as(reference.err()).isZero();
		assertThat(reference.out()).startsWith("reference data loaded: ");
		assertThat(count("organization")).isPositive();

		// 9 good rows of the official UCDP layout, then 3 bad ones on lines 12-14
		Path ucdp = fixture("ingest/ucdp-ged-mixed.csv");
		Result first = run("ingest", "--file", ucdp.toString(), "--json");

		assertThat(first.exitCode()).as(first.err()).isZero();
		assertThat(first.err()).contains("ucdp-ged-mixed.csv: detected format ucdp-ged, encoding UTF-8");
		JsonNode summary = JSON.readTree(first.out());
		assertThat(summary.get("run").asLong()).isEqualTo(1);
		assertThat(summary.get("status").asString()).isEqualTo("COMPLETED");
		assertThat(summary.get("dataset").asString()).isEqualTo("ucdp-ged");
		assertThat(summary.get("read").asLong()).isEqualTo(12);
		assertThat(summary.get("inserted").asLong()).isEqualTo(9);
		assertThat(summary.get("updated").asLong()).isZero();
		assertThat(summary.get("unchanged").asLong()).isZero();
		assertThat(summary.get("rejected").asLong()).isEqualTo(3);
		assertThat(summary.get("filtered").asLong()).isZero();
		assertThat(JSON.treeToValue(summary.get("rejectsByReason"), Map.class))
			.isEqualTo(Map.of("BAD_DATE", 1, "NEGATIVE_COUNT", 1, "MISSING_ID", 1));
		assertThat(summary.get("warningsByCode").get("RANGE_DROPPED").asLong()).isEqualTo(2);

		Result again = run("ingest", "--file", ucdp.toString());

		assertThat(again.exitCode()).as(again.err()).isZero();
		assertThat(again.out()).contains("run 2 completed: ",
				"read 12  inserted 0  updated 0  unchanged 9  rejected 3  filtered 0",
				"nothing changed: every record was already loaded as it is", "see the rejected rows: rejects --run 2");

		long records = count("source_record");
		long rejects = count("rejected_record");
		Result dryRun = run("ingest", "--file", fixture("acled/current.csv").toString(), "--dry-run");

		assertThat(dryRun.exitCode()).as(dryRun.err()).isZero();
		assertThat(dryRun.out()).contains("dry run of current.csv as acled: nothing was written",
				"read 4  would load 4  would reject 0  filtered 0");
		assertThat(count("source_record")).isEqualTo(records).isEqualTo(9);
		assertThat(count("rejected_record")).isEqualTo(rejects).isEqualTo(6);

		Result runs = run("runs");

		assertThat(runs.exitCode()).as(runs.err()).isZero();
		List<String> lines = runs.out().lines().toList();
		// a header and the two loads, newest first: the dry run left no run behind
		assertThat(lines).hasSize(3);
		assertThat(lines.get(0)).contains("run", "status", "dataset", "inserted", "unchanged", "rejected", "file");
		assertThat(lines.get(1).split("\\s+")).containsSubsequence("2", "COMPLETED", "ucdp-ged", "12", "0", "0", "9",
				"3");
		assertThat(lines.get(2).split("\\s+")).containsSubsequence("1", "COMPLETED", "ucdp-ged", "12", "9", "0", "0",
				"3");
		assertThat(lines.get(1)).endsWith(ucdp.toAbsolutePath().toString());

		// every row of the UCDP rejects fixture is bad: probably not this format
		Result wrong = run("ingest", "--file", fixture("ucdp-ged/rejects.csv").toString());

		assertThat(wrong.exitCode()).isEqualTo(1);
		assertThat(wrong.out()).contains("run 3 FAILED: ", "10 of 10 rows rejected",
				"the file is probably not in the format it was read as", "continue it: restart --run 3");
		assertThat(count("ingest_run")).isEqualTo(3);

		// an unknown run of this database is answered before the application starts
		// (which this chunk size would fail), as is a mistyped command
		Map<String, Object> noStart = Map.of("incidentintel.ingest.chunk-size", 0);
		Result unknownRun = run(noStart, "restart", "--run", "99");

		assertThat(unknownRun.exitCode()).isEqualTo(2);
		assertThat(unknownRun.err()).isEqualTo("error: no ingest run 99; see `runs`\n");
		assertThat(run(noStart, "rejects", "--run", "99").err()).isEqualTo("error: no ingest run 99; see `runs`\n");

		Path csv = this.directory.resolve("rejects-of-run-1.csv");
		Result rejected = run("rejects", "--run", "1", "--csv", csv.toString());

		assertThat(rejected.exitCode()).as(rejected.err()).isZero();
		assertThat(rejected.out()).contains("3 rejects of run 1 written to " + csv);
		try (Reader reader = Files.newBufferedReader(csv, StandardCharsets.UTF_8);
				CSVParser parser = CSVFormat.DEFAULT.builder()
					.setHeader()
					.setSkipHeaderRecord(true)
					.get()
					.parse(reader)) {
			assertThat(parser.getHeaderNames()).containsExactly("file", "line", "field", "reason", "message", "raw");
			List<CSVRecord> rows = parser.getRecords();
			assertThat(rows).extracting(
					(row) -> row.get("file") + ":" + row.get("line") + " " + row.get("field") + " " + row.get("reason"))
				.containsExactly("ucdp-ged-mixed.csv:12 date_start BAD_DATE",
						"ucdp-ged-mixed.csv:13 deaths_b NEGATIVE_COUNT", "ucdp-ged-mixed.csv:14 id MISSING_ID");
			assertThat(rows.get(0).get("message")).startsWith("\"1990-13-04 00:00:00.000\" is not a date");
			assertThat(rows.get(0).get("raw")).startsWith("910001,PAK-1990-1-9101-0,");
		}
	}

	@Test
	void aLoadThatChangesMuchOfTheDatabaseCompactsItsH2FileUnlessAnotherProcessHasItOpen() throws Exception {
		assertThat(run("reference").exitCode()).isZero();

		Result first = run("ingest", "--file", fixture("ingest/ucdp-ged-mixed.csv").toString());

		assertThat(first.exitCode()).as(first.err()).isZero();
		Matcher compacted = Pattern.compile("db.mv.db compacted: ([0-9.,]+) MB -> ([0-9.,]+) MB in [0-9.]+ s")
			.matcher(first.err());
		assertThat(compacted.find()).as(first.err()).isTrue();
		double before = Double.parseDouble(compacted.group(1).replace(",", ""));
		double after = Double.parseDouble(compacted.group(2).replace(",", ""));
		// a fixture's file is a fraction of a megabyte: the shrinking shows at scale
		// (docs/benchmarks.md), here only that compaction does not grow the file
		assertThat(after).isLessThanOrEqualTo(before);
		assertThat(Files.size(this.directory.resolve("db.mv.db")))
			.isLessThanOrEqualTo((long) (after * 1048576 + 65536));
		assertThat(count("source_record")).isEqualTo(9);

		// a data engineer can turn it off
		Result unchanged = run(Map.of("incidentintel.ingest.compact", false), "ingest", "--file",
				fixture("acled/pre-2023.csv").toString());

		assertThat(unchanged.exitCode()).as(unchanged.err()).isZero();
		assertThat(unchanged.err()).doesNotContain("compacted");
		assertThat(count("source_record")).isEqualTo(14);

		// a TCP session is what another process gets with AUTO_SERVER=TRUE: compacting
		// would shut the database under it
		Server server = Server.createTcpServer("-tcpPort", "0", "-baseDir", this.directory.toString()).start();
		try (Connection other = DriverManager.getConnection("jdbc:h2:tcp://localhost:" + server.getPort() + "/db", "",
				"")) {
			Result second = run("ingest", "--file", fixture("acled/current.csv").toString());

			assertThat(second.exitCode()).as(second.err()).isZero();
			assertThat(second.err()).contains("db.mv.db (", "MB) not compacted: another process has it open")
				.doesNotContain("db.mv.db compacted");
			try (Statement statement = other.createStatement();
					ResultSet result = statement.executeQuery("select count(*) from source_record")) {
				result.next();
				assertThat(result.getLong(1)).isEqualTo(18);
			}
		}
		finally {
			server.stop();
		}
	}

	private Result run(String... args) {
		return run(Map.of(), args);
	}

	private Result run(Map<String, Object> properties, String... args) {
		StringWriter out = new StringWriter();
		StringWriter err = new StringWriter();
		Map<String, Object> all = new HashMap<>(properties);
		all.put("spring.datasource.url", databaseUrl());
		int exitCode = EtlCli.run(args, EtlApplication.class, new PrintWriter(out, true), new PrintWriter(err, true),
				all);
		return new Result(exitCode, out.toString(), err.toString());
	}

	private String databaseUrl() {
		return "jdbc:h2:file:" + this.directory + "/db;AUTO_SERVER=FALSE";
	}

	/**
	 * Counts a table's rows with plain JDBC (the application is closed by now; the test
	 * configuration gives no user name).
	 */
	private long count(String table) throws SQLException {
		try (Connection connection = DriverManager.getConnection(databaseUrl(), "", "");
				Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery("select count(*) from " + table)) {
			result.next();
			return result.getLong(1);
		}
	}

	private static Path fixture(String resource) {
		try {
			return Path.of(EtlCliIntegrationTests.class.getClassLoader().getResource(resource).toURI());
		}
		catch (URISyntaxException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private record Result(int exitCode, String out, String err) {
	}

}
