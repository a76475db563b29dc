package org.incidentintel.domain.reference;

import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.context.annotation.Import;

/**
 * Reference data on embedded H2.
 */
@DataJpaTest
@Import(ReferenceDataLoader.class)
class H2ReferenceDataLoadIntegrationTests extends ReferenceDataLoadContract {

}
