package org.incidentintel.etl.faults;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.incidentintel.domain.reference.ReferenceDataLoader;
import org.incidentintel.domain.reference.ReferenceDataReader;
import org.incidentintel.etl.EtlApplication;
import org.incidentintel.etl.load.IngestOutcome;
import org.incidentintel.etl.load.IngestRequest;
import org.incidentintel.etl.load.IngestInterruptedException;
import org.incidentintel.etl.load.IngestService;
import org.incidentintel.etl.load.IngestSource;
import org.incidentintel.etl.read.SourceFile;
import org.incidentintel.testing.RequiresDocker;
import org.incidentintel.testing.RestartablePostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.postgresql.PostgreSQLContainer;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A load cut off by a PostgreSQL outage: the ingest ends within seconds with an error
 * naming the run and how to continue it, the run is left RUNNING (the job could not
 * record its end), and once the database is back {@code restart} recovers it and
 * completes it with exactly what a clean run of the same file leaves (records, rejects,
 * counts). The container is this class's own (it is stopped), not the shared one.
 */
@SpringBootTest(classes = EtlApplication.class)
@Import(OutageIngestIntegrationTests.OwnPostgres.class)
@RequiresDocker
@DirtiesContext // closing the context stops the container; no other class may reuse it
class OutageIngestIntegrationTests {

	/** Three and a half chunks: the outage lands in the second. */
	private static final int ROWS = 3500;

	/**
	 * Hikari's connection-timeout (application.yml) for each of the few attempts to
	 * record the failure, with room for a slow machine; Hikari's default (30 s each)
	 * would fail this.
	 */
	private static final Duration QUICK_FAILURE = Duration.ofSeconds(30);

	/** Every so many rows one is invalid (type_of_violence 9: a BAD_CODE reject). */
	private static final int BAD_EVERY = 97;

	@Autowired
	IngestService ingest;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ReferenceDataLoader referenceData;

	@Autowired
	PostgreSQLContainer postgres;

	@TempDir
	Path temporary;

	@Test
	void aLoadCutOffByAnOutageFailsAtOnceAndRestartEndsItAsACleanRunWould() throws Exception {
		this.referenceData.load(new ReferenceDataReader().readClasspath());
		Path file = synthetic(this.temporary.resolve("ucdp-ged-synthetic.csv"), ROWS);
		IngestOutcome clean = load(file);
		assertThat(clean.completed()).as(String.valueOf(clean.message())).isTrue();
		assertThat(clean.rejected()).isEqualTo(ROWS / BAD_EVERY);
		String cleanTables = fingerprint(clean.runId());
		this.jdbc.execute("truncate table source_record, rejected_record, incident, ingest_run cascade");

		pauseTheSecondChunk();
		CompletableFuture<Object> cutOff = CompletableFuture.supplyAsync(() -> {
			try {
				return load(file);
			}
			catch (Exception ex) {
				return ex;
			}
		});
		awaitPausedChunk();
		RestartablePostgres.stop(this.postgres);
		long stoppedAt = System.nanoTime();
		Object ended = cutOff.get(90, TimeUnit.SECONDS);
		Duration failedAfter = Duration.ofNanos(System.nanoTime() - stoppedAt);
		RestartablePostgres.start(this.postgres);
		Duration outage = Duration.ofNanos(System.nanoTime() - stoppedAt);
		this.jdbc.execute("drop trigger pause_second_chunk on source_record");

		long run = this.jdbc.queryForObject("select max(id) from ingest_run", Long.class);
		String status = this.jdbc.queryForObject("select status from ingest_run where id = ?", String.class, run);
		long loaded = this.jdbc.queryForObject("select count(*) from source_record", Long.class);
		System.out.printf(
				"[outage] the load ended %d ms after PostgreSQL stopped (outage %d ms) with %s; run %d %s, "
						+ "%d of %d rows committed%n",
				failedAfter.toMillis(), outage.toMillis(), describe(ended), run, status, loaded, ROWS);
		assertThat(loaded).as("records committed before the outage: the first chunk's")
			.isEqualTo(1000 - 1000 / BAD_EVERY);
		assertThat(ended).isInstanceOfSatisfying(IngestInterruptedException.class, (cutOffBy) -> {
			assertThat(cutOffBy.runId()).isEqualTo(run);
			assertThat(cutOffBy.getMessage()).startsWith("run " + run + " was cut off by the database: ")
				.endsWith("once the database is back, continue with `restart --run " + run + "`");
		});
		assertThat(failedAfter).as("time from the outage to the end of the load").isLessThan(QUICK_FAILURE);
		// the job could not record its end: restart must recover the stale run first
		assertThat(status).isEqualTo("RUNNING");

		IngestOutcome restarted = this.ingest.restart(run);

		assertThat(restarted.completed()).as(String.valueOf(restarted.message())).isTrue();
		assertThat(restarted.runId()).isEqualTo(run);
		assertThat(List.of(restarted.read(), restarted.inserted(), restarted.updated(), restarted.unchanged(),
				restarted.rejected(), restarted.filtered()))
			.isEqualTo(List.of(clean.read(), clean.inserted(), clean.updated(), clean.unchanged(), clean.rejected(),
					clean.filtered()));
		assertThat(restarted.details()).isEqualTo(clean.details());
		assertThat(fingerprint(run)).isEqualTo(cleanTables);
	}

