package org.incidentintel.etl.load;

import java.time.Duration;

import org.springframework.batch.core.listener.ChunkListener;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;

/**
 * Prints the load's progress on stderr at most every interval: rows read, rows per
 * second, rejects so far. Stdout stays free for the summary (and its JSON form).
 */
class ProgressListener implements ChunkListener<LoadOutcome, LoadOutcome>, StepExecutionListener {

	private final long intervalNanos;

	private StepExecution stepExecution;

	private long started;

	private long lastPrinted;

	ProgressListener(Duration interval) {
		this.intervalNanos = interval.toNanos();
	}

	@Override
	public void beforeStep(StepExecution stepExecution) {
		this.stepExecution = stepExecution;
		this.started = System.nanoTime();
		this.lastPrinted = this.started;
	}

	@Override
	public void afterChunk(Chunk<LoadOutcome> chunk) {
		long now = System.nanoTime();
		if (now - this.lastPrinted < this.intervalNanos) {
			return;
		}
		this.lastPrinted = now;
		// rows of the file, filtered ones included (the step counts only the outcomes)
		long read = this.stepExecution.getExecutionContext()
			.getLong(SourceRowItemReader.RECORDS_READ, this.stepExecution.getReadCount());
		double seconds = Math.max((now - this.started) / 1e9, 1e-9);
		long rejected = LoadTally.from(this.stepExecution.getExecutionContext()).get(LoadTally.REJECTED);
		System.err.printf("  %,d rows read, %,.0f rows/s, %,d rejected so far%n", read, read / seconds, rejected);
	}

}
