package org.incidentintel.api.ratelimit;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which budgets the rate limit gets: in memory unless a Redis URL is configured, so that
 * an API without Redis opens no connection to one.
 */
class RateLimitConfigurationTests {

	private final ApplicationContextRunner contexts = new ApplicationContextRunner()
		.withUserConfiguration(RateLimitConfiguration.class)
		.withBean(MeterRegistry.class, SimpleMeterRegistry::new);

	@Test
	void budgetsAreInMemoryByDefault() {
		this.contexts.run((context) -> {
			assertThat(context).hasSingleBean(RateLimitInstrumentation.class)
				.doesNotHaveBean(LettuceConnectionFactory.class);
			assertThat(context.getBean(RateLimitInstrumentation.class).budgets())
				.isInstanceOf(LocalClientBudgets.class);
		});
	}

	@Test
	void budgetsAreInRedisWhenItsUrlIsConfigured() {
		// Nothing listens there: the start-up connection fails, and the context starts
		this.contexts.withPropertyValues("incidentintel.api.rate-limit.redis.url=redis://127.0.0.1:1")
			.run((context) -> {
				assertThat(context).hasSingleBean(LettuceConnectionFactory.class);
				assertThat(context.getBean(RateLimitInstrumentation.class).budgets())
					.isInstanceOf(RedisClientBudgets.class);
			});
	}

	@Test
	void aDisabledRateLimitNeedsNoBudgets() {
		this.contexts
			.withPropertyValues("incidentintel.api.rate-limit.enabled=false",
					"incidentintel.api.rate-limit.redis.url=redis://127.0.0.1:1")
			.run((context) -> assertThat(context).doesNotHaveBean(RateLimitInstrumentation.class)
				.doesNotHaveBean(LettuceConnectionFactory.class));
	}

}
