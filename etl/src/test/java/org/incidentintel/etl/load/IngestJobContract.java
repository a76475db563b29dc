package org.incidentintel.etl.load;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.incidentintel.domain.common.NameKey;
import org.incidentintel.domain.reference.ReferenceDataLoader;
import org.incidentintel.domain.reference.ReferenceDataReader;
import org.incidentintel.etl.cli.EtlCli;
import org.incidentintel.etl.read.SourceFile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ingest job against a real database: counts, provenance, idempotency, corrections,
 * rejects, and restart after a failure in the middle of a load. Subclasses pick the
 * database.
 */
abstract class IngestJobContract {

	static final Path UCDP = sample("samples/ucdp-ged/conflict_data_pak.csv");

	static final Path PAKISTAN_BODY_COUNT = sample(
			"samples/pakistan-body-count/PakistanSuicideAttacks Ver 11 (30-November-2017).csv");

	@Autowired
	IngestService ingest;

	@Autowired
	FailingJdbcTemplate jdbc;

	@Autowired
	ReferenceDataLoader referenceData;

	@Autowired
	JobRepository jobRepository;

	@Autowired
	ConfigurableApplicationContext context;

	@TempDir
	Path temporary;

	@BeforeEach
	void emptyDatabaseWithReferenceData() {
		this.jdbc.disarm();
		for (String table : List.of("incident_perpetrator", "incident_attack_type", "incident_target",
				"source_record_actor", "rejected_record")) {
			this.jdbc.update("delete from " + table);
		}
		this.jdbc.update("update source_record set incident_id = null");
		this.jdbc.update("delete from incident");
		this.jdbc.update("delete from source_record");
		this.jdbc.update("delete from ingest_run");
		this.jdbc.update("delete from curation_decision");
		this.referenceData.load(new ReferenceDataReader().readClasspath());
	}

	@Test
	void ucdpExtractLoadsEveryRowWithProvenanceAndAnIncidentEach() throws Exception {
		IngestOutcome outcome = load(UCDP, null);

		assertThat(outcome.completed()).isTrue();
		assertThat(outcome.read()).isEqualTo(6416);
		assertThat(outcome.inserted() + outcome.rejected()).isEqualTo(6416);
		assertThat(outcome.rejected()).isZero();
		assertThat(outcome.details().get("warningsByCode")).containsEntry("RANGE_DROPPED", 200L);
		assertThat(this.jdbc.queryForObject("select sum(killed) from source_record", Long.class)).isEqualTo(43225);
		assertThat(this.jdbc.queryForObject(
				"select count(*) from source_record where ingest_run_id = ? "
						+ "and file_checksum = ? and raw_record is not null",
				Long.class, outcome.runId(), sha256(UCDP)))
			.isEqualTo(6416);
		assertThat(this.jdbc.queryForObject("select count(*) from incident", Long.class)).isEqualTo(6416);
		assertThat(this.jdbc.queryForObject("select sum(killed) from incident", Long.class)).isEqualTo(43225);
		// TTP is side_b of 3,834 UCDP rows and side_a of 380 (one-sided violence)
		assertThat(
				this.jdbc.queryForObject(
						"select count(distinct a.source_record_id) from source_record_actor a "
								+ "join organization o on o.id = a.organization_id where o.acronym = 'TTP'",
						Long.class))
			.isEqualTo(3834 + 380);
		assertThat(outcome.details().get("unresolvedOrganizations")).isEmpty();
	}

	@Test
	void anAliasOfAnOrganizationMergedTwiceResolvesToTheFinalSurvivor() {
		long survivor = testOrganization("test-survivor", null);
		long middle = testOrganization("test-middle", survivor);
		long first = testOrganization("test-first", middle);
		this.jdbc.update("insert into organization_alias (organization_id, alias, normalized_key) "
				+ "values (?, 'Test Chain Front', ?)", first, NameKey.of("Test Chain Front"));
		try {
			assertThat(Resolvers.load(this.jdbc).resolveActors("Test Chain Front", null, null)).singleElement()
				.satisfies((resolution) -> assertThat(resolution.organizationId()).isEqualTo(Long.toString(survivor)));
		}
		finally {
			this.jdbc.update("delete from organization_alias where alias = 'Test Chain Front'");
			this.jdbc.update("update organization set merged_into_id = null where ref_key like 'test-%'");
			this.jdbc.update("delete from organization where ref_key like 'test-%'");
		}
	}

