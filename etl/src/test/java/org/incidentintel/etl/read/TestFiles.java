package org.incidentintel.etl.read;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Fixtures and small helpers shared by the reader tests. */
final class TestFiles {

	private TestFiles() {
	}

	/** A file on the test class path, e.g. {@code read/lf.csv}. */
	static Path resource(String name) {
		URL url = TestFiles.class.getClassLoader().getResource(name);
		if (url == null) {
			throw new IllegalArgumentException("No such resource: " + name);
		}
		try {
			return Path.of(url.toURI());
		}
		catch (URISyntaxException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static SourceFile source(String resource) throws IOException {
		return SourceFile.of(resource(resource));
	}

	static Path write(Path dir, String name, String text) {
		return write(dir, name, text.getBytes(StandardCharsets.UTF_8));
	}

	static Path write(Path dir, String name, byte[] bytes) {
		try {
			return Files.write(dir.resolve(name), bytes);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Every row up to the end, failing on an unreadable one. */
	static List<SourceRow> readAll(TabularReader reader) throws UnreadableRowException {
		List<SourceRow> rows = new ArrayList<>();
		SourceRow row;
		while ((row = reader.next()) != null) {
			rows.add(row);
		}
		return rows;
	}

	/** Every row or failure up to the end, in file order. */
	static List<Object> readAllOutcomes(TabularReader reader) {
		List<Object> outcomes = new ArrayList<>();
		while (outcomes.size() < 100_000) {
			try {
				SourceRow row = reader.next();
				if (row == null) {
					return outcomes;
				}
				outcomes.add(row);
			}
			catch (UnreadableRowException ex) {
				outcomes.add(ex);
			}
		}
		throw new AssertionError("The reader never reached the end");
	}

}
