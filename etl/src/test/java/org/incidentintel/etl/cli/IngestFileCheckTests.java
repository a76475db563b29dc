package org.incidentintel.etl.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.incidentintel.etl.cli.BeforeStart.Result;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * {@code ingest --file} given something that is not a loadable file: each case is named
 * as what it is (not "no such file") and exits with the usage code, before the
 * application starts (so no database is created).
 */
class IngestFileCheckTests {

	@TempDir
	Path directory;

	@AfterEach
	void nothingStarted() throws IOException {
		BeforeStart.assertNoDatabase(this.directory);
	}

	@Test
	void aDirectoryIsNamedAsADirectory() throws IOException {
		Path folder = Files.createDirectory(this.directory.resolve("exports"));

		Result result = ingest(folder);

		assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
		assertThat(result.err())
			.contains("error: " + folder + " is a directory; give one file: ingest loads one file",
					"for f in " + folder + "/*.csv")
			.doesNotContain("no such file");
	}

	@Test
	void aFifoIsNotARegularFile() throws Exception {
		Path fifo = this.directory.resolve("export.csv");
		Process mkfifo;
		try {
			mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).redirectErrorStream(true).start();
		}
		catch (IOException ex) {
			mkfifo = null;
		}
		assumeThat(mkfifo).as("mkfifo is available").isNotNull();
		assumeThat(mkfifo.waitFor(10, TimeUnit.SECONDS) && mkfifo.exitValue() == 0).as("mkfifo made a FIFO").isTrue();

		// a FIFO with no writer: opening it to read would block for ever
		Result result = ingest(fifo);

		assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
		assertThat(result.err()).contains("error: " + fifo + " is not a regular file (a FIFO (named pipe))")
			.doesNotContain("no such file");
	}

	@Test
	void aDeviceIsNotARegularFile() {
		Path device = Path.of("/dev/null");
		assumeThat(Files.exists(device)).as("a Unix device file").isTrue();

		Result result = ingest(device);

		assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
		assertThat(result.err()).contains("error: /dev/null is not a regular file (a character device)");
	}

	@Test
	void aSymbolicLinkLoopIsNamedAsALoop() throws IOException {
		Path a = this.directory.resolve("a.csv");
		Path b = this.directory.resolve("b.csv");
		Files.createSymbolicLink(a, b);
		Files.createSymbolicLink(b, a);

		Result result = ingest(a);

		assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
		assertThat(result.err()).contains("error: " + a + " is a symbolic link loop (" + a + " -> " + b + " -> " + a)
			.doesNotContain("no such file");
	}

	@Test
	void aLinkToItselfIsALoopToo() throws IOException {
		Path self = Files.createSymbolicLink(this.directory.resolve("self.csv"), Path.of("self.csv"));

		Result result = ingest(self);

		assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
		assertThat(result.err()).contains("error: " + self + " is a symbolic link loop");
	}

	@Test
	void aDanglingLinkNamesItsMissingTarget() throws IOException {
		Path link = Files.createSymbolicLink(this.directory.resolve("latest.csv"), Path.of("gone.csv"));

		Result result = ingest(link);

		assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
		assertThat(result.err()).contains("error: " + link + " is a symbolic link to "
				+ this.directory.resolve("gone.csv") + ", which does not exist");
	}

	@Test
	void aMissingFileIsStillNoSuchFile() {
		Path missing = this.directory.resolve("no-such-export.csv");

		Result result = ingest(missing);

		assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
		assertThat(result.err()).contains("error: no such file: " + missing);
	}

	@Test
	void aLinkToADirectoryIsADirectory() throws IOException {
		Path folder = Files.createDirectory(this.directory.resolve("exports"));
		Path link = Files.createSymbolicLink(this.directory.resolve("current"), folder);

		Result result = ingest(link);

		assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
		assertThat(result.err()).contains("error: " + link + " is a directory");
	}

	private Result ingest(Path file) {
		return BeforeStart.run(this.directory, "ingest", "--file", file.toString());
	}

}
