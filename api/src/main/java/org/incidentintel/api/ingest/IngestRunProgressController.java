package org.incidentintel.api.ingest;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.incidentintel.api.SubscriptionProperties;
import org.incidentintel.api.error.ApiException;
import org.incidentintel.api.relay.GlobalId;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;
import reactor.core.scheduler.Schedulers;

import org.springframework.context.SmartLifecycle;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.SubscriptionMapping;
import org.springframework.stereotype.Controller;

/**
 * {@code ingestRunProgress}: the ETL runs in another process, so the API reads the run
 * (and its last committed chunk) every {@code subscriptions.poll-interval} and sends what
 * changed, until the run ends. Runs are few and short-lived: one query per subscription
 * and interval is cheap, and stops with the run.
 */
@Controller
class IngestRunProgressController implements SmartLifecycle {

	private final IngestRuns runs;

	private final Duration pollInterval;

	// Ends every stream when the application stops; made anew when it starts again (a
	// test context is stopped while others run, then started again)
	private volatile Sinks.Empty<Void> stopping = Sinks.empty();

	private volatile boolean running;

	IngestRunProgressController(IngestRuns runs, SubscriptionProperties properties) {
		this.runs = runs;
		this.pollInterval = properties.pollInterval();
	}

	@SubscriptionMapping
	Flux<IngestRunProgress> ingestRunProgress(@Argument String id) {
		long runId = GlobalId.decode(id, IngestRunController.TYPE, "id");
		if (this.runs.findByIds(List.of(runId)).isEmpty()) {
			throw ApiException.notFound("No ingest run has the id '" + id + "'.", Map.of(), "id");
		}
		// boundedElastic: each tick reads the database (blocking JDBC)
		return Flux.interval(Duration.ZERO, this.pollInterval, Schedulers.boundedElastic())
			.onBackpressureDrop()
			.map((tick) -> this.runs.findProgress(runId))
			// a run deleted meanwhile ends the stream
			.takeWhile(Optional::isPresent)
			.map(Optional::get)
			.distinctUntilChanged((progress) -> progress, IngestRunProgress::sameAs)
			.takeUntil(IngestRunProgress::done)
			.takeUntilOther(this.stopping.asMono());
	}

	@Override
	public void start() {
		this.stopping = Sinks.empty();
		this.running = true;
	}

	/**
	 * Completes the open streams: stopped before the web server's graceful shutdown (a
	 * later phase stops first), so a subscriber to a long run does not hold the shutdown
	 * until it times out.
	 */
	@Override
	public void stop() {
		this.running = false;
		this.stopping.tryEmitEmpty();
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

}
