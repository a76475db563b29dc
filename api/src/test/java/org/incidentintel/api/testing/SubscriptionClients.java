package org.incidentintel.api.testing;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import reactor.core.publisher.Flux;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;
import reactor.core.publisher.Mono;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.graphql.client.WebSocketGraphQlClientInterceptor;
import org.springframework.graphql.test.tester.WebSocketGraphQlTester;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.JdkClientHttpConnector;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.socket.client.StandardWebSocketClient;

/**
 * Real subscription clients for the end-to-end tests: Spring's
 * {@link WebSocketGraphQlTester} over a Jakarta WebSocket client (graphql-transport-ws),
 * and a {@link WebClient} reading the Server-Sent Events of {@code POST /graphql}.
 */
public final class SubscriptionClients {

	private static final ParameterizedTypeReference<ServerSentEvent<String>> EVENT = new ParameterizedTypeReference<>() {
	};

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final TypeReference<Map<String, Object>> RESPONSE = new TypeReference<>() {
	};

	private SubscriptionClients() {
	}

	/**
	 * A WebSocket client of the server on the port; {@code token}, if not null, is sent
	 * in {@code connection_init} as a browser would.
	 */
	public static WebSocketGraphQlTester webSocket(int port, String token) {
		WebSocketGraphQlTester.Builder<?> builder = WebSocketGraphQlTester
			.builder(URI.create("ws://localhost:" + port + "/graphql"), new StandardWebSocketClient());
		if (token != null) {
			builder.interceptor(new WebSocketGraphQlClientInterceptor() {
				@Override
				public Mono<Object> connectionInitPayload() {
					return Mono.just(Map.of("Authorization", "Bearer " + token));
				}
			});
		}
		return builder.build();
	}

	/**
	 * The {@code next} events of a subscription over SSE, each a GraphQL response
	 * ({@code data} and/or {@code errors}), until the server completes the stream.
	 */
	public static Flux<Map<String, Object>> sse(int port, String document, Map<String, Object> variables) {
		return sse(port, null, document, variables);
	}

	/**
	 * As {@link #sse(int, String, Map)}, as the client a token names (null: anonymous,
	 * which all share one per-client subscription limit by address).
	 */
	public static Flux<Map<String, Object>> sse(int port, String token, String document,
			Map<String, Object> variables) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("query", document);
		body.put("variables", variables);
		return WebClient.builder()
			.clientConnector(new JdkClientHttpConnector())
			.baseUrl("http://localhost:" + port)
			.build()
			.post()
			.uri("/graphql")
			.contentType(MediaType.APPLICATION_JSON)
			.accept(MediaType.TEXT_EVENT_STREAM)
			.headers((headers) -> {
				if (token != null) {
					headers.setBearerAuth(token);
				}
			})
			.bodyValue(body)
			.retrieve()
			.bodyToFlux(EVENT)
			.takeWhile((event) -> !"complete".equals(event.event()))
			.filter((event) -> "next".equals(event.event()))
			.map((event) -> JSON.readValue(event.data(), RESPONSE));
	}

	/** The value at a dotted path of a GraphQL response ({@code data.x.y}). */
	@SuppressWarnings("unchecked")
	public static Object at(Map<String, Object> response, String path) {
		Object value = response;
		for (String key : path.split("\\.")) {
			value = (value instanceof Map<?, ?> map) ? map.get(key)
					: (value instanceof List<?> list) ? list.get(Integer.parseInt(key)) : null;
		}
		return value;
	}

}
