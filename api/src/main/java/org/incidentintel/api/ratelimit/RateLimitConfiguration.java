package org.incidentintel.api.ratelimit;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.ClientOptions.DisconnectedBehavior;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Registers the rate limit, after the cost check (which computes the cost) and the access
 * check (a refused mutation is not charged), with budgets in memory, or in Redis when
 * {@code incidentintel.api.rate-limit.redis.url} is set (replicas then share them).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RateLimitProperties.class)
@ConditionalOnBooleanProperty(name = "incidentintel.api.rate-limit.enabled", matchIfMissing = true)
class RateLimitConfiguration {

	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE + 4)
	RateLimitInstrumentation rateLimitInstrumentation(RateLimitProperties properties,
			ObjectProvider<LettuceConnectionFactory> redis, MeterRegistry meters) {
		ClientBudgets local = new LocalClientBudgets(properties.budget(), properties.window().toNanos(),
				System::nanoTime);
		LettuceConnectionFactory connections = redis.getIfAvailable();
		if (connections == null) {
			return new RateLimitInstrumentation(properties, local);
		}
		RedisClientBudgets shared = new RedisClientBudgets(new StringRedisTemplate(connections), properties, local,
				System::nanoTime, meters);
		shared.connect();
		return new RateLimitInstrumentation(properties, shared);
	}

	/**
	 * The connection to the budgets' Redis: commands fail at once while it is
	 * disconnected (rather than queue), and any wait is bounded by the timeout, so that
	 * {@link RedisClientBudgets} falls back quickly.
	 */
	@Bean
	@ConditionalOnProperty("incidentintel.api.rate-limit.redis.url")
	LettuceConnectionFactory rateLimitRedisConnectionFactory(RateLimitProperties properties) {
		RedisURI uri = RedisURI.create(properties.redis().url());
		LettuceClientConfiguration client = LettuceClientConfiguration.builder()
			.apply(uri)
			.commandTimeout(properties.redis().timeout())
			.clientOptions(ClientOptions.builder()
				.disconnectedBehavior(DisconnectedBehavior.REJECT_COMMANDS)
				.socketOptions(SocketOptions.builder().connectTimeout(properties.redis().timeout()).build())
				.build())
			.build();
		return new LettuceConnectionFactory(LettuceConnectionFactory.createRedisConfiguration(uri), client);
	}

}
