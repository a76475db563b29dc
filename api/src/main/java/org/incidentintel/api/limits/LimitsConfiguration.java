package org.incidentintel.api.limits;

import org.incidentintel.api.ApiProperties;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
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
	FilterRegistrationBean<RequestBodyFilter> requestBodyFilter(ApiProperties properties,
			@Value("${spring.graphql.http.path:/graphql}") String path) {
		FilterRegistrationBean<RequestBodyFilter> registration = new FilterRegistrationBean<>(
				new RequestBodyFilter(properties.maxRequestSize().toBytes()));
		registration.addUrlPatterns(path);
		// Before the security filters: a refused body is never read, whoever sends it
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
		return registration;
	}

	/**
	 * The parsed documents are kept (a preparsed document provider is graphql-java's hook
	 * for that); the shape checks run when a document is first parsed.
	 */
	@Bean
	GraphQlSourceBuilderCustomizer parsedDocuments() {
		ParsedDocuments documents = new ParsedDocuments();
		return (builder) -> builder.configureGraphQl((graphQl) -> graphQl.preparsedDocumentProvider(documents));
	}

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
