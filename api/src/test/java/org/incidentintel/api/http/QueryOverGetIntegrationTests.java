package org.incidentintel.api.http;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import org.incidentintel.api.persisted.PersistedDocuments;
import org.incidentintel.api.testing.H2IntegrationTest;
import org.incidentintel.api.testing.TestDatabase;
import org.incidentintel.domain.reference.ReferenceDataLoader;
import org.incidentintel.domain.reference.ReferenceDataReader;
import org.incidentintel.domain.security.ApiTokens;
import org.incidentintel.domain.security.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Queries over GET, with their caching headers, and persisted queries named by their
 * hash, over real HTTP (the filters run in the servlet container, before Spring MVC).
 */
@H2IntegrationTest
class QueryOverGetIntegrationTests {

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String RUNS = "{ ingestRuns { totalCount } }";

	/** The cookbook's ingestRuns query, in the shipped manifest. */
	private static final String COOKBOOK_RUNS = "19618292d3fd5b59ca7de46989368d5a4634133eb12782c7370771c6a8713101";

	/** The cookbook's addAlias mutation, in the shipped manifest. */
	private static final String COOKBOOK_ADD_ALIAS = "fa60d06d0c4412f0857d6e5baabc51b8a3414c7f9c1b5ac4519da70b2699cfc6";

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ApiTokens tokens;

	@Autowired
	ReferenceDataLoader referenceData;

	@BeforeEach
	void emptyDatabase() {
		TestDatabase.clear(this.jdbc);
	}

	@Test
	void aQueryOverGetIsAnsweredWithCachingHeaders() {
		HttpResponse<String> response = send(get("?query=" + encode(RUNS)).build());

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(JsonPath.<Integer>read(response.body(), "$.data.ingestRuns.totalCount")).isZero();
		assertThat(response.headers().firstValue("Cache-Control")).contains("public, max-age=30");
		assertThat(response.headers().firstValue("ETag").orElse("")).startsWith("W/\"");
	}

	@Test
	void aMatchingETagIsNotModifiedUntilTheDataChanges() {
		String uri = "?query=" + encode("query Runs($first: Int) { ingestRuns(first: $first) { totalCount } }")
				+ "&variables=" + encode("{\"first\": 5}") + "&operationName=Runs";
		String etag = send(get(uri).build()).headers().firstValue("ETag").orElseThrow();

		HttpResponse<String> notModified = send(get(uri).header("If-None-Match", etag).build());
		assertThat(notModified.statusCode()).isEqualTo(304);
		assertThat(notModified.body()).isEmpty();
		assertThat(notModified.headers().firstValue("ETag")).contains(etag);

		HttpResponse<String> otherVariables = send(
				get(uri.replace(encode("{\"first\": 5}"), encode("{\"first\": 6}"))).header("If-None-Match", etag)
					.build());
		assertThat(otherVariables.statusCode()).isEqualTo(200);

		TestDatabase.incidentsChanged(this.jdbc);
		HttpResponse<String> changed = send(get(uri).header("If-None-Match", etag).build());
		assertThat(changed.statusCode()).isEqualTo(200);
		assertThat(changed.headers().firstValue("ETag")).isPresent().isNotEqualTo(java.util.Optional.of(etag));
	}

	@Test
	void aReferenceDataLoadChangesTheETag() {
		String uri = "?query=" + encode("{ dialogues { totalCount } }");
		HttpResponse<String> before = send(get(uri).build());
		assertThat(JsonPath.<Integer>read(before.body(), "$.data.dialogues.totalCount")).isZero();
		String etag = before.headers().firstValue("ETag").orElseThrow();

		// as the ETL's `reference` command loads it, in another process
		this.referenceData.load(new ReferenceDataReader().readClasspath());

		HttpResponse<String> after = send(get(uri).header("If-None-Match", etag).build());
		assertThat(after.statusCode()).isEqualTo(200);
		assertThat(JsonPath.<Integer>read(after.body(), "$.data.dialogues.totalCount")).isPositive();
		assertThat(after.headers().firstValue("ETag")).isPresent().isNotEqualTo(java.util.Optional.of(etag));
	}

