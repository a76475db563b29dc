package org.incidentintel.domain.statistics;

import org.incidentintel.testing.PostgresContainerConfiguration;
import org.incidentintel.testing.RequiresDocker;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * The statistics cells on PostgreSQL, the production database, in the shared container.
 */
@SpringBootTest
@Import(PostgresContainerConfiguration.class)
@RequiresDocker
class PostgresIncidentStatisticsCellsIntegrationTests extends IncidentStatisticsCellsContract {

}
