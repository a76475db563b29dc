package org.incidentintel.api.ratelimit;

/**
 * A token bucket of cost units: it holds at most {@code capacity}, refills at
 * {@code capacity} per window, and a request takes its cost out or is refused whole.
 * Times are {@link System#nanoTime()} values, passed in so tests need no clock.
 */
final class TokenBucket {

	private final long capacity;

	private final double unitsPerNano;

	private double available;

	private long updatedAt;

	TokenBucket(long capacity, long windowNanos, long now) {
		this.capacity = capacity;
		this.unitsPerNano = (double) capacity / windowNanos;
		this.available = capacity;
		this.updatedAt = now;
	}

	/**
	 * Takes {@code cost} units when that many are available.
	 * @return 0 when taken, else how many nanoseconds until they will be (never taken
	 * then: a refused request costs nothing)
	 */
	synchronized long take(long cost, long now) {
		refill(now);
		if (cost <= this.available) {
			this.available -= cost;
			return 0;
		}
		return Math.max(1, (long) Math.ceil((Math.min(cost, this.capacity) - this.available) / this.unitsPerNano));
	}

	/**
	 * Whether the bucket is full at the given time (an idle client: it can be dropped).
	 */
	synchronized boolean isFull(long now) {
		refill(now);
		return this.available >= this.capacity;
	}

	private void refill(long now) {
		long elapsed = now - this.updatedAt;
		if (elapsed > 0) {
			this.available = Math.min(this.capacity, this.available + elapsed * this.unitsPerNano);
			this.updatedAt = now;
		}
	}

}
