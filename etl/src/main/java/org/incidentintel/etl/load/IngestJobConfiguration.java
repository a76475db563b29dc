package org.incidentintel.etl.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

import org.incidentintel.domain.dedup.DedupeSummary;
import org.incidentintel.domain.dedup.Deduplicator;
import org.incidentintel.domain.statistics.IncidentStatisticsCells;
import org.incidentintel.etl.read.SourceFile;

import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.builder.ChunkOrientedStepBuilder;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The ingest job: {@code load} streams the file in chunks (read, normalize and resolve on
 * a thread ahead of the writer; upsert, all of a chunk in one transaction), {@code link}
 * deduplicates the new and corrected records against everything loaded (one canonical
 * incident per real event), {@code statistics} rebuilds the statistics cells the API
 * answers from if incidents changed, {@code finish} records the counts and judges the
 * reject share. {@code ingest-partitioned} is the same job with its load split into
 * ranges of the file's records ({@link LoadPartitioner}), each loaded by the same step on
 * a thread of its own.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(IngestProperties.class)
class IngestJobConfiguration {

	static final String JOB_NAME = "ingest";

	static final String PARTITIONED_JOB_NAME = "ingest-partitioned";

	/**
	 * The name of the step that loads one partition (its executions:
	 * {@code loadPartition:partition0}, ...).
	 */
	static final String PARTITION_STEP_NAME = "loadPartition";

	@Bean
	Job ingestJob(JobRepository jobRepository, Step loadStep, Step linkStep, Step statisticsStep, Step finishStep,
			IngestRunRecorder recorder, JdbcTemplate jdbc) {
		return new JobBuilder(JOB_NAME, jobRepository).listener(new IngestJobListener(recorder, jdbc))
			.start(loadStep)
			.next(linkStep)
			.next(statisticsStep)
			.next(finishStep)
			.build();
	}

	@Bean
	Job ingestPartitionedJob(JobRepository jobRepository, Step partitionedLoadStep, Step linkStep, Step statisticsStep,
			Step finishStep, IngestRunRecorder recorder, JdbcTemplate jdbc) {
		return new JobBuilder(PARTITIONED_JOB_NAME, jobRepository).listener(new IngestJobListener(recorder, jdbc))
			.start(partitionedLoadStep)
			.next(linkStep)
			.next(statisticsStep)
			.next(finishStep)
			.build();
	}

	@Bean
	Step loadStep(JobRepository jobRepository, PlatformTransactionManager transactionManager, ProcessingReader reader,
			SourceRecordWriter writer, IngestProperties properties, ReaderPosition readerPosition) {
		return chunkedLoad(new StepBuilder("load", jobRepository), transactionManager, reader, writer, properties)
			.listener(new ProgressListener(properties.progressInterval(), readerPosition,
					// as of the last chunk written: the writer keeps the tally in the
					// context
					(step) -> LoadTally.from(step.getExecutionContext()).get(LoadTally.REJECTED)))
			.build();
	}

	/**
	 * The partitioned load: splits the file ({@link LoadPartitioner}) and runs
	 * {@link #loadPartitionStep} on each range, all at once, one thread each. The
	 * progress lines sum the partitions'.
	 */
	@Bean
	Step partitionedLoadStep(JobRepository jobRepository, LoadPartitioner loadPartitioner, Step loadPartitionStep,
			IngestProperties properties, ReaderPosition readerPosition, JdbcTemplate jdbc) {
		return new StepBuilder("load", jobRepository).partitioner(PARTITION_STEP_NAME, loadPartitioner)
			.step(loadPartitionStep)
			.taskExecutor(new SimpleAsyncTaskExecutor("load-partition-"))
			.listener(new ProgressListener(properties.progressInterval(), readerPosition,
					(step) -> LoadCounts.of(jdbc, step.getJobParameters().getLong(IngestParameters.RUN)).rejected()))
			.build();
	}

