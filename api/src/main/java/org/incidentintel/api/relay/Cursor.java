package org.incidentintel.api.relay;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

import org.incidentintel.api.error.ApiException;

/**
 * An opaque cursor holding the keyset values of a row (its sort keys and its id), so a
 * page after it stays right while new rows arrive. Values are joined with a unit
 * separator and base64url-encoded.
 */
public final class Cursor {

	private static final String SEPARATOR = "\u001f";

	private Cursor() {
	}

	public static String encode(List<String> values) {
		return Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString(String.join(SEPARATOR, values).getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * The keyset values; a cursor from elsewhere is a {@code BAD_USER_INPUT} on the
	 * argument.
	 */
	public static List<String> decode(String cursor, int expectedValues, String argument) {
		try {
			String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
			List<String> values = Arrays.asList(text.split(SEPARATOR, -1));
			if (values.size() == expectedValues) {
				return values;
			}
		}
		catch (IllegalArgumentException ex) {
			// falls through
		}
		throw ApiException.badInput("'" + cursor + "' is not a cursor of this list (cursors are only valid for the "
				+ "same field and order they came from)", argument);
	}

}
