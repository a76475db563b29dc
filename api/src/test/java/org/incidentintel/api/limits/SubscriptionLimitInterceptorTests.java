package org.incidentintel.api.limits;

import java.time.Duration;

import org.incidentintel.api.SubscriptionProperties;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The count of open subscriptions per client.
 */
class SubscriptionLimitInterceptorTests {

	private final SubscriptionLimitInterceptor limit = new SubscriptionLimitInterceptor(
			new SubscriptionProperties(2, Duration.ofSeconds(1)));

	@Test
	void aClientHoldsAtMostItsLimitAndAnEndedSubscriptionFreesItsPlace() {
		assertThat(this.limit.tryOpen("token:a")).isTrue();
		assertThat(this.limit.tryOpen("token:a")).isTrue();
		assertThat(this.limit.tryOpen("token:a")).isFalse();
		assertThat(this.limit.tryOpen("token:b")).as("another client counts apart").isTrue();

		this.limit.close("token:a");

		assertThat(this.limit.openCount("token:a")).isEqualTo(1);
		assertThat(this.limit.tryOpen("token:a")).isTrue();
	}

	@Test
	void closingMoreThanWasOpenNeverGoesBelowZero() {
		this.limit.tryOpen("address:10.0.0.1");
		this.limit.close("address:10.0.0.1");
		this.limit.close("address:10.0.0.1");

		assertThat(this.limit.openCount("address:10.0.0.1")).isZero();
		assertThat(this.limit.tryOpen("address:10.0.0.1")).isTrue();
		assertThat(this.limit.tryOpen("address:10.0.0.1")).isTrue();
		assertThat(this.limit.tryOpen("address:10.0.0.1")).isFalse();
	}

}
