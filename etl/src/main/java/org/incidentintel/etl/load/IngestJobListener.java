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
		if (jobExecution.getStatus() == BatchStatus.COMPLETED) {
			this.recorder.finished(run(jobExecution), true, null);
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
