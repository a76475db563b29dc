package org.incidentintel.etl.load;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;

/**
 * Prints the load's progress on stderr when a line is due ({@link ProgressLines}): the
 * first about a second after reading starts, then every interval. A timer asks, not the
 * chunks: a chunk can take longer than the interval (a slow database, the first chunk's
 * resolvers), and the lines come on time all the same. Stdout stays free for the summary
 * (and its JSON form).
 */
class ProgressListener implements StepExecutionListener {

	/** How often the timer asks whether a line is due. */
	private static final Duration TICK = Duration.ofMillis(250);

	private final ProgressLines lines;

	private final ReaderPosition position;

	private ScheduledExecutorService timer;

	ProgressListener(Duration interval, ReaderPosition position) {
		this.lines = new ProgressLines(interval, System::nanoTime);
		this.position = position;
	}

	@Override
	public void beforeStep(StepExecution stepExecution) {
		this.lines.start();
		this.timer = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "ingest-progress");
			thread.setDaemon(true);
			return thread;
		});
		this.timer.scheduleWithFixedDelay(
				() -> this.lines.lineIfDue(() -> reading(stepExecution)).ifPresent(System.err::println),
				TICK.toMillis(), TICK.toMillis(), TimeUnit.MILLISECONDS);
	}

	@Override
	public ExitStatus afterStep(StepExecution stepExecution) {
		this.timer.shutdownNow();
		return null;
	}

	private ProgressLines.Reading reading(StepExecution stepExecution) {
		// rejects as of the last chunk written (the writer keeps the tally in the
		// context)
		return this.position.reading(LoadTally.from(stepExecution.getExecutionContext()).get(LoadTally.REJECTED));
	}

}