	private IngestOutcome load(Path file) throws Exception {
		return this.ingest
			.ingest(new IngestRequest(IngestSource.resolve(SourceFile.of(file), "ucdp-ged", null, null), null));
	}

	/**
	 * Makes the load's second chunk wait in the database (a trigger sleeps once the first
	 * chunk is committed), so that the outage lands in the middle of the load on a
	 * machine of any speed.
	 */
	private void pauseTheSecondChunk() {
		this.jdbc.execute("""
				create or replace function pause_second_chunk() returns trigger language plpgsql as $$
				begin
				  if (select count(*) from source_record) > 1000 then
				    perform pg_sleep(120);
				  end if;
				  return null;
				end $$""");
		this.jdbc.execute("create trigger pause_second_chunk after insert on source_record "
				+ "for each statement execute function pause_second_chunk()");
	}

	private void awaitPausedChunk() throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		while (this.jdbc.queryForObject("select count(*) from pg_stat_activity where wait_event = 'PgSleep'",
				Long.class) == 0) {
			assertThat(System.nanoTime()).as("the second chunk reached the database within 60 s").isLessThan(deadline);
			Thread.sleep(20);
		}
	}

	private static String describe(Object ended) {
		if (ended instanceof IngestOutcome outcome) {
			return (outcome.completed() ? "COMPLETED" : "FAILED") + " \"" + outcome.message() + "\"";
		}
		return (ended instanceof Exception ex) ? ex.getClass().getSimpleName() + " \"" + ex.getMessage() + "\""
				: String.valueOf(ended);
	}

	/**
	 * What a load left: its records by (dataset, record id, content hash), its rejects by
	 * (line, field, reason), and how many incidents and linked records there are.
	 */
	private String fingerprint(long run) {
		return String.join("\n",
				this.jdbc.queryForList("select dataset || '|' || source_record_id || '|' || "
						+ "content_hash from source_record order by dataset, source_record_id", String.class))
				+ "\n--\n"
				+ String.join("\n",
						this.jdbc.queryForList("select line_number || '|' || coalesce(field, '-') || '|' || "
								+ "reason_code from rejected_record where ingest_run_id = ? order by line_number",
								String.class, run))
				+ "\n--\nincidents " + this.jdbc.queryForObject("select count(*) from incident", Long.class)
				+ ", linked records " + this.jdbc
					.queryForObject("select count(*) from source_record where incident_id is not null", Long.class);
	}

	/**
	 * Writes synthetic rows in the UCDP GED layout (the real header): TTP against
	 * civilians in four provinces over twenty years, every {@link #BAD_EVERY}th row
	 * invalid.
	 */
	static Path synthetic(Path file, int rows) throws IOException {
		String header;
		try (var lines = Files.lines(sample(), StandardCharsets.UTF_8)) {
			header = lines.findFirst().orElseThrow();
		}
		List<String> columns = List.of(header.split(","));
		String[] provinces = { "NWFP", "Balochistan province", "Sindh province", "FATA" };
		LocalDate first = LocalDate.of(2004, 1, 1);
		try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
			out.write(header);
			out.write("\n");
			for (int i = 1; i <= rows; i++) {
				String[] cells = new String[columns.size()];
				Arrays.fill(cells, "");
				String day = first.plusDays(i % 7300) + " 00:00:00.000";
				String best = Integer.toString(i % 13);
				set(cells, columns, "id", Integer.toString(900_000 + i));
				set(cells, columns, "relid", "PAK-SYN-" + i);
				set(cells, columns, "year", day.substring(0, 4));
				set(cells, columns, "type_of_violence", (i % BAD_EVERY == 0) ? "9" : "3");
				set(cells, columns, "side_a", "TTP");
				set(cells, columns, "side_b", "Civilians");
				set(cells, columns, "adm_1", provinces[i % provinces.length]);
				set(cells, columns, "latitude", Double.toString(25 + (i % 1000) / 100.0));
				set(cells, columns, "longitude", Double.toString(62 + (i % 1000) / 100.0));
				set(cells, columns, "country", "Pakistan");
				set(cells, columns, "iso3", "PAK");
				set(cells, columns, "date_prec", "1");
				set(cells, columns, "date_start", day);
				set(cells, columns, "date_end", day);
				for (String deaths : List.of("deaths_a", "deaths_b", "deaths_unknown")) {
					set(cells, columns, deaths, "0");
				}
				for (String estimate : List.of("deaths_civilians", "best", "high", "low")) {
					set(cells, columns, estimate, best);
				}
				out.write(String.join(",", cells));
				out.write("\n");
			}
		}
		return file;
	}

	private static void set(String[] cells, List<String> columns, String column, String value) {
		cells[columns.indexOf(column)] = value;
	}

	private static Path sample() {
		try {
			return Path.of(OutageIngestIntegrationTests.class.getClassLoader()
				.getResource("samples/ucdp-ged/conflict_data_pak.csv")
				.toURI());
		}
		catch (java.net.URISyntaxException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** This class's own container, which it stops and starts. */
	@TestConfiguration(proxyBeanMethods = false)
	static class OwnPostgres {

		@Bean
		@ServiceConnection
		PostgreSQLContainer outagePostgres() {
			return RestartablePostgres.create();
		}

	}

}
