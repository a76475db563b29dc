package org.incidentintel.api;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;

/**
 * What a {@code @GraphQlTest} slice needs from {@link GraphQlConfiguration}: the
 * application's scalars and limits. Not the check that every schema field is mapped: a
 * slice holds only the controllers under test.
 */
@TestConfiguration(proxyBeanMethods = false)
@EnableConfigurationProperties(ApiProperties.class)
public class GraphQlSliceConfiguration {

	@Bean
	RuntimeWiringConfigurer scalars() {
		return new GraphQlConfiguration().scalars();
	}

}
