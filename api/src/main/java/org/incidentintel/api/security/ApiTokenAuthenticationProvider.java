package org.incidentintel.api.security;

import org.incidentintel.domain.security.ApiTokens;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;

/**
 * Checks an API token against the stored digests; an unknown or revoked token is refused.
 */
class ApiTokenAuthenticationProvider implements AuthenticationProvider {

	private final ApiTokens tokens;

	ApiTokenAuthenticationProvider(ApiTokens tokens) {
		this.tokens = tokens;
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		String token = (String) authentication.getCredentials();
		return this.tokens.authenticate(token)
			.map((found) -> ApiTokenAuthentication.authenticated(found.getName(), found.getRole()))
			.orElseThrow(() -> new BadCredentialsException("the API token is unknown or revoked"));
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return ApiTokenAuthentication.class.isAssignableFrom(authentication);
	}

}
