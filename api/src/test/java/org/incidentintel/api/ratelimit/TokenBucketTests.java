package org.incidentintel.api.ratelimit;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TokenBucketTests {

	private static final long MINUTE = TimeUnit.MINUTES.toNanos(1);

	private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

	@Test
	void aFullBucketPaysUntilEmptyThenSaysHowLongToWait() {
		TokenBucket bucket = new TokenBucket(600, MINUTE, 0);

		assertThat(bucket.take(400, 0)).isZero();
		assertThat(bucket.take(200, 0)).isZero();
		// 600 per minute refill 10 per second: 50 units take 5 seconds
		assertThat(bucket.take(50, 0)).isEqualTo(5 * SECOND);
	}

	@Test
	void aRefusedRequestTakesNothingAndTheBucketRefillsOverTime() {
		TokenBucket bucket = new TokenBucket(600, MINUTE, 0);
		bucket.take(600, 0);

		assertThat(bucket.take(100, 0)).isPositive();
		assertThat(bucket.take(100, 0)).isPositive();
		assertThat(bucket.take(100, 10 * SECOND)).isZero();
		assertThat(bucket.take(1, 10 * SECOND)).isPositive();
		assertThat(bucket.isFull(70 * SECOND)).isTrue();
		// never more than the capacity, however long it was idle
		assertThat(bucket.take(601, 3600 * SECOND)).isPositive();
		assertThat(bucket.take(600, 3600 * SECOND)).isZero();
	}

	@Test
	void clientsHaveBudgetsOfTheirOwnAndIdleOnesAreForgotten() {
		AtomicLong now = new AtomicLong();
		LocalClientBudgets budgets = new LocalClientBudgets(100, MINUTE, now::get);

		assertThat(budgets.charge("token:alice", 100)).isZero();
		assertThat(budgets.charge("token:alice", 1)).isPositive();
		assertThat(budgets.charge("address:10.0.0.1", 100)).isZero();
		assertThat(budgets.trackedClients()).isEqualTo(2);

		for (int i = 0; i < 10_001; i++) {
			budgets.charge("address:client-" + i, 1);
		}
		now.addAndGet(2 * MINUTE);
		budgets.charge("address:newcomer", 1);
		assertThat(budgets.trackedClients()).isEqualTo(1);
	}

}
