package org.incidentintel.api.security;

import java.net.InetSocketAddress;
import java.util.Map;

import reactor.core.publisher.Mono;

import org.springframework.graphql.server.WebSocketGraphQlInterceptor;
import org.springframework.graphql.server.WebSocketSessionInfo;
import org.springframework.http.HttpHeaders;

/**
 * The credential of a GraphQL WebSocket connection: browsers cannot set headers on a
 * WebSocket, so the client sends {@code {"Authorization": "Bearer <token>"}} as the
 * payload of {@code connection_init} (graphql-transport-ws); other clients may send the
 * header with the handshake instead. It is checked once per connection, as the HTTP
 * header is ({@link BearerCredentials}), and kept in the session's attributes, where
 * {@link CallerInterceptor} reads it for every operation of the connection: a refused
 * credential answers each of them {@code UNAUTHENTICATED}, as over HTTP.
 */
class WebSocketCredentialInterceptor implements WebSocketGraphQlInterceptor {

	private final BearerCredentials credentials;

	WebSocketCredentialInterceptor(BearerCredentials credentials) {
		this.credentials = credentials;
	}

	@Override
	public Mono<Object> handleConnectionInitialization(WebSocketSessionInfo session, Map<String, Object> payload) {
		return Mono.fromRunnable(() -> {
			String header = authorization(session, payload);
			if (header != null) {
				InetSocketAddress remote = session.getRemoteAddress();
				Credential credential = this.credentials.check(header, (remote != null) ? remote.getHostString() : null)
					.credential();
				session.getAttributes().put(Credential.ATTRIBUTE, credential);
			}
		});
	}

	private static String authorization(WebSocketSessionInfo session, Map<String, Object> payload) {
		for (Map.Entry<String, Object> entry : payload.entrySet()) {
			if (HttpHeaders.AUTHORIZATION.equalsIgnoreCase(entry.getKey())) {
				return (entry.getValue() != null) ? entry.getValue().toString() : "";
			}
		}
		return session.getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
	}

}
