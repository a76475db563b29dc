package org.incidentintel.api.curation;

import org.incidentintel.api.testing.H2IntegrationTest;

/**
 * The curation mutations on embedded H2, the default database.
 */
@H2IntegrationTest
class CurationIntegrationTests extends CurationContract {

}
