package org.incidentintel.api.incident;

import org.incidentintel.api.testing.H2IntegrationTest;

/**
 * The statistics cells against the incidents on embedded H2, the default database.
 */
@H2IntegrationTest
class IncidentStatisticsCellsIntegrationTests extends IncidentStatisticsCellsContract {

}
