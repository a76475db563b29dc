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
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The ingest job: {@code load} streams the file in chunks (read, normalize and resolve on
 * a thread ahead of the writer; upsert, all of a chunk in one transaction), {@code link}
 * deduplicates the new and corrected records against everything loaded (one canonical
 * incident per real event), {@code statistics} rebuilds the statistics cells the API
 * answers from if incidents changed, {@code finish} records the counts and judges the
 * reject share.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(IngestProperties.class)
class IngestJobConfiguration {

	static final String JOB_NAME = "ingest";

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
	Step loadStep(JobRepository jobRepository, PlatformTransactionManager transactionManager, ProcessingReader reader,
			SourceRecordWriter writer, IngestProperties properties, ReaderPosition readerPosition) {
		// The transaction manager must be given: the chunk builder otherwise defaults to
		// a
		// resourceless one, and writes would escape the chunk transaction.
		return new StepBuilder("load", jobRepository).<LoadOutcome, LoadOutcome>chunk(properties.chunkSize())
			.transactionManager(transactionManager)
			.reader(reader)
			.writer(writer)
			.listener(writer)
			.listener(new ProgressListener(properties.progressInterval(), readerPosition))
			.build();
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
			@Value("#{jobParameters['country']}") String country, JdbcTemplate jdbc, ReaderPosition readerPosition) {
		IngestSource source = source(file, format, encoding);
		return new ProcessingReader(new SourceRowItemReader(source),
				new RowProcessor(source.format(), Resolvers.load(jdbc), country),
				LoadCheckpoint.of(jdbc, run).rowsConsumed(), readerPosition);
	}

	@Bean
	@StepScope
	SourceRecordWriter sourceRecordWriter(@Value("#{jobParameters['run']}") Long run,
			@Value("#{jobParameters['file']}") String file, @Value("#{jobParameters['format']}") String format,
			@Value("#{jobParameters['encoding']}") String encoding,
			@Value("#{jobParameters['version']}") String version, JdbcTemplate jdbc, IngestProperties properties,
			IncidentStatisticsCells statistics, ProcessingReader reader) {
		IngestSource source = source(file, format, encoding);
		String checksum = jdbc.queryForObject("select file_checksum from ingest_run where id = ?", String.class, run);
		IngestContext context = new IngestContext(run, source.format().dataset(), version, source.file().displayName(),
				checksum);
		// COPY where the database has it (PostgreSQL), batched inserts elsewhere
		NewRecords newRecords = (properties.copy() && CopiedNewRecords.supported(jdbc))
				? new CopiedNewRecords(jdbc, context) : new BatchedNewRecords(jdbc, context);
		return new SourceRecordWriter(jdbc, context, newRecords, statistics, reader::rowsConsumed);
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
