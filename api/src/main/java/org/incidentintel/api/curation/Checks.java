package org.incidentintel.api.curation;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.incidentintel.api.error.ApiException;
import org.incidentintel.api.error.ErrorCode;

/**
 * Input checks whose errors name the path of the value at fault.
 */
final class Checks {

	private static final Pattern COUNTRY = Pattern.compile("[A-Za-z]{3}");

	private Checks() {
	}

	/** The text stripped; an error when it is missing or blank. */
	static String required(String text, String what, Object... path) {
		if (text == null || text.isBlank()) {
			throw ApiException.badInput(what + " must not be blank", path);
		}
		return text.strip();
	}

	/** The text stripped, null when blank; an error when longer than {@code max}. */
	static String optional(String text, int max, Object... path) {
		if (text == null || text.isBlank()) {
			return null;
		}
		String stripped = text.strip();
		if (stripped.length() > max) {
			throw ApiException.badInput("at most " + max + " characters are allowed, got " + stripped.length(), path);
		}
		return stripped;
	}

	/** An ISO 3166 alpha-3 code, upper-cased; null stays null. */
	static String country(String code, Object... path) {
		if (code == null) {
			return null;
		}
		if (!COUNTRY.matcher(code.strip()).matches()) {
			throw ApiException.badInput("'" + code + "' is not an ISO 3166 alpha-3 country code (PAK, USA)", path);
		}
		return code.strip().toUpperCase(Locale.ROOT);
	}

	static ApiException notFound(String message, Object... path) {
		return new ApiException(ErrorCode.NOT_FOUND, message, List.of(path));
	}

	/** A path with one more step. */
	static Object[] path(Object[] base, Object... more) {
		Object[] path = new Object[base.length + more.length];
		System.arraycopy(base, 0, path, 0, base.length);
		System.arraycopy(more, 0, path, base.length, more.length);
		return path;
	}

}