	private long testOrganization(String key, Long mergedInto) {
		this.jdbc.update("insert into organization (ref_key, name, kind, merged_into_id) values (?, ?, 'OTHER', ?)",
				key, key, mergedInto);
		return this.jdbc.queryForObject("select id from organization where ref_key = ?", Long.class, key);
	}

	@Test
	void loadingTheSameFileAgainChangesNothingAndSaysSo() throws Exception {
		load(UCDP, null);
		String before = fingerprint();

		IngestOutcome again = load(UCDP, null);

		assertThat(again.completed()).isTrue();
		assertThat(again.inserted()).isZero();
		assertThat(again.updated()).isZero();
		assertThat(again.unchanged()).isEqualTo(6416);
		assertThat(again.changedNothing()).isTrue();
		assertThat(fingerprint()).isEqualTo(before);
	}

	@Test
	void aCorrectedFileUpdatesOnlyTheChangedRecords() throws Exception {
		Path original = this.temporary.resolve("ged.csv");
		List<String> lines = Files.readAllLines(UCDP, StandardCharsets.UTF_8).subList(0, 2);
		String header = lines.get(0);
		Files.writeString(original, header + "\n" + lines.get(1) + "\n" + row(header, "1001", "5") + "\n"
				+ row(header, "1002", "7") + "\n");
		load(original, "ucdp-ged");
		Path corrected = this.temporary.resolve("ged-corrected.csv");
		Files.writeString(corrected, header + "\n" + lines.get(1) + "\n" + row(header, "1001", "5") + "\n"
				+ row(header, "1002", "9") + "\n");

		IngestOutcome outcome = load(corrected, "ucdp-ged");

		assertThat(outcome.updated()).isEqualTo(1);
		assertThat(outcome.unchanged()).isEqualTo(1);
		assertThat(this.jdbc.queryForObject("select killed from source_record where source_record_id = '1002'",
				Integer.class))
			.isEqualTo(9);
		assertThat(this.jdbc.queryForObject("select i.killed from incident i join source_record s "
				+ "on s.incident_id = i.id where s.source_record_id = '1002'", Integer.class))
			.isEqualTo(9);
	}

	@Test
	void aRunThatCorrectsOneRecordAndAddsAnotherCopiesEachIncidentsDetailsOnce() throws Exception {
		String header = Files.readAllLines(UCDP, StandardCharsets.UTF_8).get(0);
		Path first = this.temporary.resolve("first.csv");
		Files.writeString(first, header + "\n" + row(header, "2001", "5") + "\n");
		load(first, "ucdp-ged");
		Path second = this.temporary.resolve("second.csv");
		Files.writeString(second, header + "\n" + row(header, "2001", "6") + "\n" + row(header, "2002", "7") + "\n");

		IngestOutcome outcome = load(second, "ucdp-ged");

		assertThat(outcome.completed()).isTrue();
		assertThat(outcome.updated()).isEqualTo(1);
		assertThat(outcome.inserted()).isEqualTo(1);
		// one perpetrator (TTP) and one target (Civilians) per incident, not two
		assertThat(this.jdbc.queryForObject("select count(*) from incident_perpetrator", Long.class)).isEqualTo(2);
		assertThat(this.jdbc.queryForObject("select count(*) from incident_target", Long.class)).isEqualTo(2);
	}

