package org.incidentintel.etl.format;

/**
 * Something a format noticed and worked around while keeping a row, e.g.
 * {@code WEEKDAY_MISMATCH} or {@code RANGE_DROPPED}. Warnings are counted by code in the
 * run summary; the row itself loads.
 */
public record RecordWarning(String code, String field, String message) {

	public RecordWarning {
		if (code == null || code.isBlank()) {
			throw new IllegalArgumentException("warning code must not be blank");
		}
	}

}