	@Test
	void aUrlOverTheHeaderLimitIsAGraphQlErrorNamingTheLimit() {
		// a document padded past the 8 KB Tomcat reads of the request line and headers
		String query = "{ ingestRuns { totalCount } }" + " ".repeat(9000);

		HttpResponse<String> response = send(get("?query=" + encode(query)).build());

		assertThat(response.statusCode()).isEqualTo(414);
		// Tomcat stopped before the headers: no Accept read, so plain JSON
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/json"));
		assertThat(JsonPath.<String>read(response.body(), "$.errors[0].extensions.code")).isEqualTo("LIMIT_EXCEEDED");
		assertThat(JsonPath.<String>read(response.body(), "$.errors[0].extensions.limit"))
			.isEqualTo("server.max-http-request-header-size");
		assertThat(JsonPath.<Integer>read(response.body(), "$.errors[0].extensions.maximum")).isEqualTo(8192);
		assertThat(JsonPath.<String>read(response.body(), "$.errors[0].message")).contains("8192 bytes", "POST",
				"persisted query");
	}

	@Test
	void headersOverTheLimitAreAGraphQlErrorToo() {
		HttpResponse<String> response = send(
				get("?query=" + encode(RUNS)).header("X-Padding", "x".repeat(9000)).build());

		assertThat(response.statusCode()).isEqualTo(431);
		assertThat(JsonPath.<String>read(response.body(), "$.errors[0].extensions.code")).isEqualTo("LIMIT_EXCEEDED");
		assertThat(JsonPath.<String>read(response.body(), "$.errors[0].message"))
			.contains("server.max-http-request-header-size");
	}

	@Test
	void anAuthenticatedCallersAnswerIsPrivate() {
		String token = this.tokens.create("get-" + UUID.randomUUID(), Role.READER).token();

		HttpResponse<String> response = send(
				get("?query=" + encode(RUNS)).header("Authorization", "Bearer " + token).build());

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Cache-Control")).contains("private, max-age=30");
	}

	@Test
	void aMutationOverGetIsMethodNotAllowed() {
		HttpResponse<String> response = send(get("?query=" + encode(
				"mutation { addOrganizationAlias(input: { organization: \"x\", alias: \"y\" }) { clientMutationId } }"))
			.build());

		assertThat(response.statusCode()).isEqualTo(405);
		assertThat(response.headers().firstValue("Allow")).contains("POST");
		assertThat(JsonPath.<String>read(response.body(), "$.errors[0].extensions.code")).isEqualTo("BAD_USER_INPUT");
		assertThat(JsonPath.<String>read(response.body(), "$.errors[0].message")).contains("send a mutation with POST");

		HttpResponse<String> persisted = send(get("?extensions=" + encode(persistedQuery(COOKBOOK_ADD_ALIAS))).build());
		assertThat(persisted.statusCode()).isEqualTo(405);
	}

	@Test
	void theLimitsApplyToGetAndARefusalIsNotCached() {
		HttpResponse<String> response = send(get("?query=" + encode(
				"{ organizations(first: 100) { edges { node { dialogues(first: 100) { edges { node { date } } } } } } }"))
			.build());

		assertThat(JsonPath.<String>read(response.body(), "$.errors[0].extensions.code")).isEqualTo("LIMIT_EXCEEDED");
		assertThat(response.headers().firstValue("Cache-Control")).contains("no-store");
		assertThat(response.headers().firstValue("ETag")).isEmpty();
	}

	@Test
	void malformedVariablesAreBadUserInput() {
		HttpResponse<String> response = send(get("?query=" + encode(RUNS) + "&variables=" + encode("{oops")).build());

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(JsonPath.<String>read(response.body(), "$.errors[0].extensions.code")).isEqualTo("BAD_USER_INPUT");
	}

