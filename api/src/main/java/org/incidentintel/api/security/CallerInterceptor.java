package org.incidentintel.api.security;

import java.net.InetSocketAddress;

import org.incidentintel.api.error.ErrorCode;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;

/**
 * Puts the {@link Caller} into every request's GraphQL context. A request whose bearer
 * credential was refused (unknown, revoked, malformed, an invalid JWT) is answered with
 * {@code UNAUTHENTICATED} and not executed, whatever it asks; so is an anonymous request
 * when {@code queries-require-token} is set. A request whose credential could not be
 * checked (the database is down) is answered {@code UNAVAILABLE}.
 */
class CallerInterceptor implements WebGraphQlInterceptor, Ordered {

	private final SecurityProperties properties;

	CallerInterceptor(SecurityProperties properties) {
		this.properties = properties;
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE + 1;
	}

	@Override
	public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
		Caller caller;
		if (request.getAttributes().get(Credential.ATTRIBUTE) instanceof Credential credential) {
			if (credential.unchecked()) {
				return Mono.just(AccessErrors.response(request, AccessErrors.error(ErrorCode.UNAVAILABLE,
						"The database is not available right now; retry later.")));
			}
			if (credential.refusal() != null) {
				return refuse(request, credential.refusal());
			}
			caller = credential.caller();
		}
		else {
			InetSocketAddress remote = request.getRemoteAddress();
			caller = Caller.anonymous((remote != null) ? remote.getHostString() : null);
		}
		if (caller.isAnonymous() && this.properties.queriesRequireToken()) {
			return refuse(request, "This server answers only requests with a token: send the header "
					+ "'Authorization: Bearer <token>'.");
		}
		request.configureExecutionInput((input, builder) -> {
			input.getGraphQLContext().put(Caller.class, caller);
			return input;
		});
		return chain.next(request);
	}

	private static Mono<WebGraphQlResponse> refuse(WebGraphQlRequest request, String message) {
		return Mono.just(AccessErrors.response(request, AccessErrors.error(ErrorCode.UNAUTHENTICATED, message)));
	}

}
