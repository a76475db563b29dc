package org.incidentintel.api.ratelimit;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * Registers the rate limit, after the cost check (which computes the cost) and the access
 * check (a refused mutation is not charged).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RateLimitProperties.class)
class RateLimitConfiguration {

	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE + 4)
	@ConditionalOnBooleanProperty(name = "incidentintel.api.rate-limit.enabled", matchIfMissing = true)
	RateLimitInstrumentation rateLimitInstrumentation(RateLimitProperties properties) {
		return new RateLimitInstrumentation(properties,
				new ClientBudgets(properties.budget(), properties.window().toNanos(), System::nanoTime));
	}

}
