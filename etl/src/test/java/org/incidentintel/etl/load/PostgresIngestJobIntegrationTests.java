package org.incidentintel.etl.load;

import org.incidentintel.etl.EtlApplication;
import org.incidentintel.testing.PostgresContainerConfiguration;
import org.incidentintel.testing.RequiresDocker;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * The ingest job on PostgreSQL, in a container.
 */
@SpringBootTest(classes = EtlApplication.class)
@Import({ FaultInjection.class, PostgresContainerConfiguration.class })
@RequiresDocker
class PostgresIngestJobIntegrationTests extends IngestJobContract {

}
