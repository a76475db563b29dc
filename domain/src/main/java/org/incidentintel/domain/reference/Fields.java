package org.incidentintel.domain.reference;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;

import org.incidentintel.domain.common.DatePrecision;

/**
 * Checks shared by the reference data entries' compact constructors.
 */
final class Fields {

	static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

	static final Pattern COUNTRY = Pattern.compile("[A-Z]{3}");

	private Fields() {
	}

	static String required(String value, String field) {
		if (value == null || value.isBlank()) {
			throw new InvalidFieldException(field, "is required");
		}
		return value;
	}

	static <T> T required(T value, String field) {
		if (value == null) {
			throw new InvalidFieldException(field, "is required");
		}
		return value;
	}

	static String id(String value, String field) {
		if (value != null && !ID.matcher(value).matches()) {
			throw new InvalidFieldException(field,
					"\"" + value + "\" is not an id (lowercase letters and digits joined by hyphens)");
		}
		return value;
	}

	static String country(String value, String field) {
		if (value != null && !COUNTRY.matcher(value).matches()) {
			throw new InvalidFieldException(field,
					"\"" + value + "\" is not an ISO 3166 alpha-3 country code (three capital letters)");
		}
		return value;
	}

	static void ordered(LocalDate from, LocalDate to, String toField) {
		if (from != null && to != null && to.isBefore(from)) {
			throw new InvalidFieldException(toField, to + " is before " + from);
		}
	}

	// A month or year is stored as its first day: any other day would be invented
	static void precise(LocalDate date, DatePrecision precision, String field) {
		if (date == null) {
			return;
		}
		if ((precision == DatePrecision.MONTH && date.getDayOfMonth() != 1)
				|| (precision == DatePrecision.YEAR && date.getDayOfYear() != 1)) {
			throw new InvalidFieldException(field, "a date of " + precision + " precision must be the first day of its "
					+ precision.name().toLowerCase());
		}
	}

	static <T> List<T> list(List<T> values, String field) {
		if (values == null) {
			return List.of();
		}
		List<T> copy = new ArrayList<>(values.size());
		for (int i = 0; i < values.size(); i++) {
			copy.add(required(values.get(i), field + "[" + i + "]"));
		}
		return Collections.unmodifiableList(copy);
	}

}
