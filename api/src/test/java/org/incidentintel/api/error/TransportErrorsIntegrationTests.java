package org.incidentintel.api.error;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import com.jayway.jsonpath.JsonPath;
import org.incidentintel.api.testing.H2IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests Spring for GraphQL cannot read are answered, over real HTTP, with a
 * GraphQL-over-HTTP error body ({@code errors[0].message}, {@code extensions.code}) and
 * the spec's status, never with Spring's {@code {"timestamp":…,"error":"Bad Request"}}.
 */
@H2IntegrationTest
class TransportErrorsIntegrationTests {

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private static final String JSON = "application/json";

	private static final String GRAPHQL_RESPONSE = "application/graphql-response+json";

	private static final String QUERY = "{\"query\": \"{ __typename }\"}";

	@LocalServerPort
	int port;

	@Test
	void malformedJsonIs400WithWhereItBroke() throws Exception {
		HttpResponse<String> response = post("{\"query\": \"{ ingestRuns { totalCount } }\"", JSON, JSON);

		assertGraphQlError(response, 400, JSON);
		assertThat(message(response)).startsWith("The request body is not valid JSON (line 1, column");
	}

	@Test
	void anEmptyObjectIs400NamingTheMissingQuery() throws Exception {
		HttpResponse<String> response = post("{}", JSON, JSON);

		assertGraphQlError(response, 400, JSON);
		assertThat(message(response)).startsWith("The request has no \"query\".");
	}

	@Test
	void aBatchIs400SayingBatchesAreNotAccepted() throws Exception {
		HttpResponse<String> response = post("[{\"query\": \"{ __typename }\"}, {\"query\": \"{ __typename }\"}]", JSON,
				JSON);

		assertGraphQlError(response, 400, JSON);
		assertThat(message(response)).contains("batches (a JSON array) are not accepted");
	}

	@Test
	void aScalarOrEmptyBodyIs400() throws Exception {
		assertGraphQlError(post("\"{ __typename }\"", JSON, JSON), 400, JSON);
		HttpResponse<String> empty = post("", JSON, JSON);
		assertGraphQlError(empty, 400, JSON);
		assertThat(message(empty)).startsWith("The request body is empty.");
	}

	@Test
	void aBodyThatIsNotJsonIs415() throws Exception {
		for (String contentType : new String[] { "text/plain", "application/xml", "garbage" }) {
			HttpResponse<String> response = post(QUERY, contentType, JSON);

			assertGraphQlError(response, 415, JSON);
			assertThat(message(response)).contains("Content-Type: application/json");
		}
	}

	@Test
	void aBodyWithoutContentTypeIs415() throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/graphql"))
			.POST(HttpRequest.BodyPublishers.ofString(QUERY))
			.build();
		HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());

		assertGraphQlError(response, 415, JSON);
		assertThat(message(response)).startsWith("The request has no Content-Type.");
	}

	@Test
	void anAnswerTheClientDoesNotAcceptIs406() throws Exception {
		assertGraphQlError(post(QUERY, JSON, "text/html"), 406, JSON);
	}

	@Test
	void anyAcceptThatAllowsJsonIsServed() throws Exception {
		for (String accept : new String[] { "*/*", "application/*", GRAPHQL_RESPONSE, "text/html, */*;q=0.1" }) {
			assertThat(post(QUERY, JSON, accept).statusCode()).as(accept).isEqualTo(200);
		}
		assertThat(post(QUERY, JSON + "; charset=utf-8", JSON).statusCode()).isEqualTo(200);
		assertThat(post(QUERY, "application/graphql", JSON).statusCode()).isEqualTo(200);
	}

	@Test
	void theBodyIsInTheMediaTypeTheClientAccepts() throws Exception {
		HttpResponse<String> response = post("{}", JSON, GRAPHQL_RESPONSE + ", application/json;q=0.9");

		assertGraphQlError(response, 400, GRAPHQL_RESPONSE);
	}

	@Test
	void aValidRequestStillRuns() throws Exception {
		HttpResponse<String> response = post(QUERY, JSON, JSON);

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(JsonPath.<String>read(response.body(), "$.data.__typename")).isEqualTo("Query");
	}

	private static void assertGraphQlError(HttpResponse<String> response, int status, String mediaType) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith(mediaType);
		assertThat(response.body()).doesNotContain("timestamp", "Exception");
		assertThat(JsonPath.<Integer>read(response.body(), "$.errors.length()")).isEqualTo(1);
		assertThat(JsonPath.<String>read(response.body(), "$.errors[0].extensions.code")).isEqualTo("BAD_USER_INPUT");
		assertThat(response.body()).doesNotContain("\"data\"");
	}

	private static String message(HttpResponse<String> response) {
		return JsonPath.read(response.body(), "$.errors[0].message");
	}

	private HttpResponse<String> post(String body, String contentType, String accept) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/graphql"))
			.header("Content-Type", contentType)
			.header("Accept", accept)
			.timeout(Duration.ofSeconds(30))
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
		return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
	}

}
