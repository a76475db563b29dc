package org.incidentintel.etl.faults;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 in the middle of a load into an H2 file database (opened as the ETL opens its
 * default one, AUTO_SERVER on), then {@code restart}: the tables end as a clean load
 * leaves them. See {@link KillRestartScript}.
 */
class H2KillRestartIntegrationTests {

	@TempDir
	Path work;

	@Test
	void aKilledLoadRestartedEndsAsACleanLoad() throws Exception {
		KillRestartScript.run(this.work, "--db", "h2");
	}

}
