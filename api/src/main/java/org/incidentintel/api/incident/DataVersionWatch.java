package org.incidentintel.api.incident;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.incidentintel.api.SubscriptionProperties;
import org.incidentintel.api.replica.ReplicaReads;
import org.incidentintel.domain.statistics.IncidentStatisticsCells;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Watches the incidents' data version ({@code incident_statistics_state.data_version},
 * which every writer of incident rows increments in its own transaction, in whichever
 * process it runs) for the {@code incidentsChanged} subscriptions: ONE read per
 * {@code subscriptions.poll-interval} for the whole API process, and none while nobody
 * subscribes, fanned out to every subscriber through one sink. Each API replica watches
 * the shared database the same way, so replicas need no fan-out of their own. With a read
 * replica the version is read from it, as the queries a change sets off are: a subscriber
 * that refetches on a change sees it.
 */
@Component
class DataVersionWatch implements SmartLifecycle {

	static final String THREAD = "data-version-poll";

	private static final Log logger = LogFactory.getLog(DataVersionWatch.class);

	private final IncidentStatisticsCells cells;

	// The latest version is replayed to a new subscriber, which keeps only what is newer
	// than the version it read itself: no change between the two reads is missed
	// Both made anew by every start: a test context is stopped while other contexts run,
	// then started again, and a completed sink or a shut-down executor cannot be reused
	private volatile Sinks.Many<IncidentsChanged> changes = Sinks.many().replay().latest();

	private ScheduledExecutorService executor;

	private final long interval;

	// Only the poll thread reads and writes it
	private long lastSent = -1;

	private boolean failing;

	private volatile boolean running;

	DataVersionWatch(IncidentStatisticsCells cells, SubscriptionProperties properties) {
		this.cells = cells;
		this.interval = properties.pollInterval().toMillis();
	}

	@Override
	public void start() {
		if (this.executor != null) {
			this.changes = Sinks.many().replay().latest();
			this.lastSent = -1;
		}
		this.executor = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, THREAD);
			thread.setDaemon(true);
			return thread;
		});
		this.executor.scheduleWithFixedDelay(this::poll, this.interval, this.interval, TimeUnit.MILLISECONDS);
		this.running = true;
	}

	/**
	 * Completes every {@code incidentsChanged} stream: stopped before the web server's
	 * graceful shutdown (a later phase stops first), so open SSE streams and WebSocket
	 * subscriptions end at once instead of holding the shutdown until it times out.
	 */
	@Override
	public void stop() {
		this.running = false;
		this.executor.shutdownNow();
		try {
			// A sink refuses a completion while the poll thread emits (not serialized):
			// the poll ends first
			this.executor.awaitTermination(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		this.changes.emitComplete(Sinks.EmitFailureHandler.busyLooping(Duration.ofSeconds(2)));
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	/**
	 * The changes from now on: each data version greater than the one current at the
	 * subscription, the latest only when the subscriber is slower than the changes.
	 */
	Flux<IncidentsChanged> changes() {
		return Flux.defer(() -> {
			long current = ReplicaReads.read(() -> this.cells.versions().dataVersion());
			return this.changes.asFlux().filter((change) -> change.dataVersion() > current);
		}).onBackpressureLatest();
	}

	/** How many subscribers listen now. */
	int subscribers() {
		return this.changes.currentSubscriberCount();
	}

	/** One poll: sends the version if it moved, as long as anyone listens. */
	void poll() {
		if (subscribers() == 0) {
			return;
		}
		try {
			long version = ReplicaReads.read(() -> this.cells.versions().dataVersion());
			if (this.failing) {
				logger.info("Data version readable again");
				this.failing = false;
			}
			if (version != this.lastSent) {
				this.lastSent = version;
				this.changes.tryEmitNext(new IncidentsChanged(version, OffsetDateTime.now(ZoneOffset.UTC)));
			}
		}
		catch (RuntimeException ex) {
			// The database may be down: the subscriptions stay open and the next poll
			// tries again; logged once per outage, not once per interval
			if (!this.failing) {
				logger.warn("Data version not read for incidentsChanged: " + ex.getMessage());
				this.failing = true;
			}
		}
	}

}
