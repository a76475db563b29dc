package org.incidentintel.etl.load;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Judges the reject share: a file that is mostly rejects fails the run, with a message
 * saying it is probably in the wrong format. The rows that did load stay loaded.
 */
class FinishTasklet implements Tasklet {

	private final JdbcTemplate jdbc;

	private final double maxRejectShare;

	FinishTasklet(JdbcTemplate jdbc, double maxRejectShare) {
		this.jdbc = jdbc;
		this.maxRejectShare = maxRejectShare;
	}

	@Override
	public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
		JobExecution job = contribution.getStepExecution().getJobExecution();
		long run = job.getJobParameters().getLong(IngestParameters.RUN);
		LoadCounts counts = LoadCounts.of(this.jdbc, run);
		if (counts.considered() > 0 && counts.rejectShare() > this.maxRejectShare) {
			throw new RejectShareExceededException(String.format(
					"%,d of %,d rows rejected (%.0f%%, over the %.0f%% limit): the file is probably not in the "
							+ "format it was read as; see `rejects --run %d`",
					counts.rejected(), counts.considered(), 100 * counts.rejectShare(), 100 * this.maxRejectShare,
					run));
		}
		return RepeatStatus.FINISHED;
	}

}
