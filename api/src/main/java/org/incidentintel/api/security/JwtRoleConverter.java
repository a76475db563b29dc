package org.incidentintel.api.security;

import java.util.Collection;
import java.util.List;
import java.util.stream.Stream;

import org.incidentintel.domain.security.Role;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Maps a JWT to a role: an editor when its role claim (a list, or a string of space- or
 * comma-separated values) holds the editor value, else a reader. The caller's name is the
 * subject.
 */
class JwtRoleConverter implements Converter<Jwt, AbstractAuthenticationToken> {

	private final String claim;

	private final String editorValue;

	JwtRoleConverter(SecurityProperties properties) {
		this.claim = properties.jwtRoleClaim();
		this.editorValue = properties.jwtEditorRole();
	}

	@Override
	public AbstractAuthenticationToken convert(Jwt jwt) {
		Role role = values(jwt.getClaims().get(this.claim)).anyMatch(this.editorValue::equalsIgnoreCase) ? Role.EDITOR
				: Role.READER;
		return new JwtAuthenticationToken(jwt, List.of(new SimpleGrantedAuthority("ROLE_" + role.name())),
				jwt.getSubject());
	}

	private static Stream<String> values(Object claim) {
		if (claim instanceof Collection<?> values) {
			return values.stream().map(String::valueOf);
		}
		return (claim != null) ? Stream.of(claim.toString().split("[\\s,]+")) : Stream.empty();
	}

}