	@Test
	void pakistanBodyCountLoadsThroughItsMappingAndKeepsItsReject() throws Exception {
		IngestOutcome outcome = load(PAKISTAN_BODY_COUNT, null);

		assertThat(outcome.completed()).isTrue();
		assertThat(outcome.inserted() + outcome.rejected()).isEqualTo(496);
		assertThat(outcome.details().get("rejectsByReason")).containsOnlyKeys("BAD_NUMBER");
		Map<String, Object> reject = this.jdbc.queryForMap(
				"select file_name as f, line_number as l, field as c, "
						+ "reason_code as r, raw_text as t from rejected_record where ingest_run_id = ?",
				outcome.runId());
		// column labels come back upper case from H2 and lower case from PostgreSQL
		Map<String, Object> cells = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
		cells.putAll(reject);
		assertThat(cells.get("f")).isEqualTo(PAKISTAN_BODY_COUNT.getFileName().toString());
		assertThat(cells.get("c")).isEqualTo("Injured Max");
		assertThat(cells.get("r")).isEqualTo("BAD_NUMBER");
		assertThat(((Number) cells.get("l")).longValue()).isGreaterThan(1);
		assertThat((String) cells.get("t")).contains("http");
		assertThat(this.jdbc.queryForObject(
				"select count(*) from source_record where dataset = 'pakistan-body-count' " + "and region_id is null",
				Long.class))
			.isZero();
	}

	@Test
	void aLoadThatFailsMidwayRestartsFromItsLastChunkAndEndsAsACleanRunWould() throws Exception {
		load(UCDP, null);
		String clean = fingerprint();
		emptyDatabaseWithReferenceData();
		this.jdbc.failInsertBatch(3);

		IngestOutcome failed = load(UCDP, null);

		assertThat(failed.completed()).isFalse();
		assertThat(failed.message()).contains("simulated outage");
		long loadedBeforeFailure = this.jdbc.queryForObject("select count(*) from source_record", Long.class);
		assertThat(loadedBeforeFailure).isEqualTo(2000);
		this.jdbc.disarm();

		IngestOutcome restarted = this.ingest.restart(failed.runId());

		assertThat(restarted.completed()).isTrue();
		assertThat(restarted.runId()).isEqualTo(failed.runId());
		assertThat(restarted.inserted()).isEqualTo(6416);
		assertThat(restarted.read()).isEqualTo(6416);
		assertThat(fingerprint()).isEqualTo(clean);
	}

	/**
	 * Spring Batch 6 stores a restarted step's inherited execution context only with its
	 * first chunk: a restart killed before then leaves a step execution with an empty
	 * context. The next restart must still go on from the last committed chunk, or it
	 * would write the first chunks' rejects and counts twice.
	 */
	@Test
	void aRestartKilledBeforeItsFirstChunkLeavesTheNextOneNothingToWriteTwice() throws Exception {
		Path file = withInvalidRows(UCDP, 97);
		IngestOutcome clean = load(file, "ucdp-ged");
		String cleanTables = fingerprint() + rejects();
		assertThat(clean.rejected()).isEqualTo(66);
		emptyDatabaseWithReferenceData();
		this.jdbc.failInsertBatch(3);
		IngestOutcome failed = load(file, "ucdp-ged");
		assertThat(failed.completed()).isFalse();
		assertThat(this.jdbc.queryForObject("select count(*) from rejected_record", Long.class)).isEqualTo(20);
		this.jdbc.disarm();
		leaveARestartKilledBeforeItsFirstChunk(failed.runId());

		IngestOutcome restarted = this.ingest.restart(failed.runId());

		assertThat(restarted.completed()).isTrue();
		assertThat(fingerprint() + rejects()).isEqualTo(cleanTables);
		assertThat(List.of(restarted.read(), restarted.inserted(), restarted.unchanged(), restarted.rejected()))
			.isEqualTo(List.of(clean.read(), clean.inserted(), clean.unchanged(), clean.rejected()));
	}

