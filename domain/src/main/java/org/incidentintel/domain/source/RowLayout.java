package org.incidentintel.domain.source;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * How the rows of one source file are written, kept once per ingest run: the file's kind,
 * the CSV delimiter and the header. With it, a record's stored text (its line of CSV, its
 * row of a sheet, its JSON object) turns back into the column → value pairs the ETL's
 * reader read from it: the reader names its cells with {@link #values(List)} and splits
 * text with {@link #csvFormat(char)}, so both sides follow one rule.
 *
 * @param kind the kind of file
 * @param delimiter the CSV delimiter the reader used (given or detected); null for XLSX
 * and JSON
 * @param columns the column names in file order, as the reader named them (trimmed;
 * {@code _column3} for an empty name; JSON: the keys of the first object)
 * @param headerWidth cells in the header row as written: more than {@code columns} when a
 * trailing comma on every line left an empty name the reader dropped
 */
public record RowLayout(Kind kind, Character delimiter, List<String> columns, int headerWidth) {

	/** A cell beyond the header, named by its position among them: {@code _extra1}. */
	public static final String EXTRA_PREFIX = "_extra";

	/** The delimiter of a sheet's row as stored: tab-separated, quoted as CSV. */
	private static final char SHEET_DELIMITER = '\t';

	private static final JsonMapper JSON = JsonMapper.builder()
		.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
		.build();

	/** The kind of a source file, which decides how its records are written. */
	public enum Kind {

		/** Delimited text (RFC 4180 quoting), one record per line or quoted lines. */
		CSV,
		/** A sheet of a workbook; a row is stored as tab-separated CSV. */
		XLSX,
		/** JSON objects, one per record, stored as written. */
		JSON

	}

	public RowLayout {
		if (kind == null) {
			throw new IllegalArgumentException("A row layout needs a kind");
		}
		if ((kind == Kind.CSV) != (delimiter != null)) {
			throw new IllegalArgumentException("A delimiter is given for CSV and only for CSV: " + kind);
		}
		columns = List.copyOf(columns);
		if (headerWidth < columns.size()) {
			throw new IllegalArgumentException(
					"headerWidth " + headerWidth + " is less than the " + columns.size() + " columns");
		}
	}

	/** A CSV file's layout. */
	public static RowLayout csv(char delimiter, List<String> columns, int headerWidth) {
		return new RowLayout(Kind.CSV, delimiter, columns, headerWidth);
	}

	/** A sheet's layout. */
	public static RowLayout xlsx(List<String> columns) {
		return new RowLayout(Kind.XLSX, null, columns, columns.size());
	}

	/** A JSON file's layout: the keys of its first object. */
	public static RowLayout json(List<String> keys) {
		return new RowLayout(Kind.JSON, null, keys, keys.size());
	}

	/**
	 * The CSV dialect the ETL reads delimited files with and a record's text is split
	 * with: RFC 4180 quoting, no trimming, empty lines kept (the reader skips blank
	 * records itself).
	 */
	public static CSVFormat csvFormat(char delimiter) {
		return CSVFormat.RFC4180.builder()
			.setDelimiter(delimiter)
			.setIgnoreEmptyLines(false)
			.setIgnoreSurroundingSpaces(false)
			.get();
	}

	/**
	 * A sheet's row as it is stored: its cells tab-separated, a cell holding a tab, a
	 * quote or a line break quoted as in CSV, so {@link #cells(String)} gets them back.
	 */
	public static String sheetRowText(List<String> cells) {
		CSVFormat format = csvFormat(SHEET_DELIMITER);
		StringBuilder text = new StringBuilder();
		try {
			for (int i = 0; i < cells.size(); i++) {
				String cell = cells.get(i);
				format.print((cell != null) ? cell : "", text, i == 0);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return text.toString();
	}

	/**
	 * Names a CSV record's or a sheet row's cells by column, as the reader gives them:
	 * the first {@code columns} cells under their names (CSV: a short row lacks the
	 * missing ones; XLSX: a missing cell reads {@code ""}), cells beyond the header as
	 * {@code _extra1}, {@code _extra2}, ... except empty ones under a dropped empty name
	 * (CSV) or empty ones at all (XLSX, whose rows end wherever a cell was last typed).
	 */
	public Map<String, String> values(List<String> cells) {
		if (this.kind == Kind.JSON) {
			throw new IllegalStateException("JSON records are objects, not cells");
		}
		Map<String, String> values = new LinkedHashMap<>();
		int width = this.columns.size();
		for (int i = 0; i < width; i++) {
			if (i < cells.size()) {
				String cell = cells.get(i);
				values.put(this.columns.get(i), (cell != null) ? cell : "");
			}
			else if (this.kind == Kind.XLSX) {
				values.put(this.columns.get(i), "");
			}
		}
		int extra = 0;
		for (int i = width; i < cells.size(); i++) {
			String cell = cells.get(i);
			boolean empty = cell == null || cell.isEmpty();
			if (empty && (this.kind == Kind.XLSX || i < this.headerWidth)) {
				continue;
			}
			values.put(EXTRA_PREFIX + (++extra), (cell != null) ? cell : "");
		}
		return values;
	}

	/**
	 * Splits one record's stored text into its cells (CSV and XLSX).
	 * @throws IllegalArgumentException when the text is not one record of this layout
	 */
	public List<String> cells(String text) {
		if (this.kind == Kind.JSON) {
			throw new IllegalStateException("JSON records are objects, not cells");
		}
		char separator = (this.kind == Kind.CSV) ? this.delimiter : SHEET_DELIMITER;
		try (CSVParser parser = CSVParser.parse(text, csvFormat(separator))) {
			List<CSVRecord> records = parser.getRecords();
			if (records.size() > 1) {
				throw new IllegalArgumentException("the text holds " + records.size() + " records, not one");
			}
			return records.isEmpty() ? List.of() : records.get(0).toList();
		}
		catch (IOException | UncheckedIOException ex) {
			throw new IllegalArgumentException("the text is not a record of " + this.kind + ": " + ex.getMessage(), ex);
		}
	}

	/**
	 * The record as column → value pairs in column order, as written: a CSV record's or a
	 * sheet row's cells as text, named by {@link #values(List)}; a JSON record's object
	 * itself (numbers, booleans, nulls, nested objects and arrays as written).
	 * @throws IllegalArgumentException when the text is not one record of this layout
	 */
	public Map<String, Object> row(String text) {
		if (this.kind == Kind.JSON) {
			try {
				@SuppressWarnings("unchecked")
				Map<String, Object> object = JSON.readValue(text, LinkedHashMap.class);
				return Collections.unmodifiableMap(object);
			}
			catch (JacksonException ex) {
				throw new IllegalArgumentException("the text is not a JSON object: " + ex.getOriginalMessage(), ex);
			}
		}
		return Collections.unmodifiableMap(new LinkedHashMap<>(values(cells(text))));
	}

	/** The layout as the {@code ingest_run.row_layout} column stores it. */
	public String toJson() {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("kind", this.kind.name());
		if (this.delimiter != null) {
			json.put("delimiter", String.valueOf(this.delimiter));
		}
		json.put("columns", this.columns);
		json.put("headerWidth", this.headerWidth);
		return JSON.writeValueAsString(json);
	}

	/**
	 * A layout as {@link #toJson()} wrote it.
	 * @throws IllegalArgumentException when the text is not one
	 */
	public static RowLayout fromJson(String json) {
		Stored stored;
		try {
			stored = JSON.readValue(json, Stored.class);
		}
		catch (JacksonException ex) {
			throw new IllegalArgumentException("not a row layout: " + json, ex);
		}
		if (stored.kind() == null || stored.columns() == null || stored.headerWidth() == null
				|| (stored.delimiter() != null && stored.delimiter().length() != 1)) {
			throw new IllegalArgumentException("not a row layout: " + json);
		}
		return new RowLayout(Kind.valueOf(stored.kind()),
				(stored.delimiter() != null) ? stored.delimiter().charAt(0) : null, stored.columns(),
				stored.headerWidth());
	}

	private record Stored(String kind, String delimiter, List<String> columns, Integer headerWidth) {
	}

}
