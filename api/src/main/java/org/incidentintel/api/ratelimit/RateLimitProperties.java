package org.incidentintel.api.ratelimit;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The rate limit ({@code incidentintel.api.rate-limit.*}): each client may spend
 * {@code budget} cost units per {@code window}, refilled continuously (a token bucket of
 * {@code budget} units). A client is its token or JWT subject, else its IP address.
 *
 * @param enabled whether requests are rate limited
 * @param budget the cost units a client may spend per window, and the most it may spend
 * in a burst
 * @param window the time in which a spent budget refills entirely
 * @param redis where replicas share the budgets; without a URL each process keeps its own
 */
@ConfigurationProperties("incidentintel.api.rate-limit")
public record RateLimitProperties(@DefaultValue("true") boolean enabled, @DefaultValue("300000") long budget,
		@DefaultValue("1m") Duration window, @DefaultValue Redis redis) {

	public RateLimitProperties {
		if (budget <= 0 || window.isNegative() || window.isZero()) {
			throw new IllegalArgumentException("incidentintel.api.rate-limit.budget and .window must be positive, got "
					+ budget + " per " + window);
		}
	}

	/**
	 * The Redis that API replicas share budgets in
	 * ({@code incidentintel.api.rate-limit.redis.*}).
	 *
	 * @param url {@code redis://[user:password@]host:port[/database]} (or
	 * {@code rediss://} for TLS); none: budgets are kept in each process's memory
	 * @param keyPrefix the prefix of the budgets' keys, so that deployments may share a
	 * Redis
	 * @param timeout how long a request may wait for Redis (to connect, or for an answer)
	 * @param retryInterval after Redis failed, how long budgets stay local before Redis
	 * is asked again
	 */
	public record Redis(String url, @DefaultValue("incidentintel:rate-limit:") String keyPrefix,
			@DefaultValue("500ms") Duration timeout, @DefaultValue("5s") Duration retryInterval) {

		/** Whether a Redis is configured. */
		public boolean configured() {
			return this.url != null && !this.url.isBlank();
		}

	}

}
