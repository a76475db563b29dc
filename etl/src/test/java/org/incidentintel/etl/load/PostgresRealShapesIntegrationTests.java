package org.incidentintel.etl.load;

import org.incidentintel.etl.EtlApplication;
import org.incidentintel.testing.PostgresContainerConfiguration;
import org.incidentintel.testing.RequiresDocker;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * The corpus of real shapes on PostgreSQL, in a container (the context, and so the
 * container, of {@link PostgresIngestJobIntegrationTests}).
 */
@SpringBootTest(classes = EtlApplication.class)
@Import({ FaultInjection.class, PostgresContainerConfiguration.class })
@RequiresDocker
class PostgresRealShapesIntegrationTests extends RealShapesContract {

}
