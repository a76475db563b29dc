package org.incidentintel.etl.mapping;

import java.util.LinkedHashMap;
import java.util.Map;

import org.incidentintel.etl.read.SourceRow;

/**
 * Builds source rows for tests from column/value pairs.
 */
final class Rows {

	private Rows() {
	}

	static SourceRow row(String... columnsAndValues) {
		return build(true, columnsAndValues);
	}

	static SourceRow truncated(String... columnsAndValues) {
		return build(false, columnsAndValues);
	}

	private static SourceRow build(boolean complete, String... columnsAndValues) {
		Map<String, String> values = new LinkedHashMap<>();
		for (int i = 0; i < columnsAndValues.length; i += 2) {
			values.put(columnsAndValues[i], columnsAndValues[i + 1]);
		}
		return new SourceRow(2, values, String.join(",", values.values()), complete);
	}

}
