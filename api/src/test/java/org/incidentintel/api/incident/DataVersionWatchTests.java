package org.incidentintel.api.incident;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.incidentintel.api.SubscriptionProperties;
import org.incidentintel.domain.statistics.IncidentStatisticsCells;
import org.junit.jupiter.api.Test;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;

/**
 * The one poll of the data version behind every {@code incidentsChanged} stream.
 */
class DataVersionWatchTests {

	private final AtomicLong version = new AtomicLong(7);

	private final IncidentStatisticsCells cells = mock(IncidentStatisticsCells.class);

	private final DataVersionWatch watch = new DataVersionWatch(this.cells,
			new SubscriptionProperties(5, Duration.ofMillis(20)));

	DataVersionWatchTests() {
		given(this.cells.versions())
			.willAnswer((invocation) -> new IncidentStatisticsCells.Versions(this.version.get(), 0));
	}

	@Test
	void stoppingEndsTheStreamsAndStartingAgainServesNewOnes() {
		// Spring's test context cache stops a context while another runs and starts it
		// again: the watch must serve after a restart, not refuse to start
		this.watch.start();
		// Off the poll thread, as a subscriber's transport is: stop() must not run inside
		// the poll's own emission
		StepVerifier.create(this.watch.changes().publishOn(Schedulers.boundedElastic()))
			.then(() -> this.version.set(8))
			.assertNext((change) -> assertThat(change.dataVersion()).isEqualTo(8))
			.then(this.watch::stop)
			.expectComplete()
			.verify(Duration.ofMinutes(1));

		this.watch.start();
		StepVerifier.create(this.watch.changes())
			.then(() -> this.version.set(9))
			.assertNext((change) -> assertThat(change.dataVersion()).isEqualTo(9))
			.thenCancel()
			.verify(Duration.ofMinutes(1));
		this.watch.stop();
	}

}
