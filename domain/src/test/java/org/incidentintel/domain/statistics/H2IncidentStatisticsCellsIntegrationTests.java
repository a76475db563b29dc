package org.incidentintel.domain.statistics;

import org.springframework.boot.test.context.SpringBootTest;

/**
 * The statistics cells on embedded H2, the default database.
 */
@SpringBootTest(properties = "spring.datasource.url=jdbc:h2:mem:statistics-cells;DB_CLOSE_DELAY=-1")
class H2IncidentStatisticsCellsIntegrationTests extends IncidentStatisticsCellsContract {

}
