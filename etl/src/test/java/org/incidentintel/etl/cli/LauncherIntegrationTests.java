package org.incidentintel.etl.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The launcher {@code ./mvnw package} builds, {@code target/bin/incidentintel-etl}, run
 * as a data engineer runs it: through a symlink, with and without {@code JAVA_OPTS}.
 * Failsafe runs after {@code package}, so the script, the jar and the CDS archive are the
 * build's.
 */
class LauncherIntegrationTests {

	private static final Path LAUNCHER = Path.of("target", "bin", "incidentintel-etl").toAbsolutePath();

	private static final Path CDS_ARCHIVE = Path.of("target", "cds", "incidentintel-etl.jsa");

	@TempDir
	Path directory;

	@Test
	void execsTheJvmWithItsHeapDefaultsAndJavaOptsAfterThem() throws Exception {
		// a symlink elsewhere, as in ~/bin: the script must still find its jar
		Path link = Files.createSymbolicLink(this.directory.resolve("etl"), LAUNCHER);
		// GC logging with the pid: the JVM's pid, its collector and its heap limit
		Result help = run(link, "-Xmx300m -Xlog:gc*=info:stdout:pid", "--help");

		assertThat(help.exitCode()).isZero();
		assertThat(help.out()).contains("Usage: incidentintel-etl");
		// exec: the process started is the JVM itself, not a shell waiting for it
		String pid = "[" + help.pid() + "]";
		// the launcher's -XX:+UseSerialGC, and the -Xmx of JAVA_OPTS over its -Xmx256m
		assertThat(help.out()).contains(pid + " Using Serial", pid + " Heap Max Capacity: 300M");
		assertThat(help.err()).isEmpty();

		Result defaults = run(link, "-Xlog:gc+init=info:stdout", "--version");

		assertThat(defaults.exitCode()).isZero();
		assertThat(defaults.out()).contains("Heap Max Capacity: 256M", "incidentintel-etl 0.1.0");
		// @TempDir would warn about a link to outside it
		Files.delete(link);
	}

	@Test
	void runsACommandWithTheClassDataSharingArchiveAndAJsonOnlyStdout() throws Exception {
		String dbUrl = "jdbc:h2:file:" + this.directory.resolve("db").resolve("incidentintel");
		Result runs = run(LAUNCHER, null, "--db-url", dbUrl, "runs", "--json");

		assertThat(runs.exitCode()).as(runs.err()).isZero();
		// JVM warnings (e.g. an archive it refuses) go to stderr: stdout stays JSON
		JsonNode json = JsonMapper.builder().build().readTree(runs.out());
		assertThat(json.isArray()).as(runs.out()).isTrue();
		assertThat(json).isEmpty();
		if (Files.exists(CDS_ARCHIVE)) {
			// the archive package made matches this JDK and these jars: the JVM took it
			assertThat(runs.err()).doesNotContain("[cds");
		}
	}

	private Result run(Path launcher, String javaOpts, String... args) throws IOException, InterruptedException {
		assertThat(LAUNCHER).as("built by ./mvnw package").isExecutable();
		String[] command = new String[args.length + 1];
		command[0] = launcher.toString();
		System.arraycopy(args, 0, command, 1, args.length);
		Path out = this.directory.resolve("out-" + System.nanoTime());
		Path err = this.directory.resolve("err-" + System.nanoTime());
		ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile())
			.redirectError(err.toFile())
			.directory(this.directory.toFile());
		Map<String, String> environment = builder.environment();
		// this JDK: the one that built the archive in a Maven build
		environment.put("JAVA_HOME", System.getProperty("java.home"));
		if (javaOpts != null) {
			environment.put("JAVA_OPTS", javaOpts);
		}
		else {
			environment.remove("JAVA_OPTS");
		}
		Process process = builder.start();
		if (!process.waitFor(2, TimeUnit.MINUTES)) {
			process.destroyForcibly();
			throw new AssertionError("the launcher did not exit within 2 minutes: " + String.join(" ", command));
		}
		return new Result(process.exitValue(), process.pid(), Files.readString(out, StandardCharsets.UTF_8),
				Files.readString(err, StandardCharsets.UTF_8));
	}

	private record Result(int exitCode, long pid, String out, String err) {
	}

}
