package org.incidentintel.api.incident;

import org.incidentintel.testing.PostgresContainerConfiguration;
import org.incidentintel.testing.RequiresDocker;

import org.springframework.boot.graphql.test.autoconfigure.tester.AutoConfigureHttpGraphQlTester;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Import;

/**
 * The statistics cells against the incidents on PostgreSQL, the production database, in
 * the shared container.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "incidentintel.api.statistics.refresh-interval=0")
@AutoConfigureHttpGraphQlTester
@Import(PostgresContainerConfiguration.class)
@RequiresDocker
class PostgresIncidentStatisticsCellsIntegrationTests extends IncidentStatisticsCellsContract {

}