	/** What a restart's process killed before its first chunk leaves in the database. */
	private void leaveARestartKilledBeforeItsFirstChunk(long run) {
		long lastExecution = this.jdbc.queryForObject("select job_execution_id from ingest_run where id = ?",
				Long.class, run);
		JobExecution last = this.jobRepository.getJobExecution(lastExecution);
		JobExecution killed = this.jobRepository.createJobExecution(last.getJobInstance(), last.getJobParameters(),
				new ExecutionContext());
		killed.setStatus(BatchStatus.STARTED);
		killed.setStartTime(LocalDateTime.now());
		this.jobRepository.update(killed);
		StepExecution load = this.jobRepository.createStepExecution("load", killed);
		load.setStatus(BatchStatus.STARTED);
		load.setStartTime(LocalDateTime.now());
		this.jobRepository.update(load);
		this.jdbc.update("update ingest_run set job_execution_id = ?, status = 'RUNNING' where id = ?", killed.getId(),
				run);
	}

	/** A copy of a UCDP file whose every nth event has an invalid type of violence. */
	private Path withInvalidRows(Path file, int every) throws IOException {
		Path copy = this.temporary.resolve("invalid-every-" + every + ".csv");
		CSVFormat csv = CSVFormat.DEFAULT;
		try (CSVParser parser = CSVParser.parse(file, StandardCharsets.UTF_8, csv);
				CSVPrinter printer = new CSVPrinter(Files.newBufferedWriter(copy, StandardCharsets.UTF_8), csv)) {
			int events = 0;
			int typeOfViolence = -1;
			for (CSVRecord record : parser) {
				List<String> cells = new ArrayList<>(record.toList());
				if (typeOfViolence < 0) {
					typeOfViolence = cells.indexOf("type_of_violence");
				}
				else if (cells.get(0).matches("[0-9]+") && ++events % every == 0) {
					cells.set(typeOfViolence, "9");
				}
				printer.printRecord(cells);
			}
		}
		return copy;
	}

	private String rejects() {
		return String.join("\n",
				this.jdbc.queryForList(
						"select cast(line_number as varchar(20)) || '|' || reason_code || '|' || "
								+ "coalesce(field, '-') from rejected_record order by line_number, reason_code",
						String.class));
	}

	@Test
	void aFileInTheWrongFormatFailsWithAMessageSayingSo() throws Exception {
		IngestOutcome outcome = this.ingest.ingest(new IngestRequest(IngestSource
			.resolve(SourceFile.of(PAKISTAN_BODY_COUNT), null, "pakistan-body-count-suicide-attacks", "UTF-8"), null));
		assertThat(outcome.completed()).isTrue();

		Path wrong = this.temporary.resolve("wrong.csv");
		Files.writeString(wrong, "S#,Date,Killed Max\n1,not a date,3\n2,neither,4\n3,Sunday-November 19-1995,5\n");
		IngestOutcome failed = load(wrong, "mapping:pakistan-body-count-suicide-attacks");

		assertThat(failed.completed()).isFalse();
	}

