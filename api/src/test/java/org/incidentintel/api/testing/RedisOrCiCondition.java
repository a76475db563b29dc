package org.incidentintel.api.testing;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Enables Redis tests when {@link TestRedis} answers, and always in CI, where a missing
 * Redis fails the class before its first test with what to start (see
 * {@link RequiresRedis}).
 */
class RedisOrCiCondition implements ExecutionCondition, BeforeAllCallback {

	private static final boolean CI = "true".equalsIgnoreCase(System.getenv("CI"));

	@Override
	public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
		if (CI) {
			return ConditionEvaluationResult.enabled("CI=true: Redis tests always run");
		}
		if (TestRedis.answers()) {
			return ConditionEvaluationResult.enabled("Redis answers at " + TestRedis.URL);
		}
		return ConditionEvaluationResult.disabled("No Redis at " + TestRedis.URL + ": Redis tests skipped. "
				+ "Start one, or point INCIDENTINTEL_TEST_REDIS_URL at one (README, 'Tests').");
	}

	@Override
	public void beforeAll(ExtensionContext context) {
		if (!TestRedis.answers()) {
			throw new IllegalStateException("CI=true and no Redis answers at " + TestRedis.URL
					+ ": start one (redis-server --daemonize yes --port 6379 --save \"\" --appendonly no) "
					+ "or set INCIDENTINTEL_TEST_REDIS_URL");
		}
	}

}
