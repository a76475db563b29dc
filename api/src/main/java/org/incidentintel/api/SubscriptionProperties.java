package org.incidentintel.api;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Limits and polling of GraphQL subscriptions ({@code incidentintel.api.subscriptions.*};
 * docs/operations.md, "Subscriptions"). The transports' own settings (keep-alive, time to
 * {@code connection_init}, how long an SSE stream stays open) are Spring Boot's
 * {@code spring.graphql.websocket.*} and {@code spring.graphql.http.sse.*}.
 *
 * @param maxPerClient the most subscriptions one client (token, JWT subject, else IP
 * address) may hold open at once, over every connection and transport; one more is
 * refused with {@code LIMIT_EXCEEDED}
 * @param pollInterval how often the API reads the database for what a subscription
 * watches (the ETL runs in another process): the data version once per API process, a
 * run's progress once per {@code ingestRunProgress} subscription
 */
@ConfigurationProperties("incidentintel.api.subscriptions")
public record SubscriptionProperties(@DefaultValue("5") int maxPerClient, @DefaultValue("1s") Duration pollInterval) {

	public SubscriptionProperties {
		if (maxPerClient < 0) {
			throw new IllegalArgumentException(
					"incidentintel.api.subscriptions.max-per-client must not be negative, got " + maxPerClient);
		}
		if (pollInterval.isNegative() || pollInterval.isZero()) {
			throw new IllegalArgumentException(
					"incidentintel.api.subscriptions.poll-interval must be positive, got " + pollInterval);
		}
	}

}
