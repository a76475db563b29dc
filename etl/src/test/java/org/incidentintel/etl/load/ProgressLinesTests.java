package org.incidentintel.etl.load;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.incidentintel.etl.load.ProgressLines.Reading;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The progress lines of a load: the share of the file read, the ETA, the rates, and when
 * a line is due, on a clock the test moves.
 */
class ProgressLinesTests {

	private static final long MB = 1024 * 1024;

	private final AtomicLong clock = new AtomicLong(5_000_000_000L);

	private final ProgressLines lines = new ProgressLines(Duration.ofSeconds(2), this.clock::get);

	@Test
	void theFirstLineIsDueOneSecondAfterReadingStartsThenOneEveryInterval() {
		this.lines.start();

		advance(Duration.ofMillis(999));
		assertThat(this.lines.lineIfDue(this::quarterRead)).isEmpty();

		advance(Duration.ofMillis(1));
		assertThat(this.lines.lineIfDue(this::quarterRead)).isPresent();

		advance(Duration.ofMillis(1999));
		assertThat(this.lines.lineIfDue(this::quarterRead)).isEmpty();

		advance(Duration.ofMillis(1));
		assertThat(this.lines.lineIfDue(this::quarterRead)).isPresent();
	}

	@Test
	void aShortIntervalAlsoShortensTheFirstDelay() {
		ProgressLines frequent = new ProgressLines(Duration.ofMillis(200), this.clock::get);
		frequent.start();

		advance(Duration.ofMillis(200));

		assertThat(frequent.lineIfDue(this::quarterRead)).isPresent();
	}

	@Test
	void aLineShowsTheShareReadAndTheTimeLeftAtTheRateSoFar() {
		this.lines.start();
		advance(Duration.ofSeconds(1));

		// a quarter of 400 MB in 10 s: 300 MB left at 10 MB/s
		String line = ProgressLines.format(new Reading(250_000, 0, 100 * MB, 0, 400 * MB, 12), Duration.ofSeconds(10));

		assertThat(line)
			.isEqualTo("  25.0% of 400.0 MB read, ETA 30s; 250,000 rows, 25,000 rows/s, 12 rejected so far");
	}

	@Test
	void aRestartCountsItsRatesFromWhereItResumed() {
		// resumed at half the file and 500,000 rows; another 100 MB and 100,000 rows in
		// 20 s
		String line = ProgressLines.format(new Reading(600_000, 500_000, 300 * MB, 200 * MB, 400 * MB, 0),
				Duration.ofSeconds(20));

		assertThat(line).isEqualTo("  75.0% of 400.0 MB read, ETA 20s; 600,000 rows, 5,000 rows/s, 0 rejected so far");
	}

	@Test
	void withoutAByteCountTheLineHasNoShareNorETA() {
		String line = ProgressLines.format(new Reading(3_000, 0, -1, -1, 5 * MB, 1), Duration.ofSeconds(2));

		assertThat(line).isEqualTo("  3,000 rows, 1,500 rows/s, 1 rejected so far");
	}

	@Test
	void beforeAnyByteIsReadTheTimeLeftIsUnknown() {
		String line = ProgressLines.format(new Reading(0, 0, 0, 0, MB, 0), Duration.ofSeconds(1));

		assertThat(line).startsWith("  0.0% of 1.0 MB read, ETA unknown; 0 rows");
	}

	@Test
	void theTimeLeftReadsInSecondsMinutesOrHours() {
		assertThat(ProgressLines.eta(42)).isEqualTo("42s");
		assertThat(ProgressLines.eta(185)).isEqualTo("3m05s");
		assertThat(ProgressLines.eta(3720)).isEqualTo("1h02m");
	}

	private Reading quarterRead() {
		return new Reading(1_000, 0, 25, 0, 100, 0);
	}

	private void advance(Duration duration) {
		this.clock.addAndGet(duration.toNanos());
	}

}
