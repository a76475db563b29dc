package org.incidentintel.api.incident;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicReference;

import org.incidentintel.api.testing.H2IntegrationTest;
import org.incidentintel.api.testing.SubscriptionClients;
import org.incidentintel.api.testing.TestDatabase;
import org.incidentintel.domain.security.ApiTokens;
import org.incidentintel.domain.security.Role;
import org.incidentintel.domain.statistics.IncidentStatisticsCells;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
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
	ApiTokens tokens;

	@Test
	void aChangeOfIncidentDataReachesAWebSocketSubscriberWithTheNewVersion() {
		WebSocketGraphQlTester client = SubscriptionClients.webSocket(this.port, null);
		Heard<Long> heard = new Heard<>();
		Disposable subscription = client.document(CHANGES)
			.executeSubscription()
			.toFlux("incidentsChanged.dataVersion", Long.class)
			.subscribe(heard.events::add, heard.failure::set);
		try {
			List<Long> committed = changeUntilHeard(heard);
			assertThat(heard.events.peek()).isIn(committed);
		}
		finally {
			subscription.dispose();
			client.stop().block(WAIT);
		}
	}

	@Test
	void aChangeOfIncidentDataReachesAnSseSubscriberAndAFilterIsAccepted() {
		// A client of its own: anonymous callers share one subscription limit by address
		// with the browser tests' pages
		String token = this.tokens.create("sse-" + UUID.randomUUID().toString().substring(0, 8), Role.READER).token();
		Heard<Map<String, Object>> heard = new Heard<>();
		Disposable subscription = SubscriptionClients.sse(this.port, token,
				"subscription($filter: IncidentFilter) { incidentsChanged(filter: $filter) { dataVersion changedAt } }",
				Map.of("filter", Map.of("country", List.of("PAK"))))
			.subscribe(heard.events::add, heard.failure::set);
		try {
			List<Long> committed = changeUntilHeard(heard);
			Map<String, Object> event = heard.events.peek();
			assertThat(event).doesNotContainKey("errors");
			assertThat(((Number) SubscriptionClients.at(event, "data.incidentsChanged.dataVersion")).longValue())
				.isIn(committed);
			assertThat(SubscriptionClients.at(event, "data.incidentsChanged.changedAt")).isNotNull();
		}
		finally {
			subscription.dispose();
		}
	}

	@Test
	void oneSubscriptionOverTheClientsLimitIsRefusedWithLimitExceeded() {
		String token = this.tokens.create("subscriber-" + UUID.randomUUID().toString().substring(0, 8), Role.READER)
			.token();
		WebSocketGraphQlTester client = SubscriptionClients.webSocket(this.port, token);
		// The limit of the shared test context is 2 (H2IntegrationTest); each of the two
		// is surely open once it has heard a change
		Heard<Object> first = new Heard<>();
		Heard<Object> second = new Heard<>();
		Disposable firstSubscription = client.document(CHANGES)
			.executeSubscription()
			.toFlux()
			.subscribe(first.events::add, first.failure::set);
		Disposable secondSubscription = client.document(CHANGES)
			.executeSubscription()
			.toFlux()
			.subscribe(second.events::add, second.failure::set);
		try {
			changeUntilHeard(first);
			changeUntilHeard(second);

			StepVerifier.create(client.document(CHANGES).executeSubscription().toFlux())
				.consumeErrorWith((error) -> assertThat(error).isInstanceOfSatisfying(SubscriptionErrorException.class,
						(refused) -> assertThat(refused.getErrors()).singleElement()
							.satisfies((refusal) -> assertThat(refusal.getExtensions())
								.containsEntry("code", "LIMIT_EXCEEDED")
								.containsEntry("limit", "incidentintel.api.subscriptions.max-per-client")
								.containsEntry("maximum", 2))))
				.verify(WAIT);
		}
		finally {
			firstSubscription.dispose();
			secondSubscription.dispose();
			client.stop().block(WAIT);
		}
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
	 * Commits a change of incident data at each poll of the wait until the subscriber has
	 * heard one: when the server reads the subscription's baseline version is not
	 * observable from here (counting the watch's subscribers is not: the previous test's
	 * subscriptions may still be leaving), and a change before it would rightly not be
	 * sent.
	 * @return the data versions committed, one of which the subscriber heard
	 */
	private List<Long> changeUntilHeard(Heard<?> heard) {
		List<Long> committed = new ArrayList<>();
		await().atMost(WAIT).pollInterval(Duration.ofMillis(200)).until(() -> {
			if (heard.failure.get() != null) {
				throw new AssertionError("The subscription failed", heard.failure.get());
			}
			if (!heard.events.isEmpty()) {
				return true;
			}
			TestDatabase.incidentsChanged(this.jdbc);
			committed.add(this.cells.versions().dataVersion());
			return false;
		});
		return committed;
	}

	/** What a subscriber heard: its events, and the error that ended it, if one did. */
	private static final class Heard<T> {

		final Queue<T> events = new ConcurrentLinkedQueue<>();

		final AtomicReference<Throwable> failure = new AtomicReference<>();

	}

}
