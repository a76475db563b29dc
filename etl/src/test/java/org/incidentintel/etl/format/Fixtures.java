package org.incidentintel.etl.format;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.incidentintel.etl.read.SourceRow;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns fixture files into {@link SourceRow}s the way a reader would, with Commons CSV
 * and Jackson directly, so that the formats are tested on their own: blank header names
 * (a trailing comma) are dropped, an all-{@code #} row (HXL tags) is skipped, a short row
 * is incomplete.
 */
final class Fixtures {

	private Fixtures() {
	}

	/** The rows of a CSV fixture on the test classpath. */
	static Table csv(String resource) {
		try (Reader reader = new InputStreamReader(open(resource), StandardCharsets.UTF_8)) {
			return csv(reader);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The rows of a CSV file. */
	static Table csv(Path file) {
		try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
			return csv(reader);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static Table csv(Reader reader) throws IOException {
		try (CSVParser parser = CSVFormat.RFC4180.parse(reader)) {
			List<String> header = null;
			int width = 0;
			List<SourceRow> rows = new ArrayList<>();
			for (CSVRecord record : parser) {
				List<String> cells = record.toList();
				if (header == null) {
					header = cells;
					width = lastNonBlank(header) + 1;
					continue;
				}
				if (isHxl(cells)) {
					continue;
				}
				Map<String, String> values = new LinkedHashMap<>();
				for (int i = 0; i < Math.min(cells.size(), header.size()); i++) {
					if (!header.get(i).isBlank()) {
						values.put(header.get(i), cells.get(i));
					}
				}
				rows.add(new SourceRow(record.getRecordNumber(), values, String.join(",", cells),
						cells.size() >= width));
			}
			return new Table(header, rows);
		}
	}

	/** The records of a UCDP API page: its {@code Result} array. */
	static Table json(String resource) {
		try (InputStream input = open(resource)) {
			JsonNode page = JsonMapper.builder().build().readTree(input);
			List<SourceRow> rows = new ArrayList<>();
			List<String> header = new ArrayList<>();
			int index = 0;
			for (JsonNode item : page.get("Result")) {
				Map<String, String> values = new LinkedHashMap<>();
				for (Map.Entry<String, JsonNode> property : item.properties()) {
					JsonNode value = property.getValue();
					values.put(property.getKey(),
							value.isNull() ? "" : value.isValueNode() ? value.asString() : value.toString());
				}
				if (header.isEmpty()) {
					header.addAll(values.keySet());
				}
				rows.add(new SourceRow(++index, values, item.toString(), true));
			}
			return new Table(header, rows);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** A copy of a row with one cell changed. */
	static SourceRow with(SourceRow row, String column, String value) {
		Map<String, String> values = new LinkedHashMap<>(row.values());
		values.put(column, value);
		return new SourceRow(row.lineNumber(), values, row.rawText(), row.complete());
	}

	/**
	 * A copy of a row cut off as an exporter does it: up to {@code column}, that cell set
	 * to {@code value}, every later cell present but blank.
	 */
	static SourceRow cutOffAfter(SourceRow row, String column, String value) {
		Map<String, String> values = new LinkedHashMap<>();
		boolean cut = false;
		for (Map.Entry<String, String> cell : row.values().entrySet()) {
			values.put(cell.getKey(), cut ? "" : cell.getKey().equals(column) ? value : cell.getValue());
			cut = cut || cell.getKey().equals(column);
		}
		return new SourceRow(row.lineNumber(), values, row.rawText(), true);
	}

	private static InputStream open(String resource) {
		InputStream input = Fixtures.class.getClassLoader().getResourceAsStream(resource);
		if (input == null) {
			throw new IllegalArgumentException("No fixture " + resource);
		}
		return input;
	}

	private static int lastNonBlank(List<String> cells) {
		for (int i = cells.size() - 1; i >= 0; i--) {
			if (!cells.get(i).isBlank()) {
				return i;
			}
		}
		return -1;
	}

	private static boolean isHxl(List<String> cells) {
		List<String> filled = cells.stream().filter((cell) -> !cell.isBlank()).toList();
		return !filled.isEmpty() && filled.stream().allMatch((cell) -> cell.startsWith("#"));
	}

	/** A fixture file's header and rows. */
	record Table(List<String> header, List<SourceRow> rows) {

		/** The row whose {@code column} is {@code value}. */
		SourceRow row(String column, String value) {
			return this.rows.stream()
				.filter((row) -> value.equals(row.get(column)))
				.findFirst()
				.orElseThrow(() -> new IllegalArgumentException("No row with " + column + " = " + value));
		}

	}

}
