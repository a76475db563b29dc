package org.incidentintel.etl.load;

import java.sql.Timestamp;

/**
 * Values as PostgreSQL's COPY reads them in CSV format: an empty unquoted field is NULL,
 * so every text is quoted (an empty text stays empty), quotes inside doubled.
 */
final class CopyCsv {

	private CopyCsv() {
	}

	static void appendRow(StringBuilder csv, Object[] values) {
		for (int i = 0; i < values.length; i++) {
			if (i > 0) {
				csv.append(',');
			}
			append(csv, values[i]);
		}
		csv.append('\n');
	}

	static void append(StringBuilder csv, Object value) {
		if (value == null) {
			return;
		}
		if (value instanceof String text) {
			csv.append('"');
			for (int i = 0; i < text.length(); i++) {
				char c = text.charAt(i);
				if (c == '"') {
					csv.append('"');
				}
				csv.append(c);
			}
			csv.append('"');
		}
		else if (value instanceof Boolean flag) {
			csv.append(flag ? 't' : 'f');
		}
		else if (value instanceof Timestamp timestamp) {
			// an instant, not the JVM's local time
			csv.append(timestamp.toInstant());
		}
		else {
			// numbers and java.sql.Date (ISO yyyy-mm-dd)
			csv.append(value);
		}
	}

}
