package org.incidentintel.api.relay;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.incidentintel.api.error.ApiException;

/**
 * An opaque, global id: the GraphQL type and the database id, base64url-encoded
 * ({@code Incident:42}). Clients must not take it apart; the server decodes it.
 */
public record GlobalId(String type, long id) {

	public String encode() {
		return Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString((this.type + ":" + this.id).getBytes(StandardCharsets.UTF_8));
	}

	public static String of(String type, long id) {
		return new GlobalId(type, id).encode();
	}

	/**
	 * Decodes any global id; a malformed one is a {@code BAD_USER_INPUT} error on the
	 * argument.
	 */
	public static GlobalId decode(String value, String argument) {
		try {
			String text = new String(Base64.getUrlDecoder().decode(value), StandardCharsets.UTF_8);
			int colon = text.indexOf(':');
			if (colon > 0) {
				return new GlobalId(text.substring(0, colon), Long.parseLong(text.substring(colon + 1)));
			}
		}
		catch (IllegalArgumentException ex) {
			// falls through to the error below (NumberFormatException is one)
		}
		throw ApiException.badInput("'" + value + "' is not an id of this API", argument);
	}

	/** Decodes an id that must be of the given type. */
	public static long decode(String value, String expectedType, String argument) {
		GlobalId id = decode(value, argument);
		if (!id.type().equals(expectedType)) {
			throw ApiException.badInput("'" + value + "' is the id of a " + id.type() + ", not of a " + expectedType,
					argument);
		}
		return id.id();
	}

}
