package org.incidentintel.api.faults;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import com.jayway.jsonpath.JsonPath;
import tools.jackson.databind.json.JsonMapper;

/**
 * Posts GraphQL documents to a running API over real HTTP and reads what came back: the
 * status, the latency, {@code data} and the errors with their codes.
 */
final class GraphQlHttp {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final String baseUrl;

	GraphQlHttp(int port) {
		this.baseUrl = "http://localhost:" + port;
	}

	/**
	 * Posts a document; a transport failure (or no answer within 30 s) is an answer too.
	 */
	Answer post(String document) {
		return post(document, null);
	}

	/** Posts a document with a bearer token (null: none). */
	Answer post(String document, String token) {
		String body = JSON.writeValueAsString(Map.of("query", document));
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(this.baseUrl + "/graphql"))
			.header("Content-Type", "application/json")
			.header("Accept", "application/json")
			.timeout(Duration.ofSeconds(30))
			.POST(HttpRequest.BodyPublishers.ofString(body));
		if (token != null) {
			builder.header("Authorization", "Bearer " + token);
		}
		HttpRequest request = builder.build();
		long start = System.nanoTime();
		try {
			HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
			return new Answer(start, System.nanoTime() - start, response.statusCode(), response.body(), null);
		}
		catch (IOException ex) {
			return new Answer(start, System.nanoTime() - start, 0, null, ex.toString());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return new Answer(start, System.nanoTime() - start, 0, null, ex.toString());
		}
	}

	/** GETs a path (an actuator endpoint). */
	Answer get(String path) {
		return get(path, null);
	}

	/** GETs a path with a bearer token (null: none). */
	Answer get(String path, String token) {
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(this.baseUrl + path))
			.timeout(Duration.ofSeconds(30))
			.GET();
		if (token != null) {
			builder.header("Authorization", "Bearer " + token);
		}
		HttpRequest request = builder.build();
		long start = System.nanoTime();
		try {
			HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
			return new Answer(start, System.nanoTime() - start, response.statusCode(), response.body(), null);
		}
		catch (IOException ex) {
			return new Answer(start, System.nanoTime() - start, 0, null, ex.toString());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return new Answer(start, System.nanoTime() - start, 0, null, ex.toString());
		}
	}

	/**
	 * One answer.
	 *
	 * @param startNanos when the request was sent ({@link System#nanoTime()})
	 * @param nanos how long the answer took
	 * @param status the HTTP status, 0 when none came
	 * @param body the body, null when none came
	 * @param failure the transport failure, null when an answer came
	 */
	record Answer(long startNanos, long nanos, int status, String body, String failure) {

		long millis() {
			return Duration.ofNanos(this.nanos).toMillis();
		}

		<T> T read(String path) {
			try {
				return JsonPath.read(this.body, path);
			}
			catch (com.jayway.jsonpath.PathNotFoundException ex) {
				return null;
			}
		}

		/** The response's {@code data}, null when absent or null. */
		Object data() {
			return (this.body != null) ? read("$.data") : null;
		}

		/** The errors, each as a map; empty when none. */
		List<Map<String, Object>> errors() {
			List<Map<String, Object>> errors = (this.body != null) ? read("$.errors") : null;
			return (errors != null) ? errors : List.of();
		}

		/**
		 * The {@code extensions.code} of each error, in order; {@code "<none>"} for an
		 * error without one.
		 */
		List<String> codes() {
			return errors().stream().map((error) -> {
				Object extensions = error.get("extensions");
				Object code = (extensions instanceof Map<?, ?> map) ? map.get("code") : null;
				return Objects.toString(code, "<none>");
			}).toList();
		}

		/**
		 * Whether an error names an exception, a stack frame, SQL or the connection pool
		 * (the data may well hold words such as "from").
		 */
		boolean errorsLeakInternals() {
			String errors = JSON.writeValueAsString(errors());
			String lower = errors.toLowerCase(Locale.ROOT);
			return errors.contains("Exception") || errors.contains("\tat ") || errors.contains("at org.")
					|| lower.contains("select ") || lower.contains(" from ") || lower.contains("insert into")
					|| lower.contains("jdbc") || lower.contains("hikari") || lower.contains("sql");
		}

		@Override
		public String toString() {
			Map<String, Object> shown = new LinkedHashMap<>();
			shown.put("status", this.status);
			shown.put("ms", millis());
			shown.put("failure", this.failure);
			shown.put("body",
					(this.body != null && this.body.length() > 500) ? this.body.substring(0, 500) + "..." : this.body);
			return shown.toString();
		}

	}

}
