package org.incidentintel.etl.load;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.incidentintel.domain.source.IngestRun;
import org.incidentintel.domain.source.IngestRunRepository;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.TransactionException;

/**
 * Runs loads: starts the ingest job for a new run, restarts a failed or killed run from
 * its last committed chunk, or dry-runs a file without writing.
 */
@Service
public class IngestService {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final JobOperator jobOperator;

	private final JobRepository jobRepository;

	private final Job ingestJob;

	private final IngestRunRepository runs;

	private final JdbcTemplate jdbc;

	IngestService(JobOperator jobOperator, JobRepository jobRepository, Job ingestJob, IngestRunRepository runs,
			JdbcTemplate jdbc) {
		this.jobOperator = jobOperator;
		this.jobRepository = jobRepository;
		this.ingestJob = ingestJob;
		this.runs = runs;
		this.jdbc = jdbc;
	}

	/**
	 * Loads a file as a new run and waits for it to end.
	 * @throws IngestInterruptedException when the database goes away during the load
	 * @throws ConcurrentIngestException when another run loading the same dataset wrote
	 * the same records first
	 */
	public IngestOutcome ingest(IngestRequest request) throws Exception {
		IngestSource source = request.source();
		String fileName = (request.origin() != null) ? request.origin()
				: source.file().path().toAbsolutePath().toString();
		IngestRun run = this.runs
			.save(new IngestRun(source.format().dataset(), fileName, source.file().sha256(), Instant.now()));
		try {
			JobExecution execution = this.jobOperator.start(this.ingestJob, parameters(run.getId(), request));
			return outcome(run.getId(), execution);
		}
		catch (DataAccessException | TransactionException ex) {
			// The job repository itself is unreachable: the job could not record its end
			throw new IngestInterruptedException(run.getId(), ex);
		}
	}

	/**
	 * Continues a run that failed or was killed: the load goes on after its last
	 * committed chunk, so no row is lost or written twice.
	 * @throws IllegalArgumentException when there is no such run or it completed
	 * @throws IngestInterruptedException when the database goes away during the load
	 */
	public IngestOutcome restart(long runId) throws Exception {
		IngestRun run = this.runs.findById(runId)
			.orElseThrow(() -> new IllegalArgumentException("no ingest run " + runId));
		if (run.getJobExecutionId() == null) {
			throw new IllegalArgumentException("run " + runId + " never started a job; load the file again");
		}
		JobExecution last = this.jobRepository.getJobExecution(run.getJobExecutionId());
		List<JobExecution> executions = this.jobRepository.getJobExecutions(last.getJobInstance());
		last = executions.stream().max((a, b) -> Long.compare(a.getId(), b.getId())).orElse(last);
		if (last.getStatus() == BatchStatus.COMPLETED) {
			throw new IllegalArgumentException("run " + runId + " completed; nothing to restart");
		}
		if (last.getStatus().isRunning()) {
			// A process killed mid-run leaves its execution marked as running: mark it
			// failed
			// first. This assumes no other process is still running it.
			last = this.jobOperator.recover(last);
		}
		try {
			JobExecution execution = this.jobOperator.restart(last);
			return outcome(runId, execution);
		}
		catch (DataAccessException | TransactionException ex) {
			throw new IngestInterruptedException(runId, ex);
		}
	}

	/** Reads and checks a file as a load would, writing nothing. */
	public DryRunReport dryRun(IngestRequest request, int sampleSize) {
		IngestSource source = request.source();
		RowProcessor processor = new RowProcessor(source.format(), Resolvers.load(this.jdbc), request.country());
		SourceRowItemReader reader = new SourceRowItemReader(source);
		LoadTally tally = LoadTally.of(Map.of());
		List<DryRunReport.SampleReject> samples = new ArrayList<>();
		long read = 0;
		long accepted = 0;
		reader.open(0);
		try {
			LoadItem item;
			while ((item = reader.read()) != null) {
				read++;
				LoadOutcome outcome = processor.process(item);
				if (outcome instanceof LoadOutcome.Accepted row) {
					accepted++;
					tally.countNotes(row);
				}
				else if (outcome instanceof LoadOutcome.Rejected reject) {
					tally.countReject(reject);
					if (samples.size() < sampleSize) {
						samples.add(new DryRunReport.SampleReject(reject.lineNumber(), reject.reason().name(),
								reject.field(), reject.message()));
					}
				}
			}
		}
		finally {
			reader.close();
		}
		long rejected = tally.get(LoadTally.REJECTED);
		return new DryRunReport(source.file().displayName(), source.format().name(), read, accepted, rejected,
				read - accepted - rejected, tally.withPrefix(LoadTally.REJECT_PREFIX),
				tally.withPrefix(LoadTally.WARNING_PREFIX), tally.withPrefix(LoadTally.UNRESOLVED_ORGANIZATION_PREFIX),
				tally.withPrefix(LoadTally.UNRESOLVED_REGION_PREFIX), samples);
	}

	/**
	 * @throws ConcurrentIngestException when the run stopped because another run was
	 * loading the same dataset
	 */
	private IngestOutcome outcome(long runId, JobExecution execution) {
		IngestRun run = this.runs.findById(runId).orElseThrow();
		if (execution.getStatus() != BatchStatus.COMPLETED) {
			ConcurrentLoadException concurrent = IngestJobListener.concurrentLoad(execution);
			if (concurrent != null) {
				Long other = execution.getExecutionContext().containsKey(IngestJobListener.OTHER_RUN)
						? execution.getExecutionContext().getLong(IngestJobListener.OTHER_RUN) : null;
				throw new ConcurrentIngestException(runId, other, concurrent.dataset());
			}
		}
		double seconds = (execution.getStartTime() != null && execution.getEndTime() != null)
				? java.time.Duration.between(execution.getStartTime(), execution.getEndTime()).toMillis() / 1000.0 : 0;
		return new IngestOutcome(runId, run.getDataset(), run.getFileName(),
				execution.getStatus() == BatchStatus.COMPLETED, run.getMessage(), run.getReadCount(),
				run.getInsertedCount(), run.getUpdatedCount(), run.getUnchangedCount(), run.getRejectedCount(),
				run.getFilteredCount(), details(run.getDetails()), seconds);
	}

	static Map<String, Map<String, Long>> details(String json) {
		if (json == null) {
			return new TreeMap<>();
		}
		return JSON.readValue(json, new TypeReference<Map<String, Map<String, Long>>>() {
		});
	}

	/** Only the run identifies the job instance: every load is a new run. */
	private static JobParameters parameters(long runId, IngestRequest request) {
		IngestSource source = request.source();
		JobParametersBuilder parameters = new JobParametersBuilder().addLong(IngestParameters.RUN, runId)
			.addString(IngestParameters.FILE, source.file().path().toAbsolutePath().toString(), false)
			.addString(IngestParameters.FORMAT, source.formatParameter(), false);
		if (request.country() != null) {
			parameters.addString(IngestParameters.COUNTRY, request.country(), false);
		}
		if (request.datasetVersion() != null) {
			parameters.addString(IngestParameters.VERSION, request.datasetVersion(), false);
		}
		if (source.options().encoding() != null) {
			parameters.addString(IngestParameters.ENCODING, source.options().encoding(), false);
		}
		return parameters.toJobParameters();
	}

}
