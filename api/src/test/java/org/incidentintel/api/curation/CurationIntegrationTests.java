package org.incidentintel.api.curation;

import org.springframework.boot.graphql.test.autoconfigure.tester.AutoConfigureHttpGraphQlTester;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/**
 * The curation mutations on embedded H2, the default database.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.datasource.url=jdbc:h2:mem:curation;DB_CLOSE_DELAY=-1", "spring.datasource.username=sa",
				"spring.datasource.password=" })
@AutoConfigureHttpGraphQlTester
class CurationIntegrationTests extends CurationContract {

}
