package org.incidentintel.api.curation;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.incidentintel.api.error.ApiException;
import org.incidentintel.api.error.ErrorCode;

/**
 * Input checks whose errors name the path of the value at fault, and the bounds of every
 * curation input (curation.graphqls states each one in the field's description). They
 * need no database: the mutations run them before their transaction starts.
 * <p>
 * Text is refused when it holds a control character (Unicode category Cc, e.g. NUL) or
 * half of a surrogate pair; free text ({@link #freeText}: summaries, notes) may hold line
 * breaks and tabs. Format characters (Cf) are allowed: zero-width joiners belong to names
 * written in Arabic or Urdu script.
 */
final class Checks {

	/** {@code clientMutationId}: echoed in the payload. */
	static final int CLIENT_MUTATION_ID = 100;

	/** A global id; the longest the API makes is about 30 characters. */
	static final int ID = 100;

	/** A dialogue round's title, as the column holds it. */
	static final int TITLE = 300;

	static final int LOCATION = 200;

	static final int FORMAT = 100;

	/** A round's summary (free text); a paragraph or two, not a report. */
	static final int SUMMARY = 4000;

	static final int TOPIC = 500;

	static final int DELEGATE_NAME = 200;

	static final int DELEGATE_TITLE = 300;

	static final int DELEGATE_ROLE = 100;

	static final int COMMITMENT_DESCRIPTION = 1000;

	static final int COMMITMENT_UNIT = 200;

	/** A source document's key, as the column holds it. */
	static final int SOURCE_KEY = 80;

	static final int ALIAS = 300;

	/** An alias's note (free text). */
	static final int ALIAS_NOTE = 500;

	/** A source record's dataset and id, as the columns hold them. */
	static final int DATASET = 60;

	static final int RECORD_ID = 200;

	/** The note of a split or merge of incidents (free text). */
	static final int DECISION_NOTE = 1000;

	// The lists of a dialogue round: well above any real round (the reference data has at
	// most 6 topics), low enough that one round stays small in the audit log
	static final int PARTIES = 50;

	static final int DELEGATES = 100;

	static final int TOPICS = 50;

	static final int THREATS = 50;

	static final int COMMITMENTS = 100;

	static final int SOURCES = 50;

	private static final Pattern COUNTRY = Pattern.compile("[A-Za-z]{3}");

	private Checks() {
	}

	/** The text stripped; an error when it is missing, blank or not {@link #optional}. */
	static String required(String text, String what, int max, Object... path) {
		if (text == null || text.isBlank()) {
			throw ApiException.badInput(what + " must not be blank", path);
		}
		return optional(text, max, path);
	}

	/**
	 * The text stripped, null when blank; an error when longer than {@code max} or when
	 * it holds a control character.
	 */
	static String optional(String text, int max, Object... path) {
		return checked(text, max, false, path);
	}

	/** As {@link #optional}, but line breaks and tabs are allowed. */
	static String freeText(String text, int max, Object... path) {
		return checked(text, max, true, path);
	}

	private static String checked(String text, int max, boolean lines, Object... path) {
		if (text == null) {
			return null;
		}
		// the length first: no more work, and no message quoting, for a huge value
		String stripped = text.strip();
		if (stripped.length() > max) {
			throw ApiException.badInput("at most " + String.format(Locale.ROOT, "%,d", max)
					+ " characters are allowed, got " + String.format(Locale.ROOT, "%,d", stripped.length()), path);
		}
		for (int i = 0; i < stripped.length(); i++) {
			char c = stripped.charAt(i);
			boolean control = Character.getType(c) == Character.CONTROL
					&& !(lines && (c == '\n' || c == '\r' || c == '\t'));
			if (control) {
				throw ApiException.badInput(
						String.format(Locale.ROOT, "control characters are not allowed%s; found U+%04X at offset %d",
								lines ? " (besides line breaks and tabs)" : "", (int) c, i),
						path);
			}
			if (Character.isSurrogate(c)) {
				boolean paired = Character.isHighSurrogate(c) && i + 1 < stripped.length()
						&& Character.isLowSurrogate(stripped.charAt(i + 1));
				if (!paired) {
					throw ApiException.badInput(String.format(Locale.ROOT,
							"half a surrogate pair (U+%04X) at offset %d is not allowed", (int) c, i), path);
				}
				i++;
			}
		}
		return stripped.isEmpty() ? null : stripped;
	}

	/** An ISO 3166 alpha-3 code, upper-cased; null stays null. */
	static String country(String code, Object... path) {
		if (code == null) {
			return null;
		}
		String stripped = code.strip();
		if (!COUNTRY.matcher(stripped).matches()) {
			String shown = (stripped.length() <= 20) ? "'" + stripped + "'"
					: "a value of " + stripped.length() + " characters";
			throw ApiException.badInput(shown + " is not an ISO 3166 alpha-3 country code (PAK, USA)", path);
		}
		return stripped.toUpperCase(Locale.ROOT);
	}

	/**
	 * The list, empty when null; an error on the list's path when it has more than
	 * {@code max} items.
	 */
	static <T> List<T> list(List<T> items, int max, Object... path) {
		if (items == null) {
			return List.of();
		}
		if (items.size() > max) {
			throw ApiException.badInput("at most " + String.format(Locale.ROOT, "%,d", max) + " items are allowed, got "
					+ String.format(Locale.ROOT, "%,d", items.size()), path);
		}
		return items;
	}

	/**
	 * Refuses a key that an earlier item has too (a repeated id would be stored once,
	 * silently); the error's path is the list's path and the repeat's index.
	 * @param keys what makes two items the same (e.g. the decoded ids), in the input's
	 * order
	 * @param what what a key names, for the message
	 * @param path the list's path
	 */
	static void distinct(List<?> keys, String what, Object... path) {
		Map<Object, Integer> seen = new HashMap<>();
		for (int i = 0; i < keys.size(); i++) {
			Integer first = seen.putIfAbsent(keys.get(i), i);
			if (first != null) {
				throw ApiException.badInput(
						"items " + first + " and " + i + " are the same " + what + "; give each once", path(path, i));
			}
		}
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
