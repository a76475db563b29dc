package org.incidentintel.api.incident;

import org.incidentintel.api.testing.H2IntegrationTest;

/**
 * The incident queries on embedded H2, the default database.
 */
@H2IntegrationTest
class IncidentQueriesIntegrationTests extends IncidentQueriesContract {

}
