package org.incidentintel.api.curation;

import org.incidentintel.api.testing.PostgresIntegrationTest;

/**
 * The curation mutations on PostgreSQL, the production database, in the shared container.
 */
@PostgresIntegrationTest
class PostgresCurationIntegrationTests extends CurationContract {

}
