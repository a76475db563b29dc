package org.incidentintel.api.faults;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.UUID;

import javax.sql.DataSource;

import com.jayway.jsonpath.JsonPath;
import org.flywaydb.core.Flyway;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.incidentintel.api.faults.GraphQlHttp.Answer;
import org.incidentintel.domain.security.ApiTokens;
import org.incidentintel.domain.security.Role;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Health when H2 closed the database under the API, as after an {@code OutOfMemoryError}:
 * the pooled connections still say they are valid, but every statement fails with "The
 * database has been closed [90098]". Health and readiness must say DOWN at the first
 * probe, liveness must stay UP (a database outage is no reason to restart the pod), and
 * all must be UP again once a database is back, without a restart.
 * <p>
 * The database is this class's own in-memory H2 (it is closed), not the module's shared
 * one; the context is discarded afterwards.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.datasource.url=jdbc:h2:mem:closed-database-health;DB_CLOSE_DELAY=-1",
				"spring.datasource.username=sa", "spring.datasource.password=",
				"incidentintel.api.statistics.refresh-interval=0" })
@DirtiesContext // its database was closed; no other class may reuse it
class ClosedDatabaseHealthIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	DataSource dataSource;

	@Autowired
	Flyway flyway;

	@Autowired
	ApiTokens tokens;

	@Test
	void healthAndReadinessAreDownWhileTheDatabaseIsClosedAndLivenessStaysUp() throws SQLException {
		GraphQlHttp http = new GraphQlHttp(this.port);
		String editor = this.tokens.create("health-" + UUID.randomUUID(), Role.EDITOR).token();
		assertThat(status(http.get("/actuator/health", editor), "$.components.db.status")).isEqualTo("200 UP");
		assertThat(status(http.get("/actuator/health/readiness"), "$.status")).isEqualTo("200 UP");

		closeTheDatabase();

		Answer health = http.get("/actuator/health");
		assertThat(status(health, "$.status")).as(health.toString()).isEqualTo("503 DOWN");
		assertThat(status(http.get("/actuator/health/readiness"), "$.status")).isEqualTo("503 DOWN");
		assertThat(status(http.get("/actuator/health/liveness"), "$.status")).isEqualTo("200 UP");
		// the tokens are in the database: an editor's is not checked, health shows its
		// status only, and GraphQL answers UNAVAILABLE (not a bare HTTP 500)
		assertThat(status(http.get("/actuator/health", editor), "$.status")).isEqualTo("503 DOWN");
		Answer query = http.post("{ ingestRuns { totalCount } }", editor);
		assertThat(query.status()).isEqualTo(200);
		assertThat(query.codes()).as(query.toString()).containsOnly("UNAVAILABLE");

		// The closed database is gone: the new connections the pool opened (once the
		// dead ones were evicted) reach an empty one, still DOWN until it is migrated
		// (which loses the tokens too)
		this.flyway.migrate();

		String newEditor = this.tokens.create("health-" + UUID.randomUUID(), Role.EDITOR).token();
		assertThat(status(http.get("/actuator/health", newEditor), "$.components.db.status")).isEqualTo("200 UP");
		assertThat(status(http.get("/actuator/health/readiness"), "$.status")).isEqualTo("200 UP");
		assertThat(http.post("{ ingestRuns { totalCount } }").<Integer>read("$.data.ingestRuns.totalCount")).isZero();
	}

	/**
	 * What H2 does on an {@code OutOfMemoryError}: the database is closed at once, its
	 * sessions left open.
	 */
	private void closeTheDatabase() throws SQLException {
		try (Connection connection = this.dataSource.getConnection()) {
			JdbcConnection h2 = connection.unwrap(JdbcConnection.class);
			((SessionLocal) h2.getSession()).getDatabase().shutdownImmediately();
		}
	}

	private static String status(Answer answer, String path) {
		return answer.status() + " " + JsonPath.read(answer.body(), path);
	}

}
