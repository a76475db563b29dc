package org.incidentintel.api;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import org.incidentintel.api.testing.H2IntegrationTest;
import org.incidentintel.api.testing.TestDatabase;
import org.incidentintel.domain.security.ApiTokens;
import org.incidentintel.domain.security.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What operations relies on, over HTTP: health with the database (its components to
 * editors only), the Kubernetes probes, Prometheus metrics with GraphQL observations (to
 * token holders only, without server paths), and CORS for the configured origins only.
 */
@H2IntegrationTest
class OperationsIntegrationTests {

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ApiTokens tokens;

	// The module's H2 is shared; the metrics test counts the ingest runs of an empty one
	@BeforeEach
	void emptyDatabase() {
		TestDatabase.clear(this.jdbc);
	}

	@Test
	void healthIsUpWithTheDatabaseWhichItQueries() {
		HttpResponse<String> response = send(get("/actuator/health", token(Role.EDITOR)));

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(JsonPath.<String>read(response.body(), "$.status")).isEqualTo("UP");
		assertThat(JsonPath.<String>read(response.body(), "$.components.db.status")).isEqualTo("UP");
		assertThat(JsonPath.<String>read(response.body(), "$.components.db.details.validationQuery"))
			.contains("incident_statistics_state");
	}

	@Test
	void anonymousCallersAndReadersSeeOnlyTheStatusOfHealth() {
		for (HttpResponse<String> response : List.of(send(get("/actuator/health")),
				send(get("/actuator/health", token(Role.READER))))) {
			assertThat(response.statusCode()).isEqualTo(200);
			Map<String, Object> health = JsonPath.read(response.body(), "$");
			assertThat(health).containsEntry("status", "UP").doesNotContainKeys("components", "details");
		}
		assertThat(send(get("/actuator/health/db")).statusCode()).isEqualTo(404);
		assertThat(send(get("/actuator/health/diskSpace")).statusCode()).isEqualTo(404);
		assertThat(send(get("/actuator/health/db", token(Role.EDITOR))).statusCode()).isEqualTo(200);
	}

	@Test
	void livenessAndReadinessProbesAnswerTheDatabaseOnlyInReadiness() {
		HttpResponse<String> liveness = send(get("/actuator/health/liveness"));
		HttpResponse<String> readiness = send(get("/actuator/health/readiness"));
		assertThat(liveness.statusCode()).isEqualTo(200);
		assertThat(liveness.body()).isEqualTo("{\"status\":\"UP\"}");
		assertThat(readiness.statusCode()).isEqualTo(200);
		assertThat(readiness.body()).isEqualTo("{\"status\":\"UP\"}");

		String editor = token(Role.EDITOR);
		Map<String, Object> livenessComponents = JsonPath.read(send(get("/actuator/health/liveness", editor)).body(),
				"$.components");
		Map<String, Object> readinessComponents = JsonPath.read(send(get("/actuator/health/readiness", editor)).body(),
				"$.components");
		assertThat(livenessComponents).containsOnlyKeys("livenessState");
		assertThat(readinessComponents).containsOnlyKeys("readinessState", "db");
	}

	@Test
	void onlyHealthInfoAndPrometheusAreExposed() {
		assertThat(send(get("/actuator/info")).statusCode()).isEqualTo(200);
		assertThat(send(get("/actuator/env")).statusCode()).isEqualTo(404);
		assertThat(send(get("/actuator/beans")).statusCode()).isEqualTo(404);
	}

