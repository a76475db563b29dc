package org.incidentintel.etl.read;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One record as read from a source file, before any interpretation: its values by column
 * name (in file order), where it was in the file, and its raw text for the rejects table.
 *
 * @param lineNumber 1-based line (CSV: the record's first line) or row (XLSX) or record
 * index + 1 (JSON) in the file
 * @param values cell values by header name; a cell missing from a short row is absent, an
 * empty cell is {@code ""}
 * @param rawText the record as it appeared in the file (CSV text, JSON object, XLSX cells
 * joined)
 * @param complete false when the row had fewer cells than the header (a truncated row)
 */
public record SourceRow(long lineNumber, Map<String, String> values, String rawText, boolean complete) {

	public SourceRow {
		values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
	}

	/** The value of a column, or null when the row has no such cell. */
	public String get(String column) {
		return this.values.get(column);
	}

	/** The value of the first of these columns that the row has. */
	public String first(List<String> columns) {
		for (String column : columns) {
			if (this.values.containsKey(column)) {
				return this.values.get(column);
			}
		}
		return null;
	}

}
