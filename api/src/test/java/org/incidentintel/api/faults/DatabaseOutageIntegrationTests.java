package org.incidentintel.api.faults;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

import org.incidentintel.api.faults.GraphQlHttp.Answer;
import org.incidentintel.api.faults.LoadClients.Probe;
import org.incidentintel.api.faults.LoadClients.Sample;
import org.incidentintel.domain.reference.ReferenceDataLoader;
import org.incidentintel.domain.reference.ReferenceDataReader;
import org.incidentintel.domain.security.ApiTokens;
import org.incidentintel.domain.security.Role;
import org.incidentintel.testing.RestartablePostgres;
import org.incidentintel.testing.RequiresDocker;
import org.junit.jupiter.api.Test;
import org.testcontainers.postgresql.PostgreSQLContainer;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The API on PostgreSQL under load while the database goes down and comes back: during
 * the outage every request is answered at once with an {@code UNAVAILABLE} error (no SQL,
 * no stack trace) and health is DOWN; afterwards the same API process answers correctly
 * again, health UP. The container is this class's own (it is stopped), not the shared
 * one.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@Import(DatabaseOutageIntegrationTests.OwnPostgres.class)
@RequiresDocker
@DirtiesContext // closing the context stops the container; no other class may reuse it
class DatabaseOutageIntegrationTests {

	private static final String UNAVAILABLE_MESSAGE = "The database is not available right now; retry later.";

	/** Hikari's connection-timeout in application.yml, plus room for a slow machine. */
	private static final Duration QUICK = Duration.ofSeconds(6);

	private static final List<Probe> PROBES = List.of(
			new Probe("organizations",
					"{ organizations(first: 10) { totalCount edges { node { name acronym aliases { name } } } } }"),
			new Probe("regions", "{ regions(country: \"PAK\") { key name names { name validTo } } }"),
			new Probe("statistics", "{ incidentStatistics(groupBy: [REGION]) { totals { incidents killed } "
					+ "buckets { key { region { name } } incidents } } }"));

	private static final int CLIENTS = 4;

	@LocalServerPort
	int port;

	@Autowired
	PostgreSQLContainer postgres;

	@Autowired
	ReferenceDataLoader referenceData;

	@Autowired
	ApiTokens tokens;

