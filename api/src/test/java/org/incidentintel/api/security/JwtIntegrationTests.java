package org.incidentintel.api.security;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.KeyPair;
import java.security.interfaces.RSAPrivateKey;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.incidentintel.domain.common.NameKey;
import org.incidentintel.api.relay.GlobalId;
import org.junit.jupiter.api.Test;
import org.incidentintel.api.testing.H2IntegrationTest;
import org.incidentintel.api.testing.TestJwtIssuer;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * JWTs from an OAuth2 issuer, over HTTP on an in-memory H2: the issuer is
 * {@link TestJwtIssuer}, a key pair whose public key the resource server is given as the
 * JwtDecoder Spring Boot would build from {@code issuer-uri}.
 */
@H2IntegrationTest
class JwtIntegrationTests {

	// The key pair of the shared context's issuer: its JwtDecoder verifies with the
	// public key
	private static final KeyPair KEYS = TestJwtIssuer.KEYS;

	private static final String ADD_ALIAS = """
			mutation($input: AddOrganizationAliasInput!) {
			  addOrganizationAlias(input: $input) { alias { name } }
			}
			""";

	@Autowired
	HttpGraphQlTester graphQl;

	@Autowired
	JdbcTemplate jdbc;

	@LocalServerPort
	int port;

	@Test
	void anEditorsJwtSeesTheComponentsOfHealthAViewersOnlyItsStatus() throws Exception {
		HttpResponse<String> editor = health(jwt("curator@example.org", List.of("editor"), KEYS, 3600));
		HttpResponse<String> viewer = health(jwt("viewer@example.org", List.of("viewer"), KEYS, 3600));

		assertThat(editor.statusCode()).isEqualTo(200);
		assertThat(editor.body()).contains("\"components\"", "\"db\"");
		assertThat(viewer.statusCode()).isEqualTo(200);
		assertThat(viewer.body()).contains("\"status\":\"UP\"").doesNotContain("\"components\"");
	}

	private HttpResponse<String> health(String jwt) throws IOException, InterruptedException {
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/actuator/health"))
				.header("Authorization", "Bearer " + jwt)
				.build(), HttpResponse.BodyHandlers.ofString());
	}

	@Test
	void anEditorsJwtMaySignAMutationAndTheAuditLogNamesItsSubject() throws Exception {
		String organization = organization("test-jwt-front", "Test JWT Front");
		HttpGraphQlTester editor = as(jwt("curator@example.org", List.of("viewer", "editor"), KEYS, 3600));

		editor.document(ADD_ALIAS)
			.variable("input", Map.of("organization", organization, "alias", "Test JWT Movement"))
			.execute()
			.path("addOrganizationAlias.alias.name")
			.entity(String.class)
			.isEqualTo("Test JWT Movement");

		GraphQlTester.Response log = editor
			.document("query($t: ID) { auditLog(filter: {target: $t}) { edges { node { actor actorKind } } } }")
			.variable("t", organization)
			.execute();
		log.path("auditLog.edges[0].node.actor").entity(String.class).isEqualTo("curator@example.org");
		log.path("auditLog.edges[0].node.actorKind").entity(String.class).isEqualTo("JWT");
	}

	@Test
	void aReadersJwtIsForbiddenAndAnExpiredOrForeignJwtIsUnauthenticated() throws Exception {
		String organization = organization("test-jwt-other", "Test JWT Other");
		Map<String, Object> input = Map.of("organization", organization, "alias", "Test JWT Other Name");

		ResponseError reader = singleError(
				as(jwt("viewer@example.org", List.of("viewer"), KEYS, 3600)).document(ADD_ALIAS)
					.variable("input", input)
					.execute());
		assertThat(reader.getExtensions()).containsEntry("code", "FORBIDDEN");
		assertThat(reader.getMessage())
			.isEqualTo("The JWT of 'viewer@example.org' is a reader's; a mutation needs an editor's credential.");

		ResponseError expired = singleError(
				as(jwt("curator@example.org", List.of("editor"), KEYS, -60)).document(ADD_ALIAS)
					.variable("input", input)
					.execute());
		assertThat(expired.getExtensions()).containsEntry("code", "UNAUTHENTICATED");
		assertThat(expired.getMessage()).startsWith("The bearer token was refused");

		ResponseError foreign = singleError(
				as(jwt("curator@example.org", List.of("editor"), TestJwtIssuer.keyPair(), 3600))
					.document("{ organizations { totalCount } }")
					.execute());
		assertThat(foreign.getExtensions()).containsEntry("code", "UNAUTHENTICATED");

		assertThat(this.jdbc.queryForObject("select count(*) from organization_alias where normalized_key = ?",
				Long.class, NameKey.of("Test JWT Other Name")))
			.isZero();
	}

	private String organization(String key, String name) {
		this.jdbc.update("insert into organization (ref_key, name, kind) values (?, ?, 'MILITANT_GROUP')", key, name);
		long id = this.jdbc.queryForObject("select id from organization where ref_key = ?", Long.class, key);
		return GlobalId.of("Organization", id);
	}

	private HttpGraphQlTester as(String token) {
		return this.graphQl.mutate().header("Authorization", "Bearer " + token).build();
	}

	private static String jwt(String subject, List<String> roles, KeyPair keys, long validForSeconds)
			throws JOSEException {
		Instant now = Instant.now();
		JWTClaimsSet claims = new JWTClaimsSet.Builder().subject(subject)
			.issuer("https://login.example.org")
			.issueTime(Date.from(now.minusSeconds(120)))
			.expirationTime(Date.from(now.plusSeconds(validForSeconds)))
			.claim("roles", roles)
			.build();
		SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims);
		jwt.sign(new RSASSASigner((RSAPrivateKey) keys.getPrivate()));
		return jwt.serialize();
	}

	private static ResponseError singleError(GraphQlTester.Response response) {
		ResponseError[] found = new ResponseError[1];
		response.errors().satisfy((errors) -> {
			assertThat(errors).hasSize(1);
			found[0] = errors.get(0);
		});
		return found[0];
	}

}
