package org.incidentintel.api.ingest;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.incidentintel.api.relay.GlobalId;
import org.incidentintel.api.testing.H2IntegrationTest;
import org.incidentintel.api.testing.SubscriptionClients;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.WebSocketGraphQlTester;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code ingestRunProgress} end to end, with real clients over WebSocket and SSE: the
 * run's progress is written the way the ETL writes it (a checkpoint per committed chunk,
 * the run's row when it ends) and the stream follows it, completing when the run ends.
 */
@H2IntegrationTest
class IngestRunProgressIntegrationTests {

	private static final Duration WAIT = Duration.ofSeconds(30);

	private static final String PROGRESS = "subscription($id: ID!) { ingestRunProgress(id: $id) { "
			+ "rowsRead rowsPerSecond rejected status done run { id dataset } } }";

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void aWebSocketSubscriberFollowsARunChunkByChunkUntilItEnds() {
		long run = runStarted("RUNNING");
		WebSocketGraphQlTester client = SubscriptionClients.webSocket(this.port, null);

		StepVerifier.create(
				client.document(PROGRESS).variable("id", GlobalId.of("IngestRun", run)).executeSubscription().toFlux())
			.assertNext((event) -> {
				assertThat(value(event, "rowsRead", Long.class)).isZero();
				assertThat(value(event, "status", String.class)).isEqualTo("RUNNING");
				assertThat(value(event, "done", Boolean.class)).isFalse();
				assertThat(value(event, "run.id", String.class)).isEqualTo(GlobalId.of("IngestRun", run));
			})
			.then(() -> chunkCommitted(run, 500, 3))
			.assertNext((event) -> {
				assertThat(value(event, "rowsRead", Long.class)).isEqualTo(500);
				assertThat(value(event, "rejected", Long.class)).isEqualTo(3);
				// 500 rows in about a minute
				assertThat(value(event, "rowsPerSecond", Double.class)).isBetween(1.0, 10.0);
				assertThat(value(event, "done", Boolean.class)).isFalse();
			})
			.then(() -> runFinished(run, 800, 4))
			.assertNext((event) -> {
				assertThat(value(event, "rowsRead", Long.class)).isEqualTo(800);
				assertThat(value(event, "rejected", Long.class)).isEqualTo(4);
				assertThat(value(event, "status", String.class)).isEqualTo("COMPLETED");
				assertThat(value(event, "done", Boolean.class)).isTrue();
			})
			.expectComplete()
			.verify(WAIT);
		client.stop().block(WAIT);
	}

	@Test
	void anSseSubscriberToAnEndedRunGetsOneLastEventAndTheStreamCompletes() {
		long run = runStarted("FAILED");

		StepVerifier.create(SubscriptionClients.sse(this.port, PROGRESS, Map.of("id", GlobalId.of("IngestRun", run))))
			.assertNext((event) -> {
				assertThat(event).doesNotContainKey("errors");
				assertThat(SubscriptionClients.at(event, "data.ingestRunProgress.status")).isEqualTo("FAILED");
				assertThat(SubscriptionClients.at(event, "data.ingestRunProgress.done")).isEqualTo(true);
			})
			.expectComplete()
			.verify(WAIT);
	}

	@Test
	void aRunIdThatNamesNoRunIsNotFound() {
		StepVerifier
			.create(SubscriptionClients.sse(this.port, PROGRESS, Map.of("id", GlobalId.of("IngestRun", 987_654_321))))
			.assertNext((event) -> {
				assertThat(SubscriptionClients.at(event, "errors.0.extensions.code")).as(event.toString())
					.isEqualTo("NOT_FOUND");
				assertThat(SubscriptionClients.at(event, "errors.0.extensions.argumentPath.0")).as(event.toString())
					.isEqualTo("id");
			})
			.expectComplete()
			.verify(WAIT);
	}

	private static <T> T value(GraphQlTester.Response response, String path, Class<T> type) {
		return response.path("ingestRunProgress." + path).entity(type).get();
	}

	/** A run as the ETL starts it, a minute ago, under a dataset of its own. */
	private long runStarted(String status) {
		String dataset = "progress-" + UUID.randomUUID().toString().substring(0, 8);
		this.jdbc.update(
				"insert into ingest_run (dataset, file_name, file_checksum, status, started_at, finished_at, "
						+ "read_count, inserted_count, updated_count, unchanged_count, rejected_count, filtered_count) "
						+ "values (?, 'ged.csv', 'abc123', ?, ?, ?, 0, 0, 0, 0, 0, 0)",
				dataset, status, Timestamp.from(Instant.now().minusSeconds(60)),
				"RUNNING".equals(status) ? null : Timestamp.from(Instant.now()));
		return this.jdbc.queryForObject("select id from ingest_run where dataset = ?", Long.class, dataset);
	}

	/** What the ETL commits with each chunk: its checkpoint (rows consumed, tally). */
	private void chunkCommitted(long run, long rows, long rejected) {
		this.jdbc.update("insert into load_checkpoint (ingest_run_id, rows_consumed, tally) values (?, ?, ?)", run,
				rows, "{\"inserted\":" + (rows - rejected) + ",\"rejected\":" + rejected + "}");
	}

	/** What the ETL writes when the run ends: the counts, then the outcome. */
	private void runFinished(long run, long read, long rejected) {
		this.jdbc.update("update ingest_run set read_count = ?, inserted_count = ?, rejected_count = ? where id = ?",
				read, read - rejected, rejected, run);
		this.jdbc.update("update ingest_run set status = 'COMPLETED', finished_at = ? where id = ?",
				Timestamp.from(Instant.now()), run);
	}

}
