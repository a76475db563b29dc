package org.incidentintel.api.security;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.incidentintel.domain.security.Role;
import org.incidentintel.domain.security.TokenDigest;

import org.springframework.dao.DataAccessException;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;

/**
 * Checks a {@code Bearer ...} credential: an API token ({@code iit_...}), or a JWT when
 * an issuer is configured. The one home of that check for every transport: the HTTP
 * header ({@link BearerCredentialFilter}) and a WebSocket's {@code connection_init}
 * ({@link WebSocketCredentialInterceptor}).
 */
class BearerCredentials {

	private static final Log logger = LogFactory.getLog(BearerCredentials.class);

	private static final String BEARER = "bearer ";

	private final AuthenticationManager authenticationManager;

	private final boolean jwtAccepted;

	BearerCredentials(AuthenticationManager authenticationManager, boolean jwtAccepted) {
		this.authenticationManager = authenticationManager;
		this.jwtAccepted = jwtAccepted;
	}

	/**
	 * What the credential comes to.
	 * @param header the value of an {@code Authorization} header ({@code Bearer <token>})
	 * @param clientAddress the client's IP address, if known
	 */
	Outcome check(String header, String clientAddress) {
		if (header.length() <= BEARER.length() || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
			return Outcome.refused("The Authorization header must be 'Bearer <token>'.");
		}
		String token = header.substring(BEARER.length()).strip();
		Authentication request;
		if (TokenDigest.looksLikeApiToken(token)) {
			request = ApiTokenAuthentication.unauthenticated(token);
		}
		else if (this.jwtAccepted) {
			request = new BearerTokenAuthenticationToken(token);
		}
		else {
			return Outcome.refused("The bearer token is not an API token of this server.");
		}
		try {
			Authentication authenticated = this.authenticationManager.authenticate(request);
			return new Outcome(Credential.accepted(caller(authenticated, clientAddress)), authenticated);
		}
		catch (AuthenticationException ex) {
			return Outcome.refused((request instanceof ApiTokenAuthentication) ? "The API token is unknown or revoked."
					: "The bearer token was refused: " + ex.getMessage());
		}
		catch (DataAccessException ex) {
			return uncheckable(ex);
		}
	}

	/**
	 * The tokens are in the database: while it is down the request goes on
	 * unauthenticated (health shows its status only, Prometheus answers 401) and GraphQL
	 * answers {@code UNAVAILABLE}.
	 */
	private Outcome uncheckable(DataAccessException ex) {
		logger.warn("Bearer credential not checked, the database is not available: " + ex.getMessage());
		return new Outcome(Credential.uncheckable(), null);
	}

	private static Caller caller(Authentication authentication, String clientAddress) {
		if (authentication instanceof ApiTokenAuthentication token) {
			return new Caller(token.getName(), Caller.Kind.TOKEN, token.role(), clientAddress);
		}
		boolean editor = false;
		for (GrantedAuthority authority : authentication.getAuthorities()) {
			editor |= ("ROLE_" + Role.EDITOR.name()).equals(authority.getAuthority());
		}
		return new Caller(authentication.getName(), Caller.Kind.JWT, editor ? Role.EDITOR : Role.READER, clientAddress);
	}

	/**
	 * A checked credential.
	 *
	 * @param credential what it came to
	 * @param authentication Spring Security's authentication, when accepted
	 */
	record Outcome(Credential credential, Authentication authentication) {

		static Outcome refused(String refusal) {
			return new Outcome(Credential.refused(refusal), null);
		}

	}

}
