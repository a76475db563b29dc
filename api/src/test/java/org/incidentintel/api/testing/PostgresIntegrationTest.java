package org.incidentintel.api.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.incidentintel.testing.PostgresContainerConfiguration;
import org.incidentintel.testing.RequiresDocker;

import org.springframework.boot.graphql.test.autoconfigure.tester.AutoConfigureHttpGraphQlTester;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Import;

/**
 * The end-to-end tests on PostgreSQL, the production database, in the shared container:
 * the whole application on a random port. Every class so annotated runs in the same
 * application context; each class resets the data it relies on. The statistics cells are
 * refreshed only when a test asks: a background refresh would race the assertions of
 * IncidentStatisticsCellsContract.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "incidentintel.api.statistics.refresh-interval=0",
				"incidentintel.api.organization-families.refresh-interval=0" })
@AutoConfigureHttpGraphQlTester
@Import({ PostgresContainerConfiguration.class, TesterTimeout.class })
@RequiresDocker
public @interface PostgresIntegrationTest {

}
