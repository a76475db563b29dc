package org.incidentintel.domain.security;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates, lists, revokes and checks API tokens.
 */
@Service
public class ApiTokens {

	private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{0,99}");

	private final ApiTokenRepository tokens;

	private final Clock clock;

	@Autowired
	public ApiTokens(ApiTokenRepository tokens) {
		this(tokens, Clock.systemUTC());
	}

	ApiTokens(ApiTokenRepository tokens, Clock clock) {
		this.tokens = tokens;
		this.clock = clock;
	}

	/**
	 * Creates a token; its text is returned here and never again.
	 * @throws IllegalArgumentException when the name is malformed or taken (also by a
	 * revoked token: names stay unique so the audit log stays unambiguous)
	 */
	@Transactional
	public IssuedToken create(String name, Role role) {
		if (name == null || !NAME.matcher(name).matches()) {
			throw new IllegalArgumentException("invalid token name '" + name
					+ "': 1 to 100 letters, digits, '.', '_', '@' or '-', starting with a letter or digit");
		}
		if (this.tokens.findByName(name).isPresent()) {
			throw new IllegalArgumentException("a token named '" + name
					+ "' exists already (names are never reused, even after a revocation): choose another name");
		}
		String token = TokenDigest.newToken();
		this.tokens.save(new ApiToken(name, role, TokenDigest.sha256(token), this.clock.instant()));
		return new IssuedToken(name, role, token);
	}

	/**
	 * Revokes a token: from now on it is refused.
	 * @return whether it was active (false when it was revoked already)
	 * @throws IllegalArgumentException when no token has that name
	 */
	@Transactional
	public boolean revoke(String name) {
		ApiToken token = this.tokens.findByName(name)
			.orElseThrow(() -> new IllegalArgumentException("no token named '" + name + "'"));
		if (token.isRevoked()) {
			return false;
		}
		token.revoke(this.clock.instant());
		return true;
	}

	/** Every token, revoked ones included, by name. */
	@Transactional(readOnly = true)
	public List<ApiToken> list() {
		return this.tokens.findAllByOrderByName();
	}

	/** The active token with this text; empty for an unknown or revoked one. */
	@Transactional(readOnly = true)
	public Optional<ApiToken> authenticate(String token) {
		return this.tokens.findByTokenHash(TokenDigest.sha256(token)).filter((found) -> !found.isRevoked());
	}

}
