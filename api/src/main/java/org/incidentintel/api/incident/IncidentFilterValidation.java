package org.incidentintel.api.incident;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.incidentintel.api.error.ApiException;
import org.incidentintel.api.incident.IncidentFilter.DateRangeInput;
import org.incidentintel.api.incident.IncidentFilter.IntRangeInput;
import org.incidentintel.api.incident.IncidentFilter.NearInput;

/**
 * Checks an {@link IncidentFilter} tree without any database work: its shape (nesting,
 * list sizes, lengths) within the limits, and every value well-formed (country codes,
 * ranges, coordinates). Each error names the argument path at fault.
 */
final class IncidentFilterValidation {

	/** The deepest nesting of {@code and}, {@code or} and {@code not}. */
	static final int MAX_DEPTH = 10;

	/** The most values any one list of a filter may hold. */
	static final int MAX_VALUES = 100;

	static final double MAX_RADIUS_KM = 20_000;

	/**
	 * The longest {@code text} search term, and the longest name in a list (country,
	 * region, perpetrator, source): a longer one is no name, and a text search reads
	 * every incident's summary, so a long pattern multiplies that work.
	 */
	static final int MAX_TEXT_LENGTH = 200;

	private static final Set<String> COUNTRIES = Set.copyOf(Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA3));

	private IncidentFilterValidation() {
	}

	/**
	 * Checks a filter.
	 * @param filter the filter, or {@code null}
	 * @param argument the argument's name, the first element of error paths
	 * @throws ApiException {@code BAD_USER_INPUT} or {@code LIMIT_EXCEEDED} naming the
	 * argument path at fault
	 */
	static void validate(IncidentFilter filter, String argument) {
		if (filter != null) {
			validate(filter, List.of(argument), 1);
		}
	}

	private static void validate(IncidentFilter filter, List<Object> path, int depth) {
		if (depth > MAX_DEPTH) {
			throw ApiException.limitExceeded(
					"filters nest at most " + MAX_DEPTH + " levels deep (and, or, not); flatten the filter",
					path.toArray());
		}
		validateChildren(filter.and(), append(path, "and"), depth);
		validateChildren(filter.or(), append(path, "or"), depth);
		if (filter.not() != null) {
			validate(filter.not(), append(path, "not"), depth + 1);
		}
		if (filter.date() != null) {
			DateRangeInput date = filter.date();
			if (date.from() != null && date.to() != null && date.from().isAfter(date.to())) {
				throw ApiException.badInput("date range: from (" + date.from() + ") is after to (" + date.to() + ")",
						append(path, "date").toArray());
			}
		}
		validateValues(filter.country(), append(path, "country"));
		if (filter.country() != null) {
			for (int i = 0; i < filter.country().size(); i++) {
				String code = filter.country().get(i).strip().toUpperCase(Locale.ROOT);
				if (!COUNTRIES.contains(code)) {
					throw ApiException.badInput(
							"'" + filter.country().get(i) + "' is not an ISO 3166 alpha-3 country code (e.g. PAK, AFG)",
							append(append(path, "country"), i).toArray());
				}
			}
		}
		validateValues(filter.region(), append(path, "region"));
		validateValues(filter.kind(), append(path, "kind"));
		validateValues(filter.perpetrator(), append(path, "perpetrator"));
		validateValues(filter.actor(), append(path, "actor"));
		validateRange(filter.killed(), append(path, "killed"));
		validateRange(filter.injured(), append(path, "injured"));
		validateValues(filter.source(), append(path, "source"));
		if (filter.text() != null && filter.text().strip().length() > MAX_TEXT_LENGTH) {
			throw ApiException.badInput("a text search term is at most " + MAX_TEXT_LENGTH + " characters long, got "
					+ filter.text().strip().length(), append(path, "text").toArray());
		}
		if (filter.near() != null) {
			NearInput near = filter.near();
			List<Object> nearPath = append(path, "near");
			if (!(near.latitude() >= -90 && near.latitude() <= 90)) {
				throw ApiException.badInput("latitude must lie between -90 and 90",
						append(nearPath, "latitude").toArray());
			}
			if (!(near.longitude() >= -180 && near.longitude() <= 180)) {
				throw ApiException.badInput("longitude must lie between -180 and 180",
						append(nearPath, "longitude").toArray());
			}
			if (!(near.radiusKm() > 0 && near.radiusKm() <= MAX_RADIUS_KM)) {
				throw ApiException.badInput("radiusKm must be more than 0 and at most " + (int) MAX_RADIUS_KM,
						append(nearPath, "radiusKm").toArray());
			}
		}
	}

	private static void validateChildren(List<IncidentFilter> children, List<Object> path, int depth) {
		if (children == null) {
			return;
		}
		if (children.size() > MAX_VALUES) {
			throw ApiException.limitExceeded("at most " + MAX_VALUES + " filters per list", path.toArray());
		}
		for (int i = 0; i < children.size(); i++) {
			validate(children.get(i), append(path, i), depth + 1);
		}
	}

	private static void validateValues(List<?> values, List<Object> path) {
		if (values == null) {
			return;
		}
		if (values.size() > MAX_VALUES) {
			throw ApiException.limitExceeded("at most " + MAX_VALUES + " values per list", path.toArray());
		}
		for (int i = 0; i < values.size(); i++) {
			if (values.get(i) instanceof String text && text.isBlank()) {
				throw ApiException.badInput("a blank value matches nothing; leave it out", append(path, i).toArray());
			}
			if (values.get(i) instanceof String text && text.length() > MAX_TEXT_LENGTH) {
				throw ApiException.badInput(
						"a name is at most " + MAX_TEXT_LENGTH + " characters long, got " + text.length(),
						append(path, i).toArray());
			}
		}
	}

	private static void validateRange(IntRangeInput range, List<Object> path) {
		if (range == null) {
			return;
		}
		if ((range.min() != null && range.min() < 0) || (range.max() != null && range.max() < 0)) {
			throw ApiException.badInput("counts are never negative", path.toArray());
		}
		if (range.min() != null && range.max() != null && range.min() > range.max()) {
			throw ApiException.badInput("range: min (" + range.min() + ") is more than max (" + range.max() + ")",
					path.toArray());
		}
	}

	/** The path one element deeper. */
	static List<Object> append(List<Object> path, Object element) {
		List<Object> appended = new ArrayList<>(path.size() + 1);
		appended.addAll(path);
		appended.add(element);
		return appended;
	}

}