	/**
	 * Loads one partition: the load step's reader and writer, on the partition's range.
	 */
	@Bean
	Step loadPartitionStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			ProcessingReader reader, SourceRecordWriter writer, IngestProperties properties) {
		return chunkedLoad(new StepBuilder(PARTITION_STEP_NAME, jobRepository), transactionManager, reader, writer,
				properties)
			.build();
	}

	private static ChunkOrientedStepBuilder<LoadOutcome, LoadOutcome> chunkedLoad(StepBuilder step,
			PlatformTransactionManager transactionManager, ProcessingReader reader, SourceRecordWriter writer,
			IngestProperties properties) {
		// The transaction manager must be given: the chunk builder otherwise defaults to
		// a resourceless one, and writes would escape the chunk transaction.
		return step.<LoadOutcome, LoadOutcome>chunk(properties.chunkSize())
			.transactionManager(transactionManager)
			.reader(reader)
			.writer(writer)
			.listener(writer);
	}

	@Bean
	@StepScope
	LoadPartitioner loadPartitioner(@Value("#{jobParameters['run']}") Long run,
			@Value("#{jobParameters['file']}") String file, @Value("#{jobParameters['format']}") String format,
			@Value("#{jobParameters['encoding']}") String encoding,
			@Value("#{jobParameters['partitions']}") Long partitions, JdbcTemplate jdbc,
			PlatformTransactionManager transactionManager) {
		return new LoadPartitioner(jdbc, new TransactionTemplate(transactionManager), run,
				source(file, format, encoding), partitions.intValue());
	}

	@Bean
	Step linkStep(JobRepository jobRepository, PlatformTransactionManager transactionManager, JdbcTemplate jdbc,
			Deduplicator deduplicator, IncidentStatisticsCells statistics) {
		return new StepBuilder("link", jobRepository).tasklet((contribution, chunkContext) -> {
			long run = chunkContext.getStepContext()
				.getStepExecution()
				.getJobParameters()
				.getLong(IngestParameters.RUN);
			int created = new IncidentLinker(jdbc).link(run);
			if (created > 0) {
				statistics.incidentsChanged();
			}
			DedupeSummary dedupe = deduplicator.dedupePending();
			var context = contribution.getStepExecution().getExecutionContext();
			context.putLong("incidents.created", created + dedupe.createdIncidents());
			context.putLong("dedupe.matches", dedupe.matches());
			context.putLong("dedupe.multiSourceIncidents", dedupe.multiSourceIncidents());
			return null;
		}, transactionManager).build();
	}

	/**
	 * Rebuilds the statistics cells the API answers from, when the load changed
	 * incidents.
	 */
	@Bean
	Step statisticsStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
			IncidentStatisticsCells statistics) {
		return new StepBuilder("statistics", jobRepository).tasklet((contribution, chunkContext) -> {
			statistics.refresh();
			return null;
		}, transactionManager).build();
	}

	@Bean
	Step finishStep(JobRepository jobRepository, PlatformTransactionManager transactionManager, JdbcTemplate jdbc,
			IngestProperties properties) {
		return new StepBuilder("finish", jobRepository)
			.tasklet(new FinishTasklet(jdbc, properties.maxRejectShare()), transactionManager)
			.build();
	}

	/** How far the load has got, for the progress lines (one load per process). */
	@Bean
	ReaderPosition readerPosition() {
		return new ReaderPosition();
	}

	@Bean
	@StepScope
	ProcessingReader processingReader(@Value("#{jobParameters['run']}") Long run,
			@Value("#{jobParameters['file']}") String file, @Value("#{jobParameters['format']}") String format,
			@Value("#{jobParameters['encoding']}") String encoding,
			@Value("#{jobParameters['country']}") String country, @Value("#{stepExecution}") StepExecution step,
			JdbcTemplate jdbc, ReaderPosition readerPosition) {
		IngestSource source = source(file, format, encoding);
		RowProcessor processor = new RowProcessor(source.format(), Resolvers.load(jdbc), country);
		LoadPartition partition = partition(step, jdbc, run);
		if (partition == null) {
			return new ProcessingReader(new SourceRowItemReader(source), processor, 0,
					LoadCheckpoint.of(jdbc, run).rowsConsumed(), readerPosition.slot(0));
		}
		return new ProcessingReader(new SourceRowItemReader(source, partition.end()), processor, partition.first(),
				partition.first() + partition.checkpoint(jdbc, run).rowsConsumed(),
				readerPosition.slot(partition.index()));
	}

	/** The partition a step loads, or null for a whole file's load step. */
	private static LoadPartition partition(StepExecution step, JdbcTemplate jdbc, long run) {
		return step.getStepName().startsWith(PARTITION_STEP_NAME + ":")
				? LoadPartition.of(jdbc, run, LoadPartition.indexOf(step.getStepName())) : null;
	}

	@Bean
	@StepScope
	SourceRecordWriter sourceRecordWriter(@Value("#{jobParameters['run']}") Long run,
			@Value("#{jobParameters['file']}") String file, @Value("#{jobParameters['format']}") String format,
			@Value("#{jobParameters['encoding']}") String encoding,
			@Value("#{jobParameters['version']}") String version, @Value("#{stepExecution}") StepExecution step,
			JdbcTemplate jdbc, IngestProperties properties, IncidentStatisticsCells statistics, ProcessingReader reader,
			PlatformTransactionManager transactionManager) {
		IngestSource source = source(file, format, encoding);
		String checksum = jdbc.queryForObject("select file_checksum from ingest_run where id = ?", String.class, run);
		IngestContext context = new IngestContext(run, source.format().dataset(), version, source.file().displayName(),
				checksum);
		// COPY where the database has it (PostgreSQL), batched inserts elsewhere
		NewRecords newRecords = (properties.copy() && CopiedNewRecords.supported(jdbc))
				? new CopiedNewRecords(jdbc, context) : new BatchedNewRecords(jdbc, context);
		return new SourceRecordWriter(jdbc, context, newRecords, statistics, reader::rowsConsumed,
				partition(step, jdbc, run), new TransactionTemplate(transactionManager));
	}

	@Bean
	IngestRunRecorder ingestRunRecorder(JdbcTemplate jdbc) {
		return new IngestRunRecorder(jdbc);
	}

	private static IngestSource source(String file, String format, String encoding) {
		try {
			return IngestSource.resolve(SourceFile.of(Path.of(file), encoding), format, null, encoding);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot open " + file + ": " + ex.getMessage(), ex);
		}
	}

}
