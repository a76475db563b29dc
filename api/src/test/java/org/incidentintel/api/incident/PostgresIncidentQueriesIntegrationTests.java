package org.incidentintel.api.incident;

import org.incidentintel.api.testing.PostgresIntegrationTest;

/**
 * The incident queries on PostgreSQL, the production database, in the shared container.
 */
@PostgresIntegrationTest
class PostgresIncidentQueriesIntegrationTests extends IncidentQueriesContract {

}
