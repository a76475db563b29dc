package org.incidentintel.api.security;

import java.util.List;

import org.incidentintel.domain.security.Role;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * An API token: before authentication it holds the token text, after it the token's name
 * and role (as the authority {@code ROLE_EDITOR} or {@code ROLE_READER}).
 */
final class ApiTokenAuthentication extends AbstractAuthenticationToken {

	private final String token;

	private final String name;

	private final Role role;

	private ApiTokenAuthentication(String token, String name, Role role) {
		super((role != null) ? List.of(new SimpleGrantedAuthority("ROLE_" + role.name())) : List.of());
		this.token = token;
		this.name = name;
		this.role = role;
		setAuthenticated(role != null);
	}

	static ApiTokenAuthentication unauthenticated(String token) {
		return new ApiTokenAuthentication(token, null, null);
	}

	static ApiTokenAuthentication authenticated(String name, Role role) {
		return new ApiTokenAuthentication(null, name, role);
	}

	Role role() {
		return this.role;
	}

	@Override
	public Object getCredentials() {
		return this.token;
	}

	@Override
	public Object getPrincipal() {
		return this.name;
	}

	@Override
	public String getName() {
		return this.name;
	}

}
