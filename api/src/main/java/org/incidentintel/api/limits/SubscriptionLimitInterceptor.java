package org.incidentintel.api.limits;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import graphql.GraphQLError;
import org.incidentintel.api.SubscriptionProperties;
import org.incidentintel.api.security.Caller;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.graphql.execution.SubscriptionPublisherException;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;

/**
 * At most {@code subscriptions.max-per-client} open subscriptions per client (its rate
 * limit key: token, JWT subject, else IP address), whatever the transport: one more is
 * answered with a {@code LIMIT_EXCEEDED} error and ends at once. A subscription holds its
 * place from the moment its stream is subscribed until it completes, fails or the client
 * cancels it (closes the connection). Every subscription, present or future, passes here:
 * the limit is not a concern of each subscription's controller.
 */
class SubscriptionLimitInterceptor implements WebGraphQlInterceptor, Ordered {

	private final int maxPerClient;

	// Open subscriptions per client; a client with none has no entry
	private final Map<String, Integer> open = new ConcurrentHashMap<>();

	SubscriptionLimitInterceptor(SubscriptionProperties properties) {
		this.maxPerClient = properties.maxPerClient();
	}

	@Override
	public int getOrder() {
		// After the caller is known (CallerInterceptor)
		return Ordered.HIGHEST_PRECEDENCE + 2;
	}

	@Override
	public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
		return chain.next(request)
			.map((response) -> (response.getData() instanceof Publisher<?> events) ? limited(response, events)
					: response);
	}

	private WebGraphQlResponse limited(WebGraphQlResponse response, Publisher<?> events) {
		String client = Caller.of(response.getExecutionInput().getGraphQLContext()).rateLimitKey();
		Flux<?> admitted = Flux.defer(() -> {
			if (!tryOpen(client)) {
				return Flux.error(new SubscriptionPublisherException(List.of(refusal()), null));
			}
			return Flux.from(events).doFinally((signal) -> close(client));
		});
		return response.transform((builder) -> builder.data(admitted));
	}

	private GraphQLError refusal() {
		return LimitErrors.limitExceeded(
				"This client has " + this.maxPerClient + " subscriptions open, the most allowed; "
						+ "end one (or close a connection) before opening another.",
				"subscriptions.max-per-client", this.maxPerClient, (long) this.maxPerClient + 1);
	}

	/** Takes a place for the client, if one is free. */
	boolean tryOpen(String client) {
		boolean[] admitted = { false };
		this.open.compute(client, (key, count) -> {
			int current = (count != null) ? count : 0;
			if (current >= this.maxPerClient) {
				return count;
			}
			admitted[0] = true;
			return current + 1;
		});
		return admitted[0];
	}

	/** Gives the client's place back. */
	void close(String client) {
		this.open.computeIfPresent(client, (key, count) -> (count > 1) ? count - 1 : null);
	}

	/** How many subscriptions the client holds open (for tests). */
	int openCount(String client) {
		return this.open.getOrDefault(client, 0);
	}

}
