package org.incidentintel.etl.load;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * The counts of a load, from the last execution of its {@code load} step.
 */
record LoadCounts(long read, long filtered, LoadTally tally) {

	/** The step that reads the file and writes the records. */
	static final String STEP = "load";

	static LoadCounts of(JobExecution job) {
		StepExecution load = job.getStepExecutions()
			.stream()
			.filter((step) -> step.getStepName().equals(STEP))
			.reduce((first, second) -> second)
			.orElse(null);
		if (load == null) {
			// a restart that skipped the completed load step: the counts it left to the
			// job
			return from(job.getExecutionContext(), 0);
		}
		return from(load.getExecutionContext(), load.getReadCount());
	}

	/**
	 * Copies the load step's counts into its job's execution context, which a restarted
	 * job execution inherits.
	 */
	static void leaveToJob(StepExecution load) {
		ExecutionContext step = load.getExecutionContext();
		ExecutionContext job = load.getJobExecution().getExecutionContext();
		for (String key : new String[] { LoadTally.KEY, SourceRowItemReader.RECORDS_READ }) {
			if (step.containsKey(key)) {
				job.put(key, step.get(key));
			}
		}
	}

	private static LoadCounts from(ExecutionContext context, long readCount) {
		LoadTally tally = LoadTally.from(context);
		long read = context.getLong(SourceRowItemReader.RECORDS_READ, readCount);
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
