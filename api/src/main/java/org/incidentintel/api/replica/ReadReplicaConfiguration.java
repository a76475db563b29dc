package org.incidentintel.api.replica;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.binder.MeterBinder;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * The read replica, when {@code incidentintel.datasource.replica.url} is set: a second
 * pool, and the application's data source (Spring Boot's, on the primary) wrapped so that
 * GraphQL queries read from the replica ({@link ReplicaRoutingDataSource}). Without the
 * URL nothing here exists and the one data source is Spring Boot's, unchanged.
 * <p>
 * The replica's pool is made as Spring Boot's documentation makes an additional data
 * source: not a default candidate, so that Boot still configures the primary (and its
 * {@code @ServiceConnection} in tests), and nothing else injects the replica by mistake.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(ReadReplicaConfiguration.ReplicaConfigured.class)
class ReadReplicaConfiguration {

	static final String PREFIX = "incidentintel.datasource.replica";

	static final String REPLICA = "replica";

	@Bean(defaultCandidate = false)
	@Qualifier(REPLICA)
	@ConfigurationProperties(PREFIX)
	DataSourceProperties replicaDataSourceProperties() {
		return new DataSourceProperties();
	}

	/**
	 * The replica's pool: read-only connections, named {@code replica} (in the logs and
	 * the {@code hikaricp_*} metrics), tuned by
	 * {@code incidentintel.datasource.replica.hikari.*}.
	 */
	@Bean(defaultCandidate = false)
	@Qualifier(REPLICA)
	@ConfigurationProperties(PREFIX + ".hikari")
	HikariDataSource replicaDataSource(@Qualifier(REPLICA) DataSourceProperties properties) {
		HikariDataSource replica = properties.initializeDataSourceBuilder().type(HikariDataSource.class).build();
		replica.setPoolName("replica");
		replica.setReadOnly(true);
		return replica;
	}

	/**
	 * Wraps Spring Boot's data source (the bean {@code dataSource}, on the primary) once
	 * it is made, so that everything built on it (JPA, JDBC templates, the transaction
	 * manager, Flyway, the health check) shares the routing.
	 */
	@Bean
	static BeanPostProcessor replicaRouting(BeanFactory beans) {
		return new BeanPostProcessor() {

			@Override
			public Object postProcessAfterInitialization(Object bean, String name) {
				if ("dataSource".equals(name) && bean instanceof DataSource primary) {
					return ReplicaRoutingDataSource.of(primary, beans.getBean("replicaDataSource", DataSource.class));
				}
				return bean;
			}

		};
	}

	/**
	 * The replica pool's {@code hikaricp_*} metrics (tag {@code pool="replica"}): Spring
	 * Boot instruments only default candidates.
	 */
	@Bean
	MeterBinder replicaPoolMetrics(@Qualifier(REPLICA) HikariDataSource replica) {
		return replica::setMetricRegistry;
	}

	@Bean
	QueriesReadReplica queriesReadReplica() {
		return new QueriesReadReplica();
	}

	/**
	 * A URL that is set and not blank ({@code INCIDENTINTEL_DB_REPLICA_URL} is empty by
	 * default).
	 */
	static class ReplicaConfigured implements Condition {

		@Override
		public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
			return StringUtils.hasText(context.getEnvironment().getProperty(PREFIX + ".url"));
		}

	}

}