	/**
	 * Two loads of one file at once: both look the chunk's records up, find none, and
	 * insert them; the second insert breaks the unique key (dataset, record id). The
	 * loser must say which run won, not "duplicate key value violates unique constraint"
	 * (PostgreSQL) or "Unique index or primary key violation" (H2).
	 */
	@Test
	void theLoserOfTwoConcurrentLoadsOfOneDatasetNamesTheRunThatWon() throws Exception {
		Path file = this.temporary.resolve("ged.csv");
		String header = Files.readAllLines(UCDP, StandardCharsets.UTF_8).get(0);
		Files.writeString(file, header + "\n" + row(header, "1001", "5") + "\n" + row(header, "1002", "7") + "\n");
		AtomicReference<IngestOutcome> winner = new AtomicReference<>();
		ExecutorService otherProcess = Executors.newSingleThreadExecutor();
		StringWriter out = new StringWriter();
		StringWriter err = new StringWriter();
		int exitCode;
		try {
			// between this run's look-up and its insert, another run loads the same file
			this.jdbc.beforeNextRecordInsert(() -> {
				try {
					winner.set(otherProcess.submit(() -> load(file, "ucdp-ged")).get(2, TimeUnit.MINUTES));
				}
				catch (Exception ex) {
					throw new IllegalStateException(ex);
				}
			});

			exitCode = EtlCli.run(new String[] { "ingest", "--file", file.toString(), "--format", "ucdp-ged" },
					this.context, new PrintWriter(out, true), new PrintWriter(err, true));
		}
		finally {
			otherProcess.shutdownNow();
		}

		assertThat(winner.get().completed()).isTrue();
		assertThat(winner.get().inserted()).isEqualTo(2);
		long other = winner.get().runId();
		long lost = this.jdbc.queryForObject("select id from ingest_run where status = 'FAILED'", Long.class);
		String message = "run " + lost + " stopped: another run, " + other
				+ ", is loading the same dataset (ucdp-ged) and wrote the same records first. Nothing of this run's "
				+ "last chunk was written; once run " + other + " has ended, continue with `restart --run " + lost
				+ "`";
		assertThat(exitCode).as(err.toString()).isEqualTo(3);
		assertThat(err.toString()).contains("error: " + message).doesNotContainIgnoringCase("unique");
		assertThat(out.toString()).isEmpty();
		assertThat(this.jdbc.queryForObject("select message from ingest_run where id = ?", String.class, lost))
			.isEqualTo(message);

		IngestOutcome restarted = this.ingest.restart(lost);

		assertThat(restarted.completed()).isTrue();
		assertThat(restarted.unchanged()).isEqualTo(2);
		assertThat(this.jdbc.queryForObject("select count(*) from source_record", Long.class)).isEqualTo(2);
	}

	private IngestOutcome load(Path file, String format) throws Exception {
		return this.ingest
			.ingest(new IngestRequest(IngestSource.resolve(SourceFile.of(file), format, null, null), null));
	}

	/** What a load leaves in the tables, minus ids, run ids and timestamps. */
	private String fingerprint() {
		return String.join("\n",
				this.jdbc.queryForList("select dataset || '|' || source_record_id || '|' || "
						+ "content_hash || '|' || coalesce(cast(killed as varchar(12)), '-') from source_record "
						+ "order by dataset, source_record_id", String.class))
				+ this.jdbc.queryForObject("select count(*) from incident", Long.class)
				+ this.jdbc.queryForObject("select count(*) from source_record_actor", Long.class)
				+ this.jdbc.queryForObject("select count(*) from incident_perpetrator", Long.class);
	}

	private static String row(String header, String id, String best) {
		List<String> columns = List.of(header.split(","));
		String[] cells = new String[columns.size()];
		java.util.Arrays.fill(cells, "");
		set(cells, columns, "id", id);
		set(cells, columns, "relid", "PAK-" + id);
		set(cells, columns, "year", "2010");
		set(cells, columns, "type_of_violence", "3");
		set(cells, columns, "side_a", "TTP");
		set(cells, columns, "side_b", "Civilians");
		set(cells, columns, "adm_1", "NWFP");
		set(cells, columns, "latitude", "34.0");
		set(cells, columns, "longitude", "71.5");
		set(cells, columns, "country", "Pakistan");
		set(cells, columns, "iso3", "PAK");
		set(cells, columns, "date_prec", "1");
		set(cells, columns, "date_start", "2010-03-01 00:00:00.000");
		set(cells, columns, "date_end", "2010-03-01 00:00:00.000");
		for (String deaths : List.of("deaths_a", "deaths_b", "deaths_unknown")) {
			set(cells, columns, deaths, "0");
		}
		set(cells, columns, "deaths_civilians", best);
		set(cells, columns, "best", best);
		set(cells, columns, "high", best);
		set(cells, columns, "low", best);
		return String.join(",", cells);
	}

	private static void set(String[] cells, List<String> columns, String column, String value) {
		int index = columns.indexOf(column);
		if (index >= 0) {
			cells[index] = value;
		}
	}

	private static String sha256(Path file) throws IOException {
		return SourceFile.of(file).sha256();
	}

	private static Path sample(String resource) {
		try {
			return Path.of(IngestJobContract.class.getClassLoader().getResource(resource).toURI());
		}
		catch (URISyntaxException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
