package org.incidentintel.etl.faults;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.incidentintel.etl.EtlApplication;
import org.incidentintel.etl.load.FaultInjection;
import org.incidentintel.etl.cli.EtlCli;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every file of the bad-input corpus ({@code src/test/resources/bad-input/}) through the
 * command line, as {@code expected.yaml} says it must end: the exit code, a fragment of
 * the message, and for a load exactly which records it loaded and which rows it rejected
 * (line, reason, field). One application (H2 in memory) runs all the commands.
 */
@SpringBootTest(classes = EtlApplication.class)
@Import(FaultInjection.class) // shares the H2 context of the other ETL classes
class BadInputCorpusIntegrationTests {

	static final String CORPUS = "bad-input";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Autowired
	ConfigurableApplicationContext context;

	@Autowired
	JdbcTemplate jdbc;

	@TempDir
	Path temporary;

	@BeforeEach
	void noLoadedData() {
		for (String table : List.of("incident_perpetrator", "incident_attack_type", "incident_target",
				"source_record_actor", "rejected_record")) {
			this.jdbc.update("delete from " + table);
		}
		this.jdbc.update("update source_record set incident_id = null");
		this.jdbc.update("delete from incident");
		this.jdbc.update("delete from source_record");
		this.jdbc.update("delete from ingest_run");
	}

