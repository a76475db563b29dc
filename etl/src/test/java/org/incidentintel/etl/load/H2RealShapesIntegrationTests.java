package org.incidentintel.etl.load;

import org.incidentintel.etl.EtlApplication;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * The corpus of real shapes on embedded H2.
 */
@SpringBootTest(classes = EtlApplication.class)
@Import(FaultInjection.class) // shares the H2 context of the other ETL classes
class H2RealShapesIntegrationTests extends RealShapesContract {

}