	@Test
	void graphQlRequestsAreTimedInPrometheus() {
		HttpResponse<String> query = send(request("/graphql").header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"query\":\"{ ingestRuns { totalCount } }\"}"))
			.build());
		assertThat(query.body()).contains("\"totalCount\":0");

		HttpResponse<String> metrics = send(get("/actuator/prometheus", token(Role.READER)));

		assertThat(metrics.statusCode()).isEqualTo(200);
		assertThat(metrics.body()).contains("graphql_request_seconds_count{", "graphql_datafetcher_seconds_count{",
				"http_server_requests_seconds_count{");
	}

	@Test
	void prometheusLabelsEachGraphQlOutcomeWithItsErrorCode() {
		String token = token(Role.READER);
		Map<String, String> outcomes = new LinkedHashMap<>();
		outcomes.put("{ ingestRuns { totalCount } }", "SUCCESS");
		outcomes.put("{ ingestRuns { totalCount }", "BAD_USER_INPUT");
		outcomes.put("{ noSuchField }", "BAD_USER_INPUT");
		outcomes.put("{ incidents(first: 500) { totalCount } }", "LIMIT_EXCEEDED");
		outcomes.put("{ " + "a: __typename ".repeat(101) + "}", "LIMIT_EXCEEDED");
		outcomes.put("{ organizations(first: 100) { edges { node { dialogues(first: 100) { totalCount } } } } }",
				"LIMIT_EXCEEDED");
		outcomes.put("mutation { addOrganizationAlias(input: { organization: \\\"T3JnYW5pemF0aW9uOjE=\\\", "
				+ "alias: \\\"x\\\" }) { clientMutationId } }", "UNAUTHENTICATED");

		outcomes.forEach((document, outcome) -> {
			Map<String, Double> before = outcomeCounts(send(get("/actuator/prometheus", token)).body());
			postQuery(document);
			Map<String, Double> after = outcomeCounts(send(get("/actuator/prometheus", token)).body());

			after.replaceAll((label, count) -> count - before.getOrDefault(label, 0.0));
			after.values().removeIf((increase) -> increase == 0);
			assertThat(after).as(document).containsExactly(Map.entry(outcome, 1.0));
		});
	}

	/** {@code graphql_request_seconds_count} by {@code graphql_outcome}. */
	private static Map<String, Double> outcomeCounts(String metrics) {
		Map<String, Double> counts = new LinkedHashMap<>();
		metrics.lines().filter((line) -> line.startsWith("graphql_request_seconds_count{")).forEach((line) -> {
			String outcome = line.replaceAll(".*graphql_outcome=\"([A-Z_]+)\".*", "$1");
			counts.merge(outcome, Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)), Double::sum);
		});
		return counts;
	}

	private void postQuery(String document) {
		send(request("/graphql").header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"query\":\"" + document + "\"}"))
			.build());
	}

	@Test
	void prometheusNeedsATokenAndNamesNoServerPath() {
		HttpResponse<String> anonymous = send(get("/actuator/prometheus"));
		assertThat(anonymous.statusCode()).isEqualTo(401);
		assertThat(anonymous.headers().firstValue("WWW-Authenticate").orElse("")).startsWith("Bearer");
		assertThat(anonymous.body()).doesNotContain("disk_free_bytes");
		assertThat(send(get("/actuator/prometheus", "iit_" + "x".repeat(43))).statusCode()).isEqualTo(401);

		HttpResponse<String> metrics = send(get("/actuator/prometheus", token(Role.READER)));
		assertThat(metrics.statusCode()).isEqualTo(200);
		assertThat(metrics.body()).contains("disk_free_bytes", "disk_total_bytes")
			.doesNotContain("path=")
			.doesNotContain(System.getProperty("user.dir"));
	}

	@Test
	void aConfiguredOriginMayCallTheApiFromABrowser() {
		HttpResponse<String> preflight = send(preflight("https://app.example.org"));

		assertThat(preflight.statusCode()).isEqualTo(200);
		assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).contains("https://app.example.org");
		assertThat(preflight.headers().firstValue("Access-Control-Allow-Methods").orElse("")).contains("POST");
		assertThat(send(preflight("http://localhost:5173")).statusCode()).isEqualTo(200);
	}

	@Test
	void anyOtherOriginIsRefused() {
		HttpResponse<String> preflight = send(preflight("https://elsewhere.example.com"));

		assertThat(preflight.statusCode()).isEqualTo(403);
		assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
	}

	private HttpRequest preflight(String origin) {
		return request("/graphql").method("OPTIONS", HttpRequest.BodyPublishers.noBody())
			.header("Origin", origin)
			.header("Access-Control-Request-Method", "POST")
			.header("Access-Control-Request-Headers", "content-type")
			.build();
	}

	private HttpRequest get(String path) {
		return request(path).GET().build();
	}

	private HttpRequest get(String path, String token) {
		return request(path).header("Authorization", "Bearer " + token).GET().build();
	}

	private String token(Role role) {
		return this.tokens.create("operations-" + role.name().toLowerCase(Locale.ROOT) + "-" + UUID.randomUUID(), role)
			.token();
	}

	private HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path));
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