	@Test
	void aBrowserOnAnAllowedOriginMayUseGet() {
		HttpResponse<String> preflight = send(request("").method("OPTIONS", HttpRequest.BodyPublishers.noBody())
			.header("Origin", "http://localhost:5173")
			.header("Access-Control-Request-Method", "GET")
			.build());
		assertThat(preflight.statusCode()).isEqualTo(200);
		assertThat(preflight.headers().firstValue("Access-Control-Allow-Methods").orElse("")).contains("GET");

		HttpResponse<String> response = send(
				get("?query=" + encode(RUNS)).header("Origin", "http://localhost:5173").build());
		assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).contains("http://localhost:5173");
		HttpResponse<String> notModified = send(get("?query=" + encode(RUNS)).header("Origin", "http://localhost:5173")
			.header("If-None-Match", response.headers().firstValue("ETag").orElseThrow())
			.build());
		assertThat(notModified.statusCode()).isEqualTo(304);
		assertThat(notModified.headers().firstValue("Access-Control-Allow-Origin")).contains("http://localhost:5173");
	}

	@Test
	void anAutomaticPersistedQueryIsRegisteredThenRunByItsHashOverGet() {
		String document = "{ ingestRuns { totalCount edges { node { id } } } }";
		String hash = PersistedDocuments.sha256(document);
		Map<String, Object> hashOnly = Map.of("extensions", Map.of("persistedQuery", persisted(hash)));

		HttpResponse<String> unknown = send(post(hashOnly));
		assertThat(JsonPath.<String>read(unknown.body(), "$.errors[0].message")).isEqualTo("PersistedQueryNotFound");
		assertThat(JsonPath.<String>read(unknown.body(), "$.errors[0].extensions.code"))
			.isEqualTo("PERSISTED_QUERY_NOT_FOUND");

		Map<String, Object> withDocument = new LinkedHashMap<>(hashOnly);
		withDocument.put("query", document);
		HttpResponse<String> registered = send(post(withDocument));
		assertThat(JsonPath.<Integer>read(registered.body(), "$.data.ingestRuns.totalCount")).isZero();

		HttpResponse<String> overGet = send(get("?extensions=" + encode(persistedQuery(hash))).build());
		assertThat(overGet.statusCode()).isEqualTo(200);
		assertThat(JsonPath.<Integer>read(overGet.body(), "$.data.ingestRuns.totalCount")).isZero();
		assertThat(overGet.headers().firstValue("Cache-Control")).contains("public, max-age=30");
		assertThat(JsonPath.<Integer>read(send(post(hashOnly)).body(), "$.data.ingestRuns.totalCount")).isZero();
	}

	@Test
	void aHashThatIsNotTheDocumentsIsRefused() {
		HttpResponse<String> response = send(post(Map.of("query", RUNS, "extensions",
				Map.of("persistedQuery", persisted(PersistedDocuments.sha256("{ regions { totalCount } }"))))));

		assertThat(JsonPath.<String>read(response.body(), "$.errors[0].extensions.code")).isEqualTo("BAD_USER_INPUT");
		assertThat(JsonPath.<String>read(response.body(), "$.errors[0].message")).contains("is not the SHA-256");
	}

	@Test
	void theCookbooksDocumentsRunByTheirHashFromTheStart() {
		HttpResponse<String> response = send(get("?extensions=" + encode(persistedQuery(COOKBOOK_RUNS))).build());

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(JsonPath.<Integer>read(response.body(), "$.data.ingestRuns.totalCount")).isZero();
	}

	private static Map<String, Object> persisted(String hash) {
		return Map.of("version", 1, "sha256Hash", hash);
	}

	private static String persistedQuery(String hash) {
		return JSON.writeValueAsString(Map.of("persistedQuery", persisted(hash)));
	}

	private HttpRequest post(Map<String, Object> body) {
		return request("").header("Content-Type", "application/json")
			.header("Accept", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
			.build();
	}

	private HttpRequest.Builder get(String query) {
		return request(query).header("Accept", "application/graphql-response+json").GET();
	}

	private HttpRequest.Builder request(String query) {
		return HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/graphql" + query));
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	private static HttpResponse<String> send(HttpRequest request) {
		try {
			return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
