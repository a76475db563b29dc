package org.incidentintel.etl.load;

import org.incidentintel.etl.EtlApplication;

import org.springframework.boot.test.context.SpringBootTest;

/**
 * Deduplication on embedded H2.
 */
@SpringBootTest(classes = EtlApplication.class)
class H2DeduplicationIntegrationTests extends DeduplicationContract {

}
