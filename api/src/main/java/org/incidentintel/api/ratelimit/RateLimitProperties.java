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
 */
@ConfigurationProperties("incidentintel.api.rate-limit")
public record RateLimitProperties(@DefaultValue("true") boolean enabled, @DefaultValue("300000") long budget,
		@DefaultValue("1m") Duration window) {

	public RateLimitProperties {
		if (budget <= 0 || window.isNegative() || window.isZero()) {
			throw new IllegalArgumentException("incidentintel.api.rate-limit.budget and .window must be positive, got "
					+ budget + " per " + window);
		}
	}

}
