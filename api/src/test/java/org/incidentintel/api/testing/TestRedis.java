package org.incidentintel.api.testing;

import java.util.UUID;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;

/**
 * The Redis that tests use: {@code INCIDENTINTEL_TEST_REDIS_URL}, by default this
 * machine's at {@code redis://127.0.0.1:6379}. Every key a test writes starts with
 * {@link #KEY_PREFIX}, new for each test run, so that runs (and engineers sharing the
 * Redis) never see each other's budgets; the budgets expire on their own.
 */
public final class TestRedis {

	/** The Redis's URL. */
	public static final String URL = System.getenv()
		.getOrDefault("INCIDENTINTEL_TEST_REDIS_URL", "redis://127.0.0.1:6379");

	/** The prefix of this test run's keys. */
	public static final String KEY_PREFIX = "incidentintel-test:" + UUID.randomUUID() + ":";

	private TestRedis() {
	}

	/**
	 * Whether the Redis answers a PING within 10 seconds (a busy machine is slow to open
	 * the first connection).
	 */
	public static boolean answers() {
		RedisURI uri = RedisURI.create(URL);
		uri.setTimeout(java.time.Duration.ofSeconds(10));
		RedisClient client = RedisClient.create(uri);
		try (StatefulRedisConnection<String, String> connection = client.connect()) {
			return "PONG".equals(connection.sync().ping());
		}
		catch (RuntimeException ex) {
			return false;
		}
		finally {
			client.shutdown();
		}
	}

}
