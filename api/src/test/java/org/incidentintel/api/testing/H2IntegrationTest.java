package org.incidentintel.api.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.graphql.test.autoconfigure.tester.AutoConfigureHttpGraphQlTester;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;

/**
 * The end-to-end tests on H2: the whole application on a random port over one in-memory
 * database for the module. Every class so annotated (and declaring nothing else that
 * changes the context) runs in the same application context, which Spring's test context
 * cache starts once; each class resets the data it relies on.
 * <p>
 * The configuration is the union of what those classes need, none of which changes what
 * the others see: statements are recorded ({@link StatementCounting}), JWTs of a test
 * issuer are accepted besides API tokens ({@link TestJwtIssuer}), two CORS origins are
 * allowed, and the statistics cells are refreshed only when a test asks (no background
 * refresh races a test's assertions); subscriptions poll every 100 ms, two at most per
 * client. Tests that need other limits (rate limit, request timeout) keep a context of
 * their own.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
		"spring.datasource.url=jdbc:h2:mem:api;DB_CLOSE_DELAY=-1", "spring.datasource.username=sa",
		"spring.datasource.password=", "INCIDENTINTEL_CORS_ORIGINS=https://app.example.org,http://localhost:5173",
		"incidentintel.api.statistics.refresh-interval=0", "incidentintel.api.organization-families.refresh-interval=0",
		"incidentintel.api.subscriptions.max-per-client=2", "incidentintel.api.subscriptions.poll-interval=100ms",
		"spring.graphql.http.sse.keep-alive=1s" })
@AutoConfigureHttpGraphQlTester
@AutoConfigureMockMvc
@Import({ StatementCounting.class, TestJwtIssuer.class, TesterTimeout.class })
public @interface H2IntegrationTest {

}
