package org.incidentintel.etl.load;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * The counts of a load, from the last execution of its {@code load} step.
 */
record LoadCounts(long read, long filtered, LoadTally tally) {

	static LoadCounts of(JobExecution job) {
		StepExecution load = job.getStepExecutions()
			.stream()
			.filter((step) -> step.getStepName().equals("load"))
			.reduce((first, second) -> second)
			.orElse(null);
		if (load == null) {
			return new LoadCounts(0, 0, LoadTally.from(new ExecutionContext()));
		}
		LoadTally tally = LoadTally.from(load.getExecutionContext());
		long read = load.getExecutionContext().getLong(SourceRowItemReader.RECORDS_READ, load.getReadCount());
		long considered = considered(tally);
		return new LoadCounts(read, Math.max(read - considered, 0), tally);
	}

	long rejected() {
		return this.tally.get(LoadTally.REJECTED);
	}

	/** Rows that were data (loaded or rejected), i.e. not filtered out. */
	long considered() {
		return considered(this.tally);
	}

	double rejectShare() {
		return (considered() == 0) ? 0 : (double) rejected() / considered();
	}

	private static long considered(LoadTally tally) {
		return tally.get(LoadTally.INSERTED) + tally.get(LoadTally.UPDATED) + tally.get(LoadTally.UNCHANGED)
				+ tally.get(LoadTally.REJECTED);
	}

}
