package org.incidentintel.etl.load;

import org.incidentintel.etl.EtlApplication;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * Deduplication on embedded H2.
 */
@SpringBootTest(classes = EtlApplication.class)
@Import(FaultInjection.class)
class H2DeduplicationIntegrationTests extends DeduplicationContract {

}
