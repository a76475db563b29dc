package org.incidentintel.etl.load;

import java.time.Duration;

import org.springframework.batch.core.listener.ChunkListener;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * Prints the load's progress on stderr after a chunk when a line is due
 * ({@link ProgressLines}): the first about a second after reading starts, then at most
 * every interval. Stdout stays free for the summary (and its JSON form).
 */
class ProgressListener implements ChunkListener<LoadOutcome, LoadOutcome>, StepExecutionListener {

	private final ProgressLines lines;

	private StepExecution stepExecution;

	ProgressListener(Duration interval) {
		this.lines = new ProgressLines(interval, System::nanoTime);
	}

	@Override
	public void beforeStep(StepExecution stepExecution) {
		this.stepExecution = stepExecution;
		this.lines.start();
	}

	@Override
	public void afterChunk(Chunk<LoadOutcome> chunk) {
		this.lines.lineIfDue(this::reading).ifPresent(System.err::println);
	}

	private ProgressLines.Reading reading() {
		ExecutionContext context = this.stepExecution.getExecutionContext();
		// rows of the file, filtered ones included (the step counts only the outcomes);
		// the reader keeps them in the context at each chunk
		long rows = context.getLong(SourceRowItemReader.RECORDS_READ, this.stepExecution.getReadCount());
		return new ProgressLines.Reading(rows, context.getLong(SourceRowItemReader.RECORDS_AT_START, 0),
				context.getLong(SourceRowItemReader.BYTES_READ, -1),
				context.getLong(SourceRowItemReader.BYTES_AT_START, 0),
				context.getLong(SourceRowItemReader.FILE_SIZE, -1), LoadTally.from(context).get(LoadTally.REJECTED));
	}

}
