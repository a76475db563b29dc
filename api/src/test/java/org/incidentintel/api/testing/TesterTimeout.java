package org.incidentintel.api.testing;

import java.time.Duration;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webtestclient.autoconfigure.WebTestClientBuilderCustomizer;
import org.springframework.context.annotation.Bean;

/**
 * The GraphQL tester waits up to two minutes for a response instead of WebTestClient's
 * five seconds: on a busy machine (CI beside other builds, load average 20) the first
 * request to a fresh context alone can take longer. A test that is about time says so
 * itself; this bound only keeps a hung server from hanging the build.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TesterTimeout {

	static final Duration RESPONSE = Duration.ofMinutes(2);

	@Bean
	WebTestClientBuilderCustomizer patientTester() {
		return (builder) -> builder.responseTimeout(RESPONSE);
	}

}
