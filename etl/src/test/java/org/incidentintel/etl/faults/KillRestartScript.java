package org.incidentintel.etl.faults;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs {@code src/fault/kill-restart.sh} against the jar {@code package} built (Failsafe
 * runs after it) and checks its verdict: every trial's ingest was killed while it ran,
 * and every trial ended with the clean load's checksum.
 */
final class KillRestartScript {

	/**
	 * 20,000 rows, 3 trials, 2 kills each: each JVM start costs seconds, so even this
	 * size takes minutes per database; a kill on H2 waits 1.5 s into the load (for H2's
	 * delayed commits), and the load must still be running then.
	 * {@code -Dfaults.kill-restart.rows=N} for another size, the script by hand for
	 * 1,000,000 (docs/operations.md).
	 */
	static final String ROWS = System.getProperty("faults.kill-restart.rows", "20000");

	static final int TRIALS = 3;

	private KillRestartScript() {
	}

	static String run(Path work, String... databaseOptions) throws IOException, InterruptedException {
		Path jar = Path.of("target/incidentintel-etl.jar").toAbsolutePath();
		assertThat(jar).as("the jar that package builds").exists();
		List<String> command = new ArrayList<>(List.of("bash", Path.of("src/fault/kill-restart.sh").toString(),
				"--rows", ROWS, "--trials", Integer.toString(TRIALS), "--kills", "2", "--seed", "7", "--jar",
				jar.toString(), "--work", work.toString()));
		command.addAll(List.of(databaseOptions));
		Path log = work.resolve("kill-restart.log");
		Files.createDirectories(work);
		Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
		// on a busy machine (load average 20) a trial takes six or seven minutes; the
		// script stops itself when a load makes no progress for ten
		boolean ended = process.waitFor(60, TimeUnit.MINUTES);
		if (!ended) {
			process.destroyForcibly();
		}
		String output = Files.readString(log, StandardCharsets.UTF_8);
		assertThat(ended).as("the script ended; it said:%n%s", output).isTrue();
		assertThat(process.exitValue()).as("exit code; the script said:%n%s", output).isZero();
		assertThat(output)
			.contains("trials: " + TRIALS + ", mismatches: 0, ingest kills that found the load finished: 0");
		List<String> trials = output.lines().filter((line) -> line.startsWith("trial ")).toList();
		assertThat(trials).hasSize(TRIALS)
			.allSatisfy((line) -> assertThat(line).contains("same checksum", "ingest killed at", "left RUNNING"));
		// the figures, for the test report
		System.out.println(output);
		return output;
	}

}
