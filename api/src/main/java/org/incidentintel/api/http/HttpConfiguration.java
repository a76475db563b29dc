package org.incidentintel.api.http;

import org.incidentintel.api.ApiProperties;
import org.incidentintel.api.persisted.PersistedDocuments;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.graphql.autoconfigure.GraphQlCorsProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.CollectionUtils;
import org.springframework.web.cors.CorsConfiguration;

/**
 * Registers the filters of the GraphQL endpoint after the security filters (the caller is
 * known) and the limits' body check, and the caching headers' interceptor.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(GetRequestProperties.class)
class HttpConfiguration {

	private static final int AFTER_SECURITY = 0;

	@Bean
	FilterRegistrationBean<QueryOverGetFilter> queryOverGetFilter(PersistedDocuments documents, JdbcTemplate jdbc,
			GetRequestProperties properties, ApiProperties limits, GraphQlCorsProperties cors,
			@Value("${spring.graphql.http.path:/graphql}") String path) {
		CorsConfiguration corsConfiguration = (CollectionUtils.isEmpty(cors.getAllowedOrigins())
				&& CollectionUtils.isEmpty(cors.getAllowedOriginPatterns())) ? null : cors.toCorsConfiguration();
		FilterRegistrationBean<QueryOverGetFilter> registration = new FilterRegistrationBean<>(
				new QueryOverGetFilter(documents, new DataVersion(jdbc), properties.maxAge().toSeconds(),
						limits.maxTokens(), corsConfiguration));
		registration.addUrlPatterns(path);
		registration.setOrder(AFTER_SECURITY);
		return registration;
	}

	@Bean
	FilterRegistrationBean<HashOnlyBodyFilter> hashOnlyBodyFilter(
			@Value("${spring.graphql.http.path:/graphql}") String path) {
		FilterRegistrationBean<HashOnlyBodyFilter> registration = new FilterRegistrationBean<>(
				new HashOnlyBodyFilter());
		registration.addUrlPatterns(path);
		registration.setOrder(AFTER_SECURITY);
		return registration;
	}

	@Bean
	CacheHeadersInterceptor cacheHeadersInterceptor() {
		return new CacheHeadersInterceptor();
	}

}
