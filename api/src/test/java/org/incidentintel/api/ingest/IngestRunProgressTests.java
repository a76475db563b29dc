package org.incidentintel.api.ingest;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How a run's row and its last committed chunk make one progress reading.
 */
class IngestRunProgressTests {

	private static final Instant STARTED = Instant.parse("2026-12-07T10:00:00Z");

	@Test
	void whileARunRunsItsCheckpointIsAheadOfItsRow() {
		IngestRunProgress progress = IngestRunProgress.of(run("RUNNING", null, 0, 0), 1_000, 7, STARTED.plusSeconds(4));

		assertThat(progress.rowsRead()).isEqualTo(1_000);
		assertThat(progress.rejected()).isEqualTo(7);
		assertThat(progress.rowsPerSecond()).isEqualTo(250.0);
		assertThat(progress.done()).isFalse();
	}

	@Test
	void anEndedRunCountsFromItsRowAndItsRateStopsAtItsEnd() {
		IngestRunProgress progress = IngestRunProgress.of(run("FAILED", STARTED.plusSeconds(10), 1_200, 9), 1_000, 7,
				STARTED.plusSeconds(3_600));

		assertThat(progress.rowsRead()).isEqualTo(1_200);
		assertThat(progress.rejected()).isEqualTo(9);
		assertThat(progress.rowsPerSecond()).isEqualTo(120.0);
		assertThat(progress.done()).isTrue();
	}

	@Test
	void noRateBeforeAnyTimePassedAndTheRateAloneIsNoChange() {
		IngestRun run = run("RUNNING", null, 0, 0);
		IngestRunProgress first = IngestRunProgress.of(run, 0, 0, STARTED);
		IngestRunProgress later = IngestRunProgress.of(run, 0, 0, STARTED.plusSeconds(5));

		assertThat(first.rowsPerSecond()).isNull();
		assertThat(later.sameAs(first)).isTrue();
		assertThat(IngestRunProgress.of(run, 1, 0, STARTED.plusSeconds(5)).sameAs(first)).isFalse();
	}

	private static IngestRun run(String status, Instant finishedAt, long read, long rejected) {
		return new IngestRun(1, "ucdp-ged", "ged.csv", "abc", status, STARTED, finishedAt, read, read - rejected, 0, 0,
				rejected, 0, null, null);
	}

}
