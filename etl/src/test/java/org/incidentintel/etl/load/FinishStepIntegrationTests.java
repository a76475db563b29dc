package org.incidentintel.etl.load;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.incidentintel.etl.EtlApplication;
import org.junit.jupiter.api.Test;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.test.JobOperatorTestUtils;
import org.springframework.batch.test.context.SpringBatchTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ingest job's {@code finish} step alone: it judges the reject share from the run's
 * {@link LoadCheckpoint}, whatever steps a restart ran before it.
 */
@SpringBatchTest
@SpringBootTest(classes = EtlApplication.class)
@Import(FaultInjection.class)
class FinishStepIntegrationTests {

	@Autowired
	JobOperatorTestUtils batch;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void aRunMostlyRejectedFailsSayingHowManyAndWhereToLook() {
		long run = runWith(Map.of(LoadTally.INSERTED, 1L, LoadTally.REJECTED, 3L, "reject.BAD_CODE", 3L));

		Finished finished = finish(run);

		assertThat(finished.status()).isEqualTo(BatchStatus.FAILED);
		assertThat(finished.failures()).singleElement()
			.satisfies((failure) -> assertThat(failure).isInstanceOf(RejectShareExceededException.class)
				.hasMessageStartingWith("3 of 4 rows rejected (75%, over the 50% limit)")
				.hasMessageEndingWith("see `rejects --run " + run + "`"));
	}

	@Test
	void aRunWithinTheRejectShareFinishes() {
		long run = runWith(Map.of(LoadTally.INSERTED, 2L, LoadTally.UNCHANGED, 1L, LoadTally.REJECTED, 1L));

		assertThat(finish(run).status()).isEqualTo(BatchStatus.COMPLETED);
	}

	@Test
	void aRunWithNoCheckpointHasNothingToJudge() {
		assertThat(finish(runWith(null)).status()).isEqualTo(BatchStatus.COMPLETED);
	}

	// Not a JobExecution: @SpringBatchTest would take a method returning one for the
	// factory of its job scope.
	private Finished finish(long run) {
		JobExecution execution = this.batch.startStep("finish",
				new JobParametersBuilder().addLong(IngestParameters.RUN, run)
					.addLong("test", System.nanoTime())
					.toJobParameters(),
				new ExecutionContext());
		return new Finished(execution.getStatus(), execution.getAllFailureExceptions());
	}

	private record Finished(BatchStatus status, List<Throwable> failures) {
	}

	/** A run whose committed chunks left these counts (none: no chunk committed). */
	private long runWith(Map<String, Long> counts) {
		this.jdbc.update(
				"insert into ingest_run (dataset, file_name, file_checksum, status, started_at, read_count, "
						+ "inserted_count, updated_count, unchanged_count, rejected_count) "
						+ "values ('test', 'finish.csv', 'x', 'RUNNING', ?, 0, 0, 0, 0, 0)",
				Timestamp.from(Instant.now()));
		long run = this.jdbc.queryForObject("select max(id) from ingest_run", Long.class);
		if (counts != null) {
			LoadTally tally = LoadTally.of(counts);
			long rows = tally.get(LoadTally.INSERTED) + tally.get(LoadTally.UNCHANGED) + tally.get(LoadTally.REJECTED);
			new LoadCheckpoint(rows, tally).save(this.jdbc, run);
		}
		return run;
	}

}
