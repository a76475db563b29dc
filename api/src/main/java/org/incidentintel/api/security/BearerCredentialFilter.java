package org.incidentintel.api.security;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates the {@code Authorization: Bearer ...} credential of a request
 * ({@link BearerCredentials}). The request goes on either way; the outcome is left as a
 * request attribute ({@link Credential}) for the GraphQL layer, which answers a refused
 * credential with an {@code UNAUTHENTICATED} GraphQL error (rather than a bare HTTP 401),
 * never as if it were anonymous.
 */
class BearerCredentialFilter extends OncePerRequestFilter {

	private final BearerCredentials credentials;

	BearerCredentialFilter(BearerCredentials credentials) {
		this.credentials = credentials;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String header = request.getHeader(HttpHeaders.AUTHORIZATION);
		if (header != null) {
			BearerCredentials.Outcome outcome = this.credentials.check(header, request.getRemoteAddr());
			request.setAttribute(Credential.ATTRIBUTE, outcome.credential());
			if (outcome.authentication() != null) {
				SecurityContext context = SecurityContextHolder.createEmptyContext();
				context.setAuthentication(outcome.authentication());
				SecurityContextHolder.setContext(context);
			}
		}
		chain.doFilter(request, response);
	}

}
