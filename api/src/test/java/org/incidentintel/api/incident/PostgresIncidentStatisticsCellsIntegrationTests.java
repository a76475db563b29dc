package org.incidentintel.api.incident;

import org.incidentintel.api.testing.PostgresIntegrationTest;

/**
 * The statistics cells against the incidents on PostgreSQL, the production database, in
 * the shared container.
 */
@PostgresIntegrationTest
class PostgresIncidentStatisticsCellsIntegrationTests extends IncidentStatisticsCellsContract {

}
