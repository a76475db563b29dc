package org.incidentintel.domain;

import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;

/**
 * The persistence contract on embedded H2, the default database.
 */
@DataJpaTest
class H2PersistenceIntegrationTests extends PersistenceContract {

}
