package org.incidentintel.etl.pull;

import java.time.Duration;

/**
 * How often and how long to wait before asking the API again after a 429, a 5xx, a
 * connection failure or a truncated page.
 *
 * @param maxAttempts requests per page, the first one included
 * @param initialBackoff the wait after the first failure; it doubles after each
 * @param maxBackoff the longest wait between attempts without a {@code Retry-After}
 * @param maxRetryAfter the longest {@code Retry-After} honoured; a longer one ends the
 * pull (run it again later: the pages saved so far are kept)
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff, Duration maxRetryAfter) {

	public RetryPolicy {
		if (maxAttempts < 1) {
			throw new IllegalArgumentException("incidentintel.ucdp.max-attempts must be at least 1");
		}
		if (initialBackoff.isNegative() || maxBackoff.isNegative() || maxRetryAfter.isNegative()) {
			throw new IllegalArgumentException("incidentintel.ucdp backoff durations must not be negative");
		}
	}

	/**
	 * The wait after the {@code failures}-th failed attempt (1-based), without a hint.
	 */
	Duration backoff(int failures) {
		Duration wait = this.initialBackoff;
		for (int i = 1; i < failures && wait.compareTo(this.maxBackoff) < 0; i++) {
			wait = wait.multipliedBy(2);
		}
		return (wait.compareTo(this.maxBackoff) > 0) ? this.maxBackoff : wait;
	}

}
