package org.incidentintel.testing;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.context.annotation.Bean;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * Points a test's application context at the shared PostgreSQL container.
 */
@TestConfiguration(proxyBeanMethods = false)
public class PostgresContainerConfiguration {

	// No destroy method: the container outlives any one cached context.
	@Bean(destroyMethod = "")
	@ServiceConnection
	PostgreSQLContainer postgresContainer() {
		return SharedPostgresContainer.get();
	}

}
