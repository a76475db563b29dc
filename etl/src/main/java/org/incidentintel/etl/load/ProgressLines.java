package org.incidentintel.etl.load;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * When a progress line of a load is due and what it says: the share of the file read and
 * an ETA (from the bytes the reader consumed and the file's size), rows read, rows per
 * second and rejects so far. The first line is due soon after reading starts, then one
 * every interval; time comes from a clock of nanoseconds (System::nanoTime, or a test's).
 */
final class ProgressLines {

	/** The first line's delay at most: soon enough to show that the load is moving. */
	static final Duration FIRST_LINE_AFTER = Duration.ofSeconds(1);

	private static final double MB = 1024 * 1024;

	private final long firstAfterNanos;

	private final long intervalNanos;

	private final LongSupplier nanoTime;

	private long started;

	private long nextDue;

	ProgressLines(Duration interval, LongSupplier nanoTime) {
		this.intervalNanos = interval.toNanos();
		this.firstAfterNanos = Math.min(FIRST_LINE_AFTER.toNanos(), this.intervalNanos);
		this.nanoTime = nanoTime;
	}

	/** Reading starts now. */
	void start() {
		this.started = this.nanoTime.getAsLong();
		this.nextDue = this.started + this.firstAfterNanos;
	}

	/** The line to print now, if one is due; {@code reading} is asked only then. */
	Optional<String> lineIfDue(Supplier<Reading> reading) {
		long now = this.nanoTime.getAsLong();
		if (now - this.nextDue < 0) {
			return Optional.empty();
		}
		this.nextDue = now + this.intervalNanos;
		return Optional.of(format(reading.get(), Duration.ofNanos(now - this.started)));
	}

	/**
	 * E.g. {@code 37.5% of 812.4 MB read, ETA 2m40s; 412,345 rows, 5,123 rows/s, 12
	 * rejected so far}; without the share and ETA when the reader cannot count bytes (a
	 * workbook). Rates count from this attempt's start, so a restart's skipped rows do
	 * not inflate them.
	 */
	static String format(Reading reading, Duration elapsed) {
		double seconds = Math.max(elapsed.toNanos() / 1e9, 1e-9);
		double rowsPerSecond = (reading.rows() - reading.rowsAtStart()) / seconds;
		String rows = String.format(Locale.ROOT, "%,d rows, %,.0f rows/s, %,d rejected so far", reading.rows(),
				rowsPerSecond, reading.rejected());
		if (reading.bytes() < 0 || reading.fileSize() <= 0) {
			return "  " + rows;
		}
		long bytes = Math.min(reading.bytes(), reading.fileSize());
		double share = 100.0 * bytes / reading.fileSize();
		double bytesPerSecond = (bytes - Math.max(reading.bytesAtStart(), 0)) / seconds;
		String eta = (bytesPerSecond > 0) ? eta(Math.round((reading.fileSize() - bytes) / bytesPerSecond)) : "unknown";
		return String.format(Locale.ROOT, "  %.1f%% of %,.1f MB read, ETA %s; %s", share, reading.fileSize() / MB, eta,
				rows);
	}

	/** {@code 42s}, {@code 3m05s}, {@code 1h02m}. */
	static String eta(long seconds) {
		if (seconds < 60) {
			return seconds + "s";
		}
		if (seconds < 3600) {
			return String.format(Locale.ROOT, "%dm%02ds", seconds / 60, seconds % 60);
		}
		return String.format(Locale.ROOT, "%dh%02dm", seconds / 3600, (seconds % 3600) / 60);
	}

	/**
	 * Where the load stands.
	 *
	 * @param rows source rows consumed
	 * @param rowsAtStart source rows consumed when this attempt started
	 * @param bytes bytes of the file consumed up to them, -1 when the reader cannot tell
	 * @param bytesAtStart bytes consumed when this attempt started
	 * @param fileSize the file's size in bytes
	 * @param rejected rows rejected so far
	 */
	record Reading(long rows, long rowsAtStart, long bytes, long bytesAtStart, long fileSize, long rejected) {

	}

}
