package org.incidentintel.etl.cli;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import org.incidentintel.etl.cli.BeforeStart.Result;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the command line answers before the application starts: a mistyped command or
 * option (with the nearest name), {@code help}, an unknown format, a missing mapping, an
 * unknown run ({@link BeforeStart}: no database file may appear, and the application
 * would fail to start).
 */
class EtlCliUsageTests {

	@TempDir
	Path directory;

	@AfterEach
	void nothingStarted() throws IOException {
		BeforeStart.assertNoDatabase(this.directory);
	}

	@Test
	void aMistypedCommandSuggestsTheNearestAndExitsWithTheUsageCode() {
		Result result = run("ingets", "--file", "x.csv");

		assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
		assertThat(result.err()).startsWith("error: unknown command 'ingets' for incidentintel-etl")
			.contains("Did you mean: incidentintel-etl ingest", "See 'incidentintel-etl --help'.");
		assertThat(result.out()).isEmpty();
	}

	@Test
	void helpAfterAMistypedCommandDoesNotHideIt() {
		Result result = run("pul", "--help");

		assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
		assertThat(result.err()).contains("error: unknown command 'pul'", "Did you mean: incidentintel-etl pull?");
		assertThat(result.out()).isEmpty();

		Result subcommand = run("pull", "ucdpp", "--help");

		assertThat(subcommand.exitCode()).isEqualTo(ExitCodes.USAGE);
		assertThat(subcommand.err()).contains("error: unknown command 'ucdpp' for incidentintel-etl pull",
				"Did you mean: pull ucdp?");
	}

	@Test
	void aMistypedOptionIsNamedRatherThanTheRequiredOptionItLeftMissing() {
		Result result = run("ingest", "--fiel", "x.csv");

		assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
		assertThat(result.err()).contains("'--fiel'", "--file").doesNotContain("Missing required option");

		Result withHelp = run("ingest", "--formt", "acled", "--help");

		assertThat(withHelp.exitCode()).isEqualTo(ExitCodes.USAGE);
		assertThat(withHelp.err()).contains("'--formt'", "--format");
	}

	@Test
	void anOptionWithoutANearNameGetsTheUsage() {
		Result result = run("ingest", "--file", "x.csv", "--xyzzy");

		assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
		assertThat(result.err()).contains("Unknown option: '--xyzzy'", "Usage: incidentintel-etl ingest")
			.doesNotContain("Possible solutions");
	}

	@Test
	void helpShowsACommandsUsageOrSuggestsOne() {
		Result ingest = run("help", "ingest");

		assertThat(ingest.exitCode()).isEqualTo(ExitCodes.DONE);
		assertThat(ingest.out()).startsWith("Usage: incidentintel-etl ingest").contains("--file=FILE");

		Result ucdp = run("help", "pull", "ucdp");

		assertThat(ucdp.exitCode()).isEqualTo(ExitCodes.DONE);
		assertThat(ucdp.out()).startsWith("Usage: incidentintel-etl pull ucdp");

		Result unknown = run("help", "injest");

		assertThat(unknown.exitCode()).isEqualTo(ExitCodes.USAGE);
		assertThat(unknown.err()).contains("error: unknown command 'injest' for incidentintel-etl",
				"Did you mean: incidentintel-etl ingest");
		assertThat(unknown.out()).isEmpty();
	}

	@Test
	void aGroupWithoutItsCommandListsItsCommands() {
		Result result = run("pull");

		assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
		assertThat(result.err()).contains("error: incidentintel-etl pull needs a command: ucdp",
				"Usage: incidentintel-etl pull");
	}

	@Test
	void anUnknownFormatIsAnsweredBeforeTheApplicationStarts() {
		Result result = run("ingest", "--file", fixture("acled/current.csv").toString(), "--format", "acleed");

		assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
		assertThat(result.err()).contains("error: unknown format 'acleed'; built-in formats: ", "acled");
	}

	@Test
	void aMissingOrInvalidMappingIsAnsweredBeforeTheApplicationStarts() {
		Result missing = run("ingest", "--file", fixture("acled/current.csv").toString(), "--mapping",
				"no-such-mapping");

		assertThat(missing.exitCode()).isEqualTo(ExitCodes.USAGE);
		assertThat(missing.err()).contains("error: ", "no-such-mapping");

		Result typos = run("ingest", "--file", fixture("acled/current.csv").toString(), "--mapping",
				fixture("mappings-broken/typos.yaml").toString());

		assertThat(typos.exitCode()).isEqualTo(ExitCodes.USAGE);
		assertThat(typos.err()).contains("error: Invalid mapping file typos.yaml (5 problems):");
	}

	@Test
	void aRunOfADatabaseThatDoesNotExistIsUnknownAndNoDatabaseIsCreated() {
		Result restart = run("restart", "--run", "999");

		assertThat(restart.exitCode()).isEqualTo(ExitCodes.USAGE);
		assertThat(restart.err()).contains("error: no ingest run 999; see `runs`");

		Result rejects = run("rejects", "--run", "7");

		assertThat(rejects.exitCode()).isEqualTo(ExitCodes.USAGE);
		assertThat(rejects.err()).contains("error: no ingest run 7; see `runs`");
	}

	@Test
	void anUnknownRunOfAnExistingFileIsAnsweredWithTheShippedUrlSettings() throws SQLException {
		// application.yml's URL sets MAX_COMPACT_TIME, which the lookup replaces (H2
		// refuses
		// a setting given twice)
		String url = "jdbc:h2:file:" + this.directory.resolve("existing/incidentintel")
				+ ";AUTO_SERVER=TRUE;MAX_COMPACT_TIME=10000";
		try (Connection connection = DriverManager.getConnection(url);
				Statement statement = connection.createStatement()) {
			statement.execute("create table ingest_run (id bigint primary key)");
			statement.execute("insert into ingest_run values (1)");
		}

		Result restart = BeforeStart.runOn(url, "restart", "--run", "999");

		assertThat(restart.exitCode()).isEqualTo(ExitCodes.USAGE);
		assertThat(restart.err()).contains("error: no ingest run 999; see `runs`");
	}

	@Test
	void theLookupOpensAnEmbeddedH2FileWithoutCreatingOrCompactingIt() {
		assertThat(RunLookup.lookupUrl("jdbc:h2:file:./data/incidentintel;AUTO_SERVER=TRUE;max_compact_time=10000"))
			.isEqualTo("jdbc:h2:file:./data/incidentintel;AUTO_SERVER=TRUE;IFEXISTS=TRUE;MAX_COMPACT_TIME=0");
		assertThat(RunLookup.lookupUrl("jdbc:h2:./db")).isEqualTo("jdbc:h2:./db;IFEXISTS=TRUE;MAX_COMPACT_TIME=0");
		assertThat(RunLookup.lookupUrl("jdbc:h2:mem:x;DB_CLOSE_DELAY=-1")).isEqualTo("jdbc:h2:mem:x;DB_CLOSE_DELAY=-1");
		assertThat(RunLookup.lookupUrl("jdbc:h2:tcp://localhost/./db")).isEqualTo("jdbc:h2:tcp://localhost/./db");
		assertThat(RunLookup.lookupUrl("jdbc:postgresql://localhost:5432/incidentintel"))
			.isEqualTo("jdbc:postgresql://localhost:5432/incidentintel");
	}

	private Result run(String... args) {
		return BeforeStart.run(this.directory, args);
	}

	static Path fixture(String resource) {
		try {
			return Path.of(EtlCliUsageTests.class.getClassLoader().getResource(resource).toURI());
		}
		catch (URISyntaxException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
