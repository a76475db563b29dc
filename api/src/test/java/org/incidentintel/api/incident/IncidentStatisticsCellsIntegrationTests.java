package org.incidentintel.api.incident;

import org.springframework.boot.graphql.test.autoconfigure.tester.AutoConfigureHttpGraphQlTester;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/**
 * The statistics cells against the incidents on embedded H2, the default database.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.datasource.url=jdbc:h2:mem:statistics-cells;DB_CLOSE_DELAY=-1",
				"spring.datasource.username=sa", "spring.datasource.password=",
				"incidentintel.api.statistics.refresh-interval=0" })
@AutoConfigureHttpGraphQlTester
class IncidentStatisticsCellsIntegrationTests extends IncidentStatisticsCellsContract {

}
