package org.incidentintel.api.incident;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.incidentintel.api.testing.H2IntegrationTest;
import org.incidentintel.api.testing.SubscriptionClients;
import org.incidentintel.api.testing.TestDatabase;
import org.incidentintel.domain.security.ApiTokens;
import org.incidentintel.domain.security.Role;
import org.incidentintel.domain.statistics.IncidentStatisticsCells;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.client.SubscriptionErrorException;
import org.springframework.graphql.test.tester.WebSocketGraphQlTester;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.reactive.socket.client.StandardWebSocketClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code incidentsChanged} end to end, with real clients over WebSocket and SSE: a change
 * of incident data committed the way the ETL commits it (its own transaction increments
 * the data version) reaches every subscriber through the one watch of the process, and
 * the subscription limits hold.
 */
@H2IntegrationTest
class IncidentsChangedIntegrationTests {

	private static final Duration WAIT = Duration.ofSeconds(30);

	private static final String CHANGES = "subscription { incidentsChanged { dataVersion changedAt } }";

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	IncidentStatisticsCells cells;

	@Autowired
	DataVersionWatch watch;

	@Autowired
	ApiTokens tokens;

	@Test
	void aChangeOfIncidentDataReachesAWebSocketSubscriberWithTheNewVersion() {
		WebSocketGraphQlTester client = SubscriptionClients.webSocket(this.port, null);
		int before = this.watch.subscribers();
		Flux<Long> versions = client.document(CHANGES)
			.executeSubscription()
			.toFlux("incidentsChanged.dataVersion", Long.class);

		StepVerifier.create(versions).then(() -> changeOnceSubscribed(before)).assertNext((version) -> {
			assertThat(version).isEqualTo(this.cells.versions().dataVersion());
		}).thenCancel().verify(WAIT);
		client.stop().block(WAIT);
	}

	@Test
	void aChangeOfIncidentDataReachesAnSseSubscriberAndAFilterIsAccepted() {
		int before = this.watch.subscribers();
		// A client of its own: anonymous callers share one subscription limit by address
		// with the browser tests' pages
		String token = this.tokens.create("sse-" + UUID.randomUUID().toString().substring(0, 8), Role.READER).token();
		Flux<Map<String, Object>> events = SubscriptionClients.sse(this.port, token,
				"subscription($filter: IncidentFilter) { incidentsChanged(filter: $filter) { dataVersion changedAt } }",
				Map.of("filter", Map.of("country", List.of("PAK"))));

		StepVerifier.create(events).then(() -> changeOnceSubscribed(before)).assertNext((event) -> {
			assertThat(event).doesNotContainKey("errors");
			assertThat(SubscriptionClients.at(event, "data.incidentsChanged.dataVersion"))
				.isEqualTo((int) this.cells.versions().dataVersion());
			assertThat(SubscriptionClients.at(event, "data.incidentsChanged.changedAt")).isNotNull();
		}).thenCancel().verify(WAIT);
	}

	@Test
	void oneSubscriptionOverTheClientsLimitIsRefusedWithLimitExceeded() {
		String token = this.tokens.create("subscriber-" + UUID.randomUUID().toString().substring(0, 8), Role.READER)
			.token();
		WebSocketGraphQlTester client = SubscriptionClients.webSocket(this.port, token);
		int before = this.watch.subscribers();
		// The limit of the shared test context is 2 (H2IntegrationTest)
		var first = client.document(CHANGES).executeSubscription().toFlux().subscribe();
		var second = client.document(CHANGES).executeSubscription().toFlux().subscribe();
		await().atMost(WAIT).until(() -> this.watch.subscribers() >= before + 2);

		StepVerifier.create(client.document(CHANGES).executeSubscription().toFlux())
			.consumeErrorWith((error) -> assertThat(error)
				.isInstanceOfSatisfying(SubscriptionErrorException.class, (refused) -> assertThat(refused.getErrors())
					.singleElement()
					.satisfies((refusal) -> assertThat(refusal.getExtensions()).containsEntry("code", "LIMIT_EXCEEDED")
						.containsEntry("limit", "incidentintel.api.subscriptions.max-per-client")
						.containsEntry("maximum", 2))))
			.verify(WAIT);
		first.dispose();
		second.dispose();
		client.stop().block(WAIT);
	}

	@Test
	void aWebSocketWithARefusedTokenIsAnsweredUnauthenticated() {
		WebSocketGraphQlTester client = SubscriptionClients.webSocket(this.port, "iit_not-a-token-of-this-server");

		StepVerifier.create(client.document(CHANGES).executeSubscription().toFlux())
			.assertNext((response) -> response.errors()
				.satisfy((errors) -> assertThat(errors).singleElement()
					.satisfies((error) -> assertThat(error.getExtensions()).containsEntry("code", "UNAUTHENTICATED"))))
			.verifyComplete();
		client.stop().block(WAIT);
	}

	@Test
	void aWebSocketHandshakeFromAnOriginNotAllowedIsRefusedAndAnAllowedOneIsNot() {
		URI url = URI.create("ws://localhost:" + this.port + "/graphql");
		WebSocketGraphQlTester foreign = WebSocketGraphQlTester.builder(url, new StandardWebSocketClient())
			.header("Origin", "https://elsewhere.example.org")
			.build();
		WebSocketGraphQlTester allowed = WebSocketGraphQlTester.builder(url, new StandardWebSocketClient())
			.header("Origin", "https://app.example.org")
			.build();

		StepVerifier.create(foreign.start()).expectError().verify(WAIT);
		StepVerifier.create(allowed.start()).verifyComplete();
		allowed.stop().block(WAIT);
	}

	/**
	 * Commits a change once the server holds the subscription (its baseline version is
	 * read then: a change before it would rightly not be sent).
	 */
	private void changeOnceSubscribed(int before) {
		await().atMost(WAIT).until(() -> this.watch.subscribers() > before);
		TestDatabase.incidentsChanged(this.jdbc);
	}

}
