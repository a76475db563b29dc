package org.incidentintel.api.actuator;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.observation.ObservationRegistry;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The database health check, the pool's reaction to a closed H2 database, disk metrics
 * without the server's paths, and the GraphQL observations.
 */
@Configuration(proxyBeanMethods = false)
class ActuatorConfiguration {

	/** Seconds the health query may run; then the database is DOWN. */
	static final int HEALTH_QUERY_TIMEOUT_SECONDS = 2;

	/**
	 * Named {@code dbHealthIndicator}, so that it replaces Spring Boot's (which trusts
	 * {@code Connection.isValid()}) as the {@code db} component, in
	 * {@code /actuator/health} and in the readiness group.
	 */
	@Bean
	DatabaseHealthIndicator dbHealthIndicator(DataSource dataSource) {
		return new DatabaseHealthIndicator(dataSource, HEALTH_QUERY_TIMEOUT_SECONDS);
	}

	@Bean
	static BeanPostProcessor closedDatabaseEviction() {
		return new BeanPostProcessor() {

			@Override
			public Object postProcessBeforeInitialization(Object bean, String beanName) {
				if (bean instanceof HikariDataSource hikari && hikari.getExceptionOverride() == null
						&& hikari.getExceptionOverrideClassName() == null) {
					hikari.setExceptionOverride(new ClosedDatabaseEviction(hikari));
				}
				return bean;
			}

		};
	}

	/**
	 * Drops the {@code path} tag of the disk space meters ({@code disk_free_bytes},
	 * {@code disk_total_bytes}), which named the data directory.
	 */
	@Bean
	MeterFilter diskSpaceWithoutPath() {
		return new MeterFilter() {

			@Override
			public Meter.Id map(Meter.Id id) {
				if (id.getName().startsWith("disk.") && id.getTag("path") != null) {
					return id.replaceTags(id.getTags().stream().filter((tag) -> !"path".equals(tag.getKey())).toList());
				}
				return id;
			}

		};
	}

	/**
	 * The outcome tag of GraphQL requests: the error code, not INTERNAL_ERROR for all.
	 */
	@Bean
	GraphQlOutcomeConvention graphQlOutcomeConvention() {
		return new GraphQlOutcomeConvention();
	}

	/**
	 * Replaces Spring Boot's instrumentation of the same name (it backs off): the data
	 * fetchers are observed at the root of an operation only, and requests are labelled
	 * by their outcome's error code.
	 */
	@Bean
	RootFieldObservations graphQlObservationInstrumentation(ObservationRegistry registry,
			GraphQlOutcomeConvention outcomes) {
		return new RootFieldObservations(registry, outcomes);
	}

}