	@Test
	void everyFileOfTheCorpusHasAnEntryAndEveryEntryItsFile() throws IOException {
		Set<String> files = new TreeSet<>();
		try (Stream<Path> listing = Files.list(directory())) {
			listing.map((path) -> path.getFileName().toString())
				.filter((name) -> !name.equals("README.md") && !name.equals("expected.yaml"))
				.forEach(files::add);
		}
		Set<String> described = new TreeSet<>();
		for (Case entry : cases()) {
			if (entry.generate() == null) {
				described.add(entry.file());
			}
		}
		assertThat(described).as("entries of expected.yaml").isEqualTo(files);
		assertThat(cases().stream().map(Case::file).distinct().count()).as("one entry per file")
			.isEqualTo(cases().size());
		assertThat(files).as("the corpus holds at least 32 broken files").hasSizeGreaterThanOrEqualTo(32);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("cases")
	void eachFileEndsAsTheManifestSays(Case entry) throws Exception {
		Path file = (entry.generate() != null) ? generate(entry) : directory().resolve(entry.file());
		Path input = (entry.input() != null) ? directory().resolve(entry.input()) : file;
		List<String> args = new ArrayList<>(List.of("ingest", "--file", input.toString(), "--json"));
		for (String option : (entry.options() != null) ? entry.options() : List.<String>of()) {
			args.add(option.replace("{file}", file.toString()));
		}

		Result result = cli(args.toArray(String[]::new));

		String said = result.out() + "\n" + result.err();
		assertThat(result.exitCode()).as("exit code; the command said:%n%s", abbreviate(said)).isEqualTo(entry.exit());
		if (entry.message() != null) {
			assertThat(said).contains(entry.message());
		}
		// an error names what is wrong in a few lines, never by quoting the whole input
		assertThat(result.err().length()).as("length of stderr").isLessThan(20_000);
		List<Long> runs = this.jdbc.queryForList("select id from ingest_run", Long.class);
		if (runs.isEmpty()) {
			assertThat(entry.loaded()).as("no run, so nothing may be expected loaded").isNull();
			assertThat(entry.rejects()).as("no run, so no rejects may be expected").isNull();
			return;
		}
		assertThat(runs).hasSize(1);
		JsonNode summary = JSON.readTree(result.out());
		assertThat(summary.get("run").asLong()).isEqualTo(runs.get(0));
		assertThat(entry.loaded()).as("a run happened: the entry must say which records it loaded").isNotNull();
		assertThat(entry.rejects()).as("a run happened: the entry must list its rejects").isNotNull();
		assertThat(this.jdbc.queryForList("select source_record_id from source_record order by source_record_id",
				String.class))
			.as("records loaded")
			.containsExactlyElementsOf(entry.loaded().stream().sorted().toList());
		assertThat(this.jdbc
			.queryForList("select line_number || ' ' || reason_code || coalesce(' ' || field, '') from rejected_record "
					+ "order by line_number", String.class))
			.as("rejects (line, reason, field)")
			.containsExactlyElementsOf(entry.rejects());
		assertThat(summary.get("inserted").asLong()).isEqualTo(entry.loaded().size());
		assertThat(summary.get("rejected").asLong()).isEqualTo(entry.rejects().size());
	}

	@Test
	void aRunThatFailedOnItsRejectShareFailsAgainOnRestartAndKeepsItsCounts() throws Exception {
		Path file = directory().resolve("ucdp-mostly-rejects.csv");
		Result failed = cli("ingest", "--file", file.toString(), "--json");
		assertThat(failed.exitCode()).as(failed.err()).isEqualTo(1);
		long run = JSON.readTree(failed.out()).get("run").asLong();

		// the load step completed: the restart skips it, and must still judge and count
		// it
		Result restarted = cli("restart", "--run", Long.toString(run), "--json");

		assertThat(restarted.exitCode()).as(restarted.err()).isEqualTo(1);
		JsonNode summary = JSON.readTree(restarted.out());
		assertThat(summary.get("status").asString()).isEqualTo("FAILED");
		assertThat(summary.get("message").asString()).contains("3 of 4 rows rejected");
		assertThat(summary.get("read").asLong()).isEqualTo(4);
		assertThat(summary.get("inserted").asLong()).isEqualTo(1);
		assertThat(summary.get("rejected").asLong()).isEqualTo(3);
		assertThat(this.jdbc.queryForObject("select read_count from ingest_run where id = ?", Long.class, run))
			.isEqualTo(4);
	}

	private Result cli(String... args) {
		StringWriter out = new StringWriter();
		StringWriter err = new StringWriter();
		int exitCode = EtlCli.run(args, this.context, new PrintWriter(out, true), new PrintWriter(err, true));
		return new Result(exitCode, out.toString(), err.toString());
	}

	static List<Case> cases() throws IOException {
		return YAMLMapper.builder()
			.build()
			.readValue(directory().resolve("expected.yaml").toFile(), new TypeReference<List<Case>>() {
			});
	}

	/** Big inputs are written for the test, not committed. */
	private Path generate(Case entry) throws IOException {
		Path file = this.temporary.resolve(entry.file());
		switch (entry.generate()) {
			// one line of 50 MB, no line break at all: a header no reader can use
			case "one-line-50mb" -> {
				byte[] block = "eventid iyear imonth iday country_txt gname nkill ".repeat(1024)
					.getBytes(StandardCharsets.US_ASCII);
				try (OutputStream stream = Files.newOutputStream(file)) {
					for (long written = 0; written < 50L * 1024 * 1024; written += block.length) {
						stream.write(block);
					}
				}
			}
			default -> throw new IllegalArgumentException("unknown generated input " + entry.generate());
		}
		return file;
	}

	static Path directory() {
		try {
			return Path.of(BadInputCorpusIntegrationTests.class.getClassLoader().getResource(CORPUS).toURI());
		}
		catch (URISyntaxException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String abbreviate(String text) {
		return (text.length() <= 4000) ? text : text.substring(0, 4000) + "...";
	}

	private record Result(int exitCode, String out, String err) {
	}

	/**
	 * An entry of expected.yaml.
	 *
	 * @param file the corpus file (or, with {@code generate}, the name of the generated
	 * one)
	 * @param generate how the test writes a file too big to commit
	 * @param input the file to load when it is not {@code file} (a mapping case loads a
	 * data file)
	 * @param options more options of {@code ingest}; {@code {file}} stands for the
	 * entry's file
	 * @param exit the exit code
	 * @param message a fragment of what the command says
	 * @param loaded the ids of the records loaded, when a run happened
	 * @param rejects the rejects, {@code "LINE REASON FIELD"}, when a run happened
	 * @param why what the case is about
	 */
	record Case(String file, String generate, String input, List<String> options, int exit, String message,
			List<String> loaded, List<String> rejects, String why) {

		@Override
		public String toString() {
			return this.file + ": " + this.why;
		}

	}

}
