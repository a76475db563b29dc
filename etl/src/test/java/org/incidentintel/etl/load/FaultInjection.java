package org.incidentintel.etl.load;

import javax.sql.DataSource;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * Replaces the JdbcTemplate with one that can simulate an outage (disarmed, a plain
 * JdbcTemplate). Every ETL test class on a database imports it, so that the classes on
 * one database share one application context.
 */
@TestConfiguration(proxyBeanMethods = false)
public class FaultInjection {

	@Bean
	@Primary
	FailingJdbcTemplate failingJdbcTemplate(DataSource dataSource) {
		return new FailingJdbcTemplate(dataSource);
	}

}
