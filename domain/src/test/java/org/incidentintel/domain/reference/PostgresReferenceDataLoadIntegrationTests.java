package org.incidentintel.domain.reference;

import org.incidentintel.testing.PostgresContainerConfiguration;
import org.incidentintel.testing.RequiresDocker;

import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.context.annotation.Import;

/**
 * Reference data on PostgreSQL, in a container.
 */
@DataJpaTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@Import({ ReferenceDataLoader.class, PostgresContainerConfiguration.class })
@RequiresDocker
class PostgresReferenceDataLoadIntegrationTests extends ReferenceDataLoadContract {

}
