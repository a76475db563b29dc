package org.incidentintel.etl.pull;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The UCDP API's {@code gedevents} resource, in process on 127.0.0.1 (the JDK's HTTP
 * server, a free port): serves scripted answers per request path and query, in order (the
 * last one repeats), and records every request with its token header. 404 for anything
 * not scripted.
 */
final class FakeUcdpApi implements AutoCloseable {

	private final HttpServer server;

	private final Map<String, Deque<Answer>> answers = new HashMap<>();

	private final List<Request> requests = new ArrayList<>();

	FakeUcdpApi() {
		try {
			this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.server.createContext("/", this::handle);
		this.server.start();
	}

	/** The API's base URL, as {@code incidentintel.ucdp.api-url} takes it. */
	URI apiUrl() {
		return URI.create("http://127.0.0.1:" + this.server.getAddress().getPort() + "/api");
	}

	/**
	 * Answers a request for {@code pathAndQuery} (e.g. {@code /api/gedevents/24.1?...}).
	 */
	FakeUcdpApi answer(String pathAndQuery, Answer... inOrder) {
		synchronized (this) {
			this.answers.computeIfAbsent(pathAndQuery, (key) -> new ArrayDeque<>()).addAll(List.of(inOrder));
		}
		return this;
	}

	synchronized List<Request> requests() {
		return List.copyOf(this.requests);
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

	private void handle(HttpExchange exchange) throws IOException {
		String key = exchange.getRequestURI().getRawPath() + ((exchange.getRequestURI().getRawQuery() != null)
				? "?" + exchange.getRequestURI().getRawQuery() : "");
		Answer answer;
		synchronized (this) {
			this.requests.add(new Request(key, exchange.getRequestHeaders().getFirst(UcdpApiClient.TOKEN_HEADER)));
			Deque<Answer> queue = this.answers.get(key);
			answer = (queue == null || queue.isEmpty()) ? new Answer(404, "{\"message\":\"not scripted\"}", null)
					: (queue.size() > 1) ? queue.poll() : queue.peek();
		}
		byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
		if (answer.retryAfter() != null) {
			exchange.getResponseHeaders().set("Retry-After", answer.retryAfter());
		}
		exchange.sendResponseHeaders(answer.status(), body.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(body);
		}
	}

	/** One scripted answer. */
	record Answer(int status, String body, String retryAfter) {

		static Answer ok(String body) {
			return new Answer(200, body, null);
		}

		static Answer status(int status) {
			return new Answer(status, "{\"message\":\"status " + status + "\"}", null);
		}

		static Answer tooManyRequests(String retryAfter) {
			return new Answer(429, "{\"message\":\"slow down\"}", retryAfter);
		}

		/** A 200 whose body stops part-way, as a transfer cut short leaves it. */
		static Answer truncated(String body) {
			return new Answer(200, body.substring(0, body.length() / 2), null);
		}

	}

	record Request(String pathAndQuery, String token) {
	}

}
