package org.incidentintel.etl.load;

import java.util.stream.Collectors;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Ties the job execution to its ingest run, and records on the run what the load did and
 * how it ended (with the reason, when it failed).
 */
class IngestJobListener implements JobExecutionListener {

	/**
	 * Key, in the job execution's context, of the run that loaded the same records first.
	 */
	static final String OTHER_RUN = "concurrent.otherRun";

	private final IngestRunRecorder recorder;

	private final JdbcTemplate jdbc;

	IngestJobListener(IngestRunRecorder recorder, JdbcTemplate jdbc) {
		this.recorder = recorder;
		this.jdbc = jdbc;
	}

	@Override
	public void beforeJob(JobExecution jobExecution) {
		this.recorder.started(run(jobExecution), jobExecution.getId());
	}

	@Override
	public void afterJob(JobExecution jobExecution) {
		LoadCounts counts = LoadCounts.of(this.jdbc, run(jobExecution));
		this.recorder.counted(run(jobExecution), counts.read(), counts.filtered(), counts.tally());
		ConcurrentLoadException concurrent = concurrentLoad(jobExecution);
		if (jobExecution.getStatus() == BatchStatus.COMPLETED) {
			this.recorder.finished(run(jobExecution), true, null);
		}
		else if (concurrent != null) {
			Long other = concurrent.otherRun(this.jdbc, run(jobExecution));
			if (other != null) {
				jobExecution.getExecutionContext().putLong(OTHER_RUN, other);
			}
			this.recorder.finished(run(jobExecution), false,
					ConcurrentIngestException.message(run(jobExecution), other, concurrent.dataset()));
		}
		else {
			String reasons = jobExecution.getAllFailureExceptions()
				.stream()
				.map(IngestJobListener::rootMessage)
				.distinct()
				.collect(Collectors.joining("; "));
			this.recorder.finished(run(jobExecution), false,
					reasons.isEmpty() ? "job ended " + jobExecution.getStatus() : reasons);
		}
	}

	/**
	 * The failure that says another run is loading the same dataset, or null.
	 */
	static ConcurrentLoadException concurrentLoad(JobExecution jobExecution) {
		for (Throwable failure : jobExecution.getAllFailureExceptions()) {
			for (Throwable cause = failure; cause != null; cause = (cause.getCause() != cause) ? cause.getCause()
					: null) {
				if (cause instanceof ConcurrentLoadException concurrent) {
					return concurrent;
				}
			}
		}
		return null;
	}

	private static long run(JobExecution jobExecution) {
		return jobExecution.getJobParameters().getLong(IngestParameters.RUN);
	}

	static String rootMessage(Throwable failure) {
		Throwable cause = failure;
		while (cause.getCause() != null && cause.getCause() != cause) {
			cause = cause.getCause();
		}
		String message = (cause.getMessage() != null) ? cause.getMessage() : cause.getClass().getSimpleName();
		return (failure instanceof RejectShareExceededException) ? failure.getMessage() : message;
	}

}
