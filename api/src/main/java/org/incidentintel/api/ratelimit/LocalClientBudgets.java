package org.incidentintel.api.ratelimit;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * The budgets of one process: one {@link TokenBucket} per client, in memory. Buckets of
 * idle clients (full again) are dropped when many clients are tracked, so memory stays
 * bounded by the clients of one window.
 */
final class LocalClientBudgets implements ClientBudgets {

	// Past this many clients, full buckets are swept out before a new one is added
	private static final int SWEEP_ABOVE = 10_000;

	private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();

	private final long budget;

	private final long windowNanos;

	private final LongSupplier nanoTime;

	LocalClientBudgets(long budget, long windowNanos, LongSupplier nanoTime) {
		this.budget = budget;
		this.windowNanos = windowNanos;
		this.nanoTime = nanoTime;
	}

	@Override
	public long charge(String client, long cost) {
		long now = this.nanoTime.getAsLong();
		if (this.buckets.size() > SWEEP_ABOVE && !this.buckets.containsKey(client)) {
			this.buckets.values().removeIf((bucket) -> bucket.isFull(now));
		}
		return this.buckets.computeIfAbsent(client, (key) -> new TokenBucket(this.budget, this.windowNanos, now))
			.take(cost, now);
	}

	int trackedClients() {
		return this.buckets.size();
	}

}
