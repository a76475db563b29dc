package org.incidentintel.domain.database;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A pool over an embedded H2 database that was closed under it: the failing connection is
 * dropped and the next one reopens the file, the way the API recovers after H2 closed its
 * database on an {@link OutOfMemoryError}.
 */
class DeadConnectionsTests {

	@TempDir
	Path directory;

	@Test
	void aClosedEmbeddedDatabaseIsReopenedByTheNextConnection() throws SQLException {
		try (HikariDataSource pool = pool(DeadConnections.class.getName())) {
			JdbcTemplate jdbc = new JdbcTemplate(pool);
			jdbc.execute("CREATE TABLE kept (id INT)");
			jdbc.update("INSERT INTO kept VALUES (7)");
			closeTheDatabaseUnderThePool(pool);

			// The dead connection was dropped when it came back; a new one reopened the
			// file
			assertThat(jdbc.queryForObject("SELECT id FROM kept", Integer.class)).isEqualTo(7);
		}
	}

	@Test
	void withoutItThePoolLendsTheDeadConnectionAgain() throws SQLException {
		try (HikariDataSource pool = pool(null)) {
			JdbcTemplate jdbc = new JdbcTemplate(pool);
			jdbc.execute("CREATE TABLE kept (id INT)");
			closeTheDatabaseUnderThePool(pool);

			assertThatExceptionOfType(Exception.class)
				.isThrownBy(() -> jdbc.queryForObject("SELECT id FROM kept", Integer.class));
			// Lent straight back (no idle time for the pool to test it): still dead
			assertThatExceptionOfType(Exception.class)
				.isThrownBy(() -> jdbc.queryForObject("SELECT id FROM kept", Integer.class));
		}
	}

	@Test
	void onlyFatalCodesForceAnEviction() {
		DeadConnections override = new DeadConnections();
		assertThat(override.adjudicate(new SQLException("closed", "90098", 90098)))
			.isEqualTo(com.zaxxer.hikari.SQLExceptionOverride.Override.MUST_EVICT);
		assertThat(override
			.adjudicate(new SQLException("wrapped", "HY000", 0, new SQLException("closed", "90121", 90121))))
			.isEqualTo(com.zaxxer.hikari.SQLExceptionOverride.Override.MUST_EVICT);
		assertThat(override.adjudicate(new SQLException("syntax", "42000", 42000)))
			.isEqualTo(com.zaxxer.hikari.SQLExceptionOverride.Override.CONTINUE_EVICT);
	}

	private HikariDataSource pool(String override) {
		HikariConfig config = new HikariConfig();
		config.setJdbcUrl("jdbc:h2:file:" + this.directory.resolve("db").toAbsolutePath());
		config.setUsername("sa");
		config.setMaximumPoolSize(1);
		config.setMinimumIdle(1);
		config.setExceptionOverrideClassName(override);
		return new HikariDataSource(config);
	}

	/**
	 * Closes the database the way H2 does on a fatal error, leaving the pool's connection
	 * open.
	 */
	private static void closeTheDatabaseUnderThePool(HikariDataSource pool) throws SQLException {
		Connection connection = pool.getConnection();
		try (Statement statement = connection.createStatement()) {
			statement.execute("SHUTDOWN");
		}
		try {
			connection.close();
		}
		catch (SQLException expected) {
			// Handing a dead connection back fails too; the pool keeps it all the same
		}
	}

}
