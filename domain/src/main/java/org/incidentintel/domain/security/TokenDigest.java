package org.incidentintel.domain.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Makes token texts and their digests. A token is {@value #PREFIX} followed by 32 random
 * bytes (256 bits, base64url): with that much entropy a plain SHA-256 is a safe way to
 * store it (no salt or slow hash is needed, unlike for passwords), and lookups stay one
 * indexed equality.
 */
public final class TokenDigest {

	/** Every API token starts with this, which tells it apart from a JWT. */
	public static final String PREFIX = "iit_";

	private static final SecureRandom RANDOM = new SecureRandom();

	private TokenDigest() {
	}

	/** A new random token text. */
	public static String newToken() {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	/** Whether a bearer credential has the shape of an API token (not of a JWT). */
	public static boolean looksLikeApiToken(String credential) {
		return credential.startsWith(PREFIX);
	}

	/** The SHA-256 of a token text, lower-case hex (64 characters). */
	public static String sha256(String token) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("every Java runtime has SHA-256", ex);
		}
	}

}