	@Test
	void requestsAreAnsweredUnavailableDuringAnOutageAndSucceedAgainAfterItWithoutARestart() {
		this.referenceData.load(new ReferenceDataReader().readClasspath());
		GraphQlHttp http = new GraphQlHttp(this.port);
		Map<String, Object> expected = new HashMap<>();
		for (Probe probe : PROBES) {
			Answer answer = http.post(probe.document());
			assertThat(answer.errors()).as(answer.toString()).isEmpty();
			expected.put(probe.name(), answer.data());
		}
		assertThat(http.post(PROBES.get(0).document()).<Integer>read("$.data.organizations.totalCount")).isPositive();
		// health shows its components to editors only
		String editor = this.tokens.create("outage-" + UUID.randomUUID(), Role.EDITOR).token();
		assertHealth(http.get("/actuator/health", editor), 200, "UP");

		Answer healthDuringOutage;
		Answer healthAfterOutage;
		long stoppedAt;
		long backAt;
		LoadClients load = new LoadClients(http, clientProbes());
		try {
			load.awaitEach(3, (sample) -> succeeded(sample, expected), 60_000, "correct answers");

			RestartablePostgres.stop(this.postgres);
			stoppedAt = System.nanoTime();
			load.awaitEach(2, (sample) -> sample.answer().startNanos() > stoppedAt && unavailable(sample), 30_000,
					"UNAVAILABLE errors during the outage");
			healthDuringOutage = http.get("/actuator/health");

			RestartablePostgres.start(this.postgres);
			backAt = System.nanoTime();
			load.awaitEach(5, (sample) -> sample.answer().startNanos() > backAt && succeeded(sample, expected), 60_000,
					"correct answers after the outage");
			healthAfterOutage = http.get("/actuator/health", editor);
		}
		finally {
			load.close();
		}

		List<Sample> samples = load.samples();
		Map<String, Long> kinds = samples.stream()
			.collect(Collectors.groupingBy((sample) -> kind(sample, expected), TreeMap::new, Collectors.counting()));
		List<Sample> errors = samples.stream().filter((sample) -> !sample.answer().errors().isEmpty()).toList();
		long slowestError = errors.stream().mapToLong((sample) -> sample.answer().millis()).max().orElse(0);
		long recovery = load.clients()
			.stream()
			.mapToLong((client) -> client.samples.stream()
				.filter((sample) -> sample.answer().startNanos() > backAt && succeeded(sample, expected))
				.mapToLong((sample) -> sample.answer().startNanos() + sample.answer().nanos() - backAt)
				.min()
				.orElseThrow())
			.max()
			.orElseThrow();
		System.out.printf(
				"[outage] %d answers %s; outage %d ms; slowest error answer %d ms; health during the outage "
						+ "%d in %d ms; every client answered correctly again %d ms after PostgreSQL accepted "
						+ "connections%n",
				samples.size(), kinds, Duration.ofNanos(backAt - stoppedAt).toMillis(), slowestError,
				healthDuringOutage.status(), healthDuringOutage.millis(), Duration.ofNanos(recovery).toMillis());

		// every answer is either correct data or errors that all carry the documented
		// code
		assertThat(kinds.keySet()).as("kinds of answers").containsOnly("correct", "UNAVAILABLE");
		assertThat(errors).isNotEmpty().allSatisfy((sample) -> {
			Answer answer = sample.answer();
			assertThat(answer.status()).isEqualTo(200);
			assertThat(answer.errorsLeakInternals()).as(answer.toString()).isFalse();
			assertThat(answer.errors()).allSatisfy(
					(error) -> assertThat(error.get("message")).as(answer.toString()).isEqualTo(UNAVAILABLE_MESSAGE));
		});
		assertThat(slowestError).as("slowest error answer, ms").isLessThan(QUICK.toMillis());
		// after the outage, the same process answers correctly again
		for (LoadClients.Client client : load.clients()) {
			List<Sample> own = client.samples;
			assertThat(own.subList(own.size() - 5, own.size()))
				.allSatisfy((sample) -> assertThat(kind(sample, expected)).isEqualTo("correct"));
		}
		// anonymous, so the status only (a token could not be checked without the
		// database)
		assertThat(healthDuringOutage.status()).as(healthDuringOutage.toString()).isEqualTo(503);
		assertThat(healthDuringOutage.<String>read("$.status")).isEqualTo("DOWN");
		assertThat(healthDuringOutage.millis()).isLessThan(QUICK.toMillis());
		assertHealth(healthAfterOutage, 200, "UP");
	}

	/** Each client posts every probe in turn, starting at a different one. */
	private static List<List<Probe>> clientProbes() {
		return java.util.stream.IntStream.range(0, CLIENTS).mapToObj((client) -> {
			List<Probe> rotated = new java.util.ArrayList<>(PROBES);
			java.util.Collections.rotate(rotated, client);
			return (List<Probe>) rotated;
		}).toList();
	}

	/**
	 * What an answer is: {@code correct} (the expected data, no error), the error codes
	 * (joined), {@code wrong data}, or the HTTP status or transport failure.
	 */
	private static String kind(Sample sample, Map<String, Object> expected) {
		Answer answer = sample.answer();
		if (answer.status() != 200) {
			return "HTTP " + answer.status() + ((answer.failure() != null) ? " " + answer.failure() : "");
		}
		if (answer.errors().isEmpty()) {
			if (answer.data() == null) {
				return "neither data nor errors";
			}
			return expected.get(sample.probe().name()).equals(answer.data()) ? "correct" : "wrong data";
		}
		return answer.codes().stream().distinct().collect(Collectors.joining(","));
	}

	private static boolean succeeded(Sample sample, Map<String, Object> expected) {
		return "correct".equals(kind(sample, expected));
	}

	private static boolean unavailable(Sample sample) {
		return sample.answer().codes().contains("UNAVAILABLE");
	}

	private static void assertHealth(Answer health, int status, String state) {
		assertThat(health.status()).as(health.toString()).isEqualTo(status);
		assertThat(health.<String>read("$.status")).isEqualTo(state);
		assertThat(health.<String>read("$.components.db.status")).isEqualTo(state);
	}

	/** This class's own container, which it stops and starts. */
	@TestConfiguration(proxyBeanMethods = false)
	static class OwnPostgres {

		@Bean
		@ServiceConnection
		PostgreSQLContainer outagePostgres() {
			return RestartablePostgres.create();
		}

	}

}
