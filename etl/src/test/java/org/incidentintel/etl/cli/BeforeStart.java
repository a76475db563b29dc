package org.incidentintel.etl.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

import org.incidentintel.etl.EtlApplication;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the command line for answers that must come before the application starts: the
 * database is an H2 file in a test's directory, and the start-up would fail (an invalid
 * chunk size), so an answer that names anything else came first; no database file may
 * appear either.
 */
final class BeforeStart {

	private BeforeStart() {
	}

	static Result run(Path directory, String... args) {
		return runOn("jdbc:h2:file:" + directory + "/db;AUTO_SERVER=FALSE", args);
	}

	/** Runs a command on the database at {@code url}. */
	static Result runOn(String url, String... args) {
		StringWriter out = new StringWriter();
		StringWriter err = new StringWriter();
		int exitCode = EtlCli.run(args, EtlApplication.class, new PrintWriter(out, true), new PrintWriter(err, true),
				Map.of("spring.datasource.url", url, "incidentintel.ingest.chunk-size", 0));
		return new Result(exitCode, out.toString(), err.toString());
	}

	/** Asserts that nothing created the database file in {@code directory}. */
	static void assertNoDatabase(Path directory) throws IOException {
		try (Stream<Path> files = Files.list(directory)) {
			assertThat(files).noneMatch((file) -> file.getFileName().toString().startsWith("db"));
		}
	}

	record Result(int exitCode, String out, String err) {

		Result {
			// the application's start-up failure would name the chunk size
			assertThat(err).doesNotContain("chunk-size");
		}

	}

}
