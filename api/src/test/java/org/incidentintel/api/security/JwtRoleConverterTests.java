package org.incidentintel.api.security;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

import static org.assertj.core.api.Assertions.assertThat;

class JwtRoleConverterTests {

	private final JwtRoleConverter converter = new JwtRoleConverter(new SecurityProperties(false, "roles", "editor"));

	@Test
	void theEditorValueInTheRoleClaimMakesAnEditorNamedByTheSubject() {
		assertThat(authorities(jwt(Map.of("roles", List.of("viewer", "Editor"))))).containsExactly("ROLE_EDITOR");
		assertThat(authorities(jwt(Map.of("roles", "viewer editor")))).containsExactly("ROLE_EDITOR");
		assertThat(this.converter.convert(jwt(Map.of("roles", "editor"))).getName()).isEqualTo("curator@example.org");
	}

	@Test
	void anyOtherValidJwtIsAReader() {
		assertThat(authorities(jwt(Map.of("roles", List.of("editors"))))).containsExactly("ROLE_READER");
		assertThat(authorities(jwt(Map.of("scope", "editor")))).containsExactly("ROLE_READER");
	}

	@Test
	void accessMessagesSayWhatIsNeeded() {
		Caller anonymous = Caller.anonymous("127.0.0.1");
		Caller reader = new Caller("ci", Caller.Kind.TOKEN, org.incidentintel.domain.security.Role.READER, null);

		assertThat(Access.message(anonymous, org.incidentintel.domain.security.Role.EDITOR, "a mutation"))
			.isEqualTo("A mutation needs an editor's credential: send the header 'Authorization: Bearer <token>'.");
		assertThat(Access.message(reader, org.incidentintel.domain.security.Role.EDITOR, "the audit log"))
			.isEqualTo("The token 'ci' is a reader's; the audit log needs an editor's credential.");
		assertThat(anonymous.rateLimitKey()).isEqualTo("address:127.0.0.1");
		assertThat(reader.rateLimitKey()).isEqualTo("token:ci");
	}

	private List<String> authorities(Jwt jwt) {
		return this.converter.convert(jwt).getAuthorities().stream().map(GrantedAuthority::getAuthority).toList();
	}

	private static Jwt jwt(Map<String, Object> claims) {
		Jwt.Builder builder = Jwt.withTokenValue("token")
			.header("alg", "RS256")
			.subject("curator@example.org")
			.issuedAt(Instant.parse("2026-01-01T00:00:00Z"))
			.expiresAt(Instant.parse("2026-01-01T01:00:00Z"));
		claims.forEach(builder::claim);
		return builder.build();
	}

}
