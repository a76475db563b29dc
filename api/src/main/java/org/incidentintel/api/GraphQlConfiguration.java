package org.incidentintel.api;

import graphql.scalars.ExtendedScalars;
import graphql.schema.GraphQLScalarType;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;
import org.springframework.graphql.execution.SchemaReport;

/**
 * The GraphQL scalars ({@code Date}, {@code DateTime}, {@code Long}), the API's limits,
 * and the schema mapping inspection: a schema field that no controller or property serves
 * fails the start-up.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ ApiProperties.class, SubscriptionProperties.class })
class GraphQlConfiguration {

	private static final Log logger = LogFactory.getLog(GraphQlConfiguration.class);

	/**
	 * The scalars, described as in schema.graphqls (introspection shows the description
	 * of the wired scalar, not that of the schema file).
	 * @return the configurer of the scalars
	 */
	@Bean
	RuntimeWiringConfigurer scalars() {
		return (wiring) -> wiring.scalar(describe(ExtendedScalars.Date, "A calendar date, ISO 8601 (`2024-05-10`)."))
			.scalar(describe(ExtendedScalars.DateTime,
					"An instant with its offset, ISO 8601 (`2024-05-13T09:30:00Z`)."))
			.scalar(describe(ExtendedScalars.GraphQLLong, "A 64-bit integer, for counts that may outgrow 32 bits."));
	}

	private static GraphQLScalarType describe(GraphQLScalarType scalar, String description) {
		return scalar.transform((builder) -> builder.description(description));
	}

	@Bean
	GraphQlSourceBuilderCustomizer schemaMappingsMustBeComplete() {
		return (builder) -> builder.inspectSchemaMappings(GraphQlConfiguration::failOnUnmapped);
	}

	/**
	 * Logs the inspection report, and fails when a field has no data fetcher, a data
	 * fetcher has no field, or a controller method asks for an argument the schema does
	 * not declare.
	 * @param report the report of Spring for GraphQL's schema mapping inspection
	 */
	static void failOnUnmapped(SchemaReport report) {
		boolean incomplete = !report.unmappedFields().isEmpty() || !report.unmappedRegistrations().isEmpty()
				|| !report.unmappedArguments().isEmpty();
		if (incomplete) {
			throw new IllegalStateException("The schema and the controllers do not match; map every field and "
					+ "argument (or remove it from the schema): " + report);
		}
		if (!report.skippedTypes().isEmpty() || !report.fieldNullnessErrors().isEmpty()
				|| !report.argumentNullnessErrors().isEmpty()) {
			logger.info(report);
		}
	}

}
