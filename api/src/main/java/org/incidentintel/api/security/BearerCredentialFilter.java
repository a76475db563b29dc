package org.incidentintel.api.security;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.incidentintel.domain.security.Role;
import org.incidentintel.domain.security.TokenDigest;

import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates the {@code Authorization: Bearer ...} credential of a request: an API
 * token ({@code iit_...}), or a JWT when an issuer is configured. The request goes on
 * either way; the outcome is left as a request attribute ({@link Credential}) for the
 * GraphQL layer, which answers a refused credential with an {@code UNAUTHENTICATED}
 * GraphQL error (rather than a bare HTTP 401), never as if it were anonymous.
 */
class BearerCredentialFilter extends OncePerRequestFilter {

	private static final String BEARER = "bearer ";

	private final AuthenticationManager authenticationManager;

	private final boolean jwtAccepted;

	BearerCredentialFilter(AuthenticationManager authenticationManager, boolean jwtAccepted) {
		this.authenticationManager = authenticationManager;
		this.jwtAccepted = jwtAccepted;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String header = request.getHeader(HttpHeaders.AUTHORIZATION);
		if (header != null) {
			Outcome outcome = check(header, request.getRemoteAddr());
			request.setAttribute(Credential.ATTRIBUTE, outcome.credential());
			if (outcome.authentication() != null) {
				SecurityContext context = SecurityContextHolder.createEmptyContext();
				context.setAuthentication(outcome.authentication());
				SecurityContextHolder.setContext(context);
			}
		}
		chain.doFilter(request, response);
	}

	private Outcome check(String header, String clientAddress) {
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
		this.logger.warn("Bearer credential not checked, the database is not available: " + ex.getMessage());
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

	private record Outcome(Credential credential, Authentication authentication) {

		static Outcome refused(String refusal) {
			return new Outcome(Credential.refused(refusal), null);
		}

	}

}
