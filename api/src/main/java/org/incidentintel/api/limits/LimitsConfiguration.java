package org.incidentintel.api.limits;

import org.incidentintel.api.ApiProperties;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * Registers the limits: Spring Boot hands {@code WebGraphQlInterceptor} and
 * {@code Instrumentation} beans to Spring for GraphQL.
 */
@Configuration(proxyBeanMethods = false)
class LimitsConfiguration {

	@Bean
	RequestLimitsInterceptor requestLimitsInterceptor(ApiProperties properties) {
		return new RequestLimitsInterceptor(properties);
	}

	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE)
	QueryShapeInstrumentation queryShapeInstrumentation(ApiProperties properties) {
		return new QueryShapeInstrumentation(properties);
	}

	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE + 1)
	RequestTimeoutInstrumentation requestTimeoutInstrumentation(ApiProperties properties) {
		return new RequestTimeoutInstrumentation(properties.requestTimeout());
	}

	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE + 2)
	QueryCostInstrumentation queryCostInstrumentation(ApiProperties properties) {
		return new QueryCostInstrumentation(properties);
	}

}
