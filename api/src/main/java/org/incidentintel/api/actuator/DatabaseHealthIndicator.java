package org.incidentintel.api.actuator;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * The {@code db} health component: UP only when a query of an application table answers.
 * <p>
 * Spring Boot's own indicator asks the pooled connection {@code isValid()} and the
 * driver's metadata, which an embedded H2 answers from the session without touching the
 * database: after H2 closed the database ("The database has been closed [90098]", as
 * after an {@code OutOfMemoryError}) both still succeed and health stayed UP while every
 * query failed. This indicator reads the single row of {@code incident_statistics_state},
 * which every migrated database holds, so a closed, unreachable or empty database is
 * DOWN.
 */
class DatabaseHealthIndicator extends AbstractHealthIndicator {

	/** The query: a primary key lookup of a one-row table of the schema. */
	static final String QUERY = "select data_version from incident_statistics_state where id = 1";

	private final DataSource dataSource;

	private final int timeoutSeconds;

	DatabaseHealthIndicator(DataSource dataSource, int timeoutSeconds) {
		super("Database health check failed");
		this.dataSource = dataSource;
		this.timeoutSeconds = timeoutSeconds;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) throws SQLException {
		try (Connection connection = this.dataSource.getConnection();
				Statement statement = connection.createStatement()) {
			statement.setQueryTimeout(this.timeoutSeconds);
			try (ResultSet result = statement.executeQuery(QUERY)) {
				builder.withDetail("database", connection.getMetaData().getDatabaseProductName())
					.withDetail("validationQuery", QUERY);
				if (result.next()) {
					builder.up();
				}
				else {
					builder.down().withDetail("error", "incident_statistics_state has no row");
				}
			}
		}
	}

}
