package org.incidentintel.etl.faults;

import java.nio.file.Path;

import org.incidentintel.testing.RequiresDocker;
import org.incidentintel.testing.SharedPostgresContainer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * kill -9 in the middle of a load into PostgreSQL (the shared container; each trial
 * creates its own database), then {@code restart}: the tables end as a clean load leaves
 * them. See {@link KillRestartScript}.
 */
@RequiresDocker
class PostgresKillRestartIntegrationTests {

	@TempDir
	Path work;

	@Test
	void aKilledLoadRestartedEndsAsACleanLoad() throws Exception {
		PostgreSQLContainer postgres = SharedPostgresContainer.get();
		KillRestartScript.run(this.work, "--db", postgres.getJdbcUrl(), "--db-user", postgres.getUsername(),
				"--db-password", postgres.getPassword());
	}

}
