package org.incidentintel.api.ratelimit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.lettuce.core.RedisURI;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.incidentintel.api.ratelimit.RateLimitProperties.Redis;
import org.incidentintel.api.testing.RequiresRedis;
import org.incidentintel.api.testing.TestRedis;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

/**
 * The budgets in Redis ({@code token-bucket.lua}) on the Redis of {@link TestRedis}: the
 * same token bucket as {@link TokenBucketTests}, one bucket per client whichever replica
 * charges it, and what happens when Redis goes down mid-run. Redis's clock runs for real:
 * windows are long enough that the refill during a test is below the tolerances.
 */
@RequiresRedis
class RedisClientBudgetsIntegrationTests {

	private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

	private final List<LettuceConnectionFactory> connections = new ArrayList<>();

	private final MeterRegistry meters = new SimpleMeterRegistry();

	// Each test's own keys
	private final String keyPrefix = TestRedis.KEY_PREFIX + UUID.randomUUID() + ":";

	@AfterEach
	void forgetTheKeysAndDisconnect() {
		// Some windows here are long: the shared Redis would keep these buckets for weeks
		StringRedisTemplate redis = template(TestRedis.URL);
		redis.delete(redis.keys(this.keyPrefix + "*"));
		this.connections.forEach(LettuceConnectionFactory::destroy);
	}

	@Test
	void aFullBucketPaysUntilEmptyThenSaysHowLongToWaitAndARefusedRequestTakesNothing() {
		// 600 per hour refill 1 unit per 6 seconds
		ClientBudgets budgets = replica(TestRedis.URL, 600, Duration.ofHours(1));

		assertThat(budgets.charge("token:alice", 400)).isZero();
		assertThat(budgets.charge("token:alice", 200)).isZero();
		long wait = budgets.charge("token:alice", 50);
		assertThat(wait).isCloseTo(300 * SECOND, within(2 * SECOND));
		assertThat(budgets.charge("token:alice", 50)).as("the refused request took nothing")
			.isCloseTo(wait, within(2 * SECOND));
		// dearer than the whole budget: refused, whatever is left
		assertThat(budgets.charge("token:big", 601)).isPositive();
		assertThat(budgets.charge("token:big", 600)).isZero();
		// another client has a budget of its own
		assertThat(budgets.charge("address:10.0.0.1", 600)).isZero();
	}

	@Test
	void twoReplicasShareOneBucketPerClient() {
		ClientBudgets first = replica(TestRedis.URL, 100, Duration.ofHours(1));
		ClientBudgets second = replica(TestRedis.URL, 100, Duration.ofHours(1));

		assertThat(first.charge("token:alice", 60)).isZero();
		// 20 units missing at 100 per 3,600 s
		assertThat(second.charge("token:alice", 60)).isCloseTo(720 * SECOND, within(2 * SECOND));
		assertThat(second.charge("token:alice", 40)).isZero();
		assertThat(first.charge("token:alice", 1)).isPositive();
	}

	@Test
	void aSpentBucketRefillsOverItsWindowAndRedisForgetsItWhenFull() {
		// Long enough that two requests fit in it on a busy machine
		ClientBudgets budgets = replica(TestRedis.URL, 10, Duration.ofSeconds(3));
		StringRedisTemplate redis = template(TestRedis.URL);
		String key = this.keyPrefix + "token:alice";

		assertThat(budgets.charge("token:alice", 10)).isZero();
		assertThat(budgets.charge("token:alice", 10)).isPositive();
		assertThat(redis.getExpire(key, TimeUnit.MILLISECONDS)).isBetween(1L, 3000L);

		await().atMost(Duration.ofSeconds(10)).until(() -> !redis.hasKey(key));
		assertThat(budgets.charge("token:alice", 10)).isZero();
	}

	@Test
	void whenRedisGoesDownBudgetsAreLocalUntilItAnswersAgain() {
		RedisURI redisUri = RedisURI.create(TestRedis.URL);
		try (CuttableProxy proxy = new CuttableProxy(redisUri.getHost(), redisUri.getPort())) {
			AtomicLong now = new AtomicLong();
			ClientBudgets budgets = replica("redis://127.0.0.1:" + proxy.port() + "/" + redisUri.getDatabase(), 100,
					Duration.ofHours(1000), now::get);

			assertThat(budgets.charge("token:alice", 60)).isZero();
			assertThat(fallbacks()).isZero();

			proxy.cut();
			// Redis failed: the process's own bucket for alice, full, pays
			assertThat(budgets.charge("token:alice", 60)).isZero();
			assertThat(fallbacks()).isEqualTo(1);
			// Redis is not asked again within the retry interval; the local bucket
			// refuses
			assertThat(budgets.charge("token:alice", 60)).isPositive();
			assertThat(fallbacks()).isEqualTo(2);

			proxy.restore();
			await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50)).until(() -> {
				now.addAndGet(6 * SECOND);
				double before = fallbacks();
				budgets.charge("token:probe", 1);
				return fallbacks() == before;
			});
			// Back on the shared bucket: alice has the 40 units she left there
			assertThat(budgets.charge("token:alice", 40)).isZero();
			assertThat(budgets.charge("token:alice", 1)).isPositive();
		}
	}

	private double fallbacks() {
		return this.meters.counter(RedisClientBudgets.FALLBACKS_METRIC).count();
	}

	private ClientBudgets replica(String url, long budget, Duration window) {
		return replica(url, budget, window, System::nanoTime);
	}

	/**
	 * Budgets as one API replica has them: its own connection, as the application
	 * configures it, and its own local fallback.
	 */
	private ClientBudgets replica(String url, long budget, Duration window, java.util.function.LongSupplier nanoTime) {
		RateLimitProperties properties = new RateLimitProperties(true, budget, window,
				new Redis(url, this.keyPrefix, Duration.ofMillis(500), Duration.ofSeconds(5)));
		return new RedisClientBudgets(template(url), properties,
				new LocalClientBudgets(budget, window.toNanos(), nanoTime), nanoTime, this.meters);
	}

	private StringRedisTemplate template(String url) {
		RateLimitProperties properties = new RateLimitProperties(true, 1, Duration.ofMinutes(1),
				new Redis(url, this.keyPrefix, Duration.ofMillis(500), Duration.ofSeconds(5)));
		LettuceConnectionFactory factory = new RateLimitConfiguration().rateLimitRedisConnectionFactory(properties);
		factory.afterPropertiesSet();
		factory.start();
		this.connections.add(factory);
		return new StringRedisTemplate(factory);
	}

}
