package org.incidentintel.api.ratelimit;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.core.io.ClassPathResource;
import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.connection.RedisConnectionCommands;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * The budgets shared by all API replicas: one token bucket per client in Redis, taken
 * from by a Lua script ({@code token-bucket.lua}, {@link TokenBucket}'s rule) in one
 * atomic step, on Redis's clock. A client gets its budget once, however many replicas
 * serve it.
 * <p>
 * When Redis fails, requests are charged to this process's {@link LocalClientBudgets}
 * instead (each replica then limits on its own, as without Redis), counted by the metric
 * {@code incidentintel.rate-limit.redis.fallbacks}, and Redis is left alone for
 * {@code retry-interval} before it is asked again: an outage neither lets clients loose
 * nor makes every request wait for a time-out.
 */
final class RedisClientBudgets implements ClientBudgets {

	static final String FALLBACKS_METRIC = "incidentintel.rate-limit.redis.fallbacks";

	private static final Log logger = LogFactory.getLog(RedisClientBudgets.class);

	private static final RedisScript<Long> TAKE = RedisScript
		.of(new ClassPathResource("token-bucket.lua", RedisClientBudgets.class), Long.class);

	private final StringRedisTemplate redis;

	private final String keyPrefix;

	private final String capacity;

	private final String windowMicros;

	private final ClientBudgets fallback;

	private final long retryIntervalNanos;

	private final LongSupplier nanoTime;

	private final Counter fallbacks;

	// While nanoTime is before this, Redis is not asked (it failed lately)
	private volatile long skipRedisUntil;

	private volatile boolean failing;

	RedisClientBudgets(StringRedisTemplate redis, RateLimitProperties properties, ClientBudgets fallback,
			LongSupplier nanoTime, MeterRegistry meters) {
		this.redis = redis;
		this.keyPrefix = properties.redis().keyPrefix();
		this.capacity = Long.toString(properties.budget());
		this.windowMicros = Long.toString(TimeUnit.NANOSECONDS.toMicros(properties.window().toNanos()));
		this.fallback = fallback;
		this.retryIntervalNanos = properties.redis().retryInterval().toNanos();
		this.nanoTime = nanoTime;
		this.skipRedisUntil = nanoTime.getAsLong();
		this.fallbacks = Counter.builder(FALLBACKS_METRIC)
			.description("Requests charged to the process's own budgets because Redis failed")
			.register(meters);
	}

	/**
	 * Opens the connection at start-up, so that the first request does not pay for it: a
	 * JVM's first connection also loads and starts Netty, which on a busy machine takes
	 * longer than the timeout (the second attempt does not). A Redis that does not answer
	 * is not an error here: requests fall back until it does.
	 */
	void connect() {
		for (int attempt = 1; attempt <= 2; attempt++) {
			try {
				this.redis.execute((RedisCallback<String>) RedisConnectionCommands::ping);
				return;
			}
			catch (DataAccessException ex) {
				if (attempt == 2) {
					logger.warn("Redis did not answer at start-up within the timeout; requests try it and, "
							+ "while it does not answer, are charged to this process's own budgets: "
							+ ex.getMessage());
				}
			}
		}
	}

	@Override
	public long charge(String client, long cost) {
		if (this.nanoTime.getAsLong() - this.skipRedisUntil >= 0) {
			try {
				Long waitMicros = this.redis.execute(TAKE, List.of(this.keyPrefix + client), this.capacity,
						this.windowMicros, Long.toString(cost));
				if (this.failing) {
					this.failing = false;
					logger.info("Redis answers again: rate-limit budgets are shared by the replicas again");
				}
				return TimeUnit.MICROSECONDS.toNanos(waitMicros);
			}
			catch (DataAccessException ex) {
				this.skipRedisUntil = this.nanoTime.getAsLong() + this.retryIntervalNanos;
				if (!this.failing) {
					this.failing = true;
					logger.warn("Redis failed, rate-limit budgets are this process's own until it answers again: "
							+ ex.getMessage());
				}
			}
		}
		this.fallbacks.increment();
		return this.fallback.charge(client, cost);
	}

}
