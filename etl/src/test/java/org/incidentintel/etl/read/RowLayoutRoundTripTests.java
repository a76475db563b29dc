package org.incidentintel.etl.read;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.incidentintel.domain.source.RowLayout;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every row of every fixture and bundled sample (CSV in its dialects and encodings, XLSX,
 * JSON pages) comes back from its raw text through its reader's {@link RowLayout} with
 * the very values the reader read: what the API shows as a record's original row is what
 * the ETL loaded.
 */
class RowLayoutRoundTripTests {

	private static final JsonMapper JSON = JsonMapper.builder()
		.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
		.build();

	@Test
	void theLayoutTurnsEachRowsRawTextBackIntoTheValuesTheReaderRead() throws IOException {
		List<Path> files = fixtureFiles();
		assertThat(files).as("fixture files")
			.anyMatch((file) -> file.toString().endsWith(".xlsx"))
			.anyMatch((file) -> file.toString().endsWith(".json"))
			.hasSizeGreaterThan(20);
		long rows = 0;
		for (Path file : files) {
			TabularReader opened;
			try {
				opened = TabularReaders.open(SourceFile.of(file), ReaderOptions.defaults());
			}
			catch (IOException | BadHeaderException ex) {
				// a file a load refuses as a whole (bad-input/) has no rows to give back
				continue;
			}
			try (TabularReader reader = opened) {
				RowLayout layout = reader.layout();
				assertThat(layout.columns()).as("%s", file).isEqualTo(reader.header());
				for (Object item : TestFiles.readAllOutcomes(reader)) {
					if (item instanceof SourceRow row) {
						Map<String, Object> raw = layout.row(row.rawText());
						assertThat(readerView(raw)).as("%s line %d", file, row.lineNumber())
							.isEqualTo((layout.kind() == RowLayout.Kind.JSON) ? compact(row.values()) : row.values());
						rows++;
					}
				}
			}
			catch (BadHeaderException ex) {
				// a fixture of a file that cannot be loaded at all has no rows to give
				// back
			}
		}
		assertThat(rows).isGreaterThan(7000);
	}

	/**
	 * A record's values as the reader gives them: scalars as text, a null field absent, a
	 * nested object or array as its JSON text (compared compactly, as the reader keeps it
	 * as written).
	 */
	private static Map<String, String> readerView(Map<String, Object> raw) {
		Map<String, String> values = new LinkedHashMap<>();
		raw.forEach((column, value) -> {
			if (value instanceof Map || value instanceof List) {
				values.put(column, JSON.writeValueAsString(value));
			}
			else if (value != null) {
				values.put(column, (value instanceof BigDecimal number) ? number.toPlainString() : value.toString());
			}
		});
		return values;
	}

	private static Map<String, String> compact(Map<String, String> values) {
		Map<String, String> compact = new LinkedHashMap<>();
		values.forEach((column, value) -> compact.put(column, (value.startsWith("{") || value.startsWith("["))
				? JSON.writeValueAsString(JSON.readValue(value, Object.class)) : value));
		return compact;
	}

	private static List<Path> fixtureFiles() throws IOException {
		Path root = TestFiles.resource("real-shapes").getParent();
		List<Path> files;
		try (Stream<Path> walk = Files.walk(root)) {
			files = walk.filter(Files::isRegularFile)
				.filter((file) -> file.toString().matches(".*\\.(csv|xlsx|json)$"))
				.sorted()
				.toList();
		}
		return Stream
			.concat(files.stream(),
					Stream.of(TestFiles.resource("samples/ucdp-ged/conflict_data_pak.csv"), TestFiles
						.resource("samples/pakistan-body-count/PakistanSuicideAttacks Ver 11 (30-November-2017).csv")))
			.toList();
	}

}
