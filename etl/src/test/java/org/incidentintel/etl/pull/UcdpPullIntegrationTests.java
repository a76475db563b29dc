package org.incidentintel.etl.pull;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.incidentintel.etl.EtlApplication;
import org.incidentintel.etl.cli.EtlCli;
import org.incidentintel.etl.pull.FakeUcdpApi.Answer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.incidentintel.etl.pull.UcdpPages.event;
import static org.incidentintel.etl.pull.UcdpPages.events;
import static org.incidentintel.etl.pull.UcdpPages.page;
import static org.incidentintel.etl.pull.UcdpPages.pathAndQuery;

/**
 * {@code pull ucdp} end to end, as a data engineer runs it, against an in-process fake of
 * the UCDP API and an H2 file database in a temporary directory: candidate events first,
 * then the GED release that covers part of their period.
 */
class UcdpPullIntegrationTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final int PAGE_SIZE = 2;

	private final FakeUcdpApi api = new FakeUcdpApi();

	@TempDir
	Path directory;

	@AfterEach
	void stopApi() {
		this.api.close();
	}

	@Test
	void usageErrorsAnswerAtOnce() throws Exception {
		Result help = run("pull", "ucdp", "--help");
		assertThat(help.exitCode()).isZero();
		assertThat(help.out()).contains("Usage: incidentintel-etl pull ucdp", "--dataset=ged|candidate", "--version=V",
				"--since=DATE", "UCDP_API_TOKEN", "x-ucdp-access-token");

		Result noApi = run("pull");
		assertThat(noApi.exitCode()).isEqualTo(2);
		assertThat(noApi.err()).contains("Usage: incidentintel-etl", "pull", "Loads current data from a source's API");

		Result dataset = run("pull", "ucdp", "--dataset", "final", "--version", "24.1", "--country", "PAK");
		assertThat(dataset.exitCode()).isEqualTo(2);
		assertThat(dataset.err()).contains("error: --dataset takes ged or candidate, not 'final'");

		Result since = run("pull", "ucdp", "--dataset", "ged", "--version", "24.1", "--country", "PAK", "--since",
				"1/1/2024");
		assertThat(since.exitCode()).isEqualTo(2);
		assertThat(since.err()).contains("error: --since takes a day as YYYY-MM-DD, not '1/1/2024'");

		Result version = run("pull", "ucdp", "--dataset", "ged", "--version", "latest", "--country", "PAK");
		assertThat(version.exitCode()).isEqualTo(2);
		assertThat(version.err()).contains("--version takes a UCDP version such as 24.1");
		assertThat(this.api.requests()).isEmpty();
	}

	@Test
	void candidateEventsLoadAndTheGedReleaseSupersedesThoseOfThePeriodItCovers() throws Exception {
		// Candidate 24.0.12, since December 2023: two pages, the second after a 429 and a
		// 500. Event 2001 is the same attack GED 24.1 reports as 3001.
		String since = "&StartDate=2023-12-01";
		String candidate1 = page(this.api.apiUrl(), "24.0.12", PAGE_SIZE, 0, 2, 3, since,
				events(at(event(2001, "2023-12-05", 4)), event(2002, "2023-12-20", 2)));
		String candidate2 = page(this.api.apiUrl(), "24.0.12", PAGE_SIZE, 1, 2, 3, since,
				events(event(2003, "2024-01-15", 6)));
		this.api.answer(pathAndQuery("24.0.12", PAGE_SIZE, 0, since), Answer.ok(candidate1))
			.answer(pathAndQuery("24.0.12", PAGE_SIZE, 1, since), Answer.tooManyRequests("0"), Answer.status(500),
					Answer.ok(candidate2));

		Result candidates = run("pull", "ucdp", "--dataset", "candidate", "--version", "24.0.12", "--country", "pak",
				"--since", "2023-12-01");

		assertThat(candidates.exitCode()).as(candidates.err()).isZero();
		assertThat(candidates.err()).contains("HTTP 429 from", "HTTP 500 from", "page 2 of 2: 1 events",
				"2 page(s), 3 events");
		assertThat(candidates.out()).contains("completed", "(ucdp-candidate)", "read 3  inserted 3");
		assertThat(query("select count(*) from source_record where dataset = 'ucdp-candidate' "
				+ "and dataset_version = '24.0.12'"))
			.containsExactly("3");
		Path pulled = this.directory.resolve("ucdp/candidate-24.0.12-PAK-since-2023-12-01");
		JsonNode manifest = JSON.readTree(pulled.resolve("manifest.json").toFile());
		// provenance: the API URL, the version and the pages' checksum
		assertThat(query("select file_name from ingest_run")).singleElement()
			.asString()
			.startsWith(this.api.apiUrl() + "/gedevents/24.0.12?pagesize=2&page=0&Country=770&StartDate=2023-12-01")
			.contains("2 pages: " + pulled.resolve("pages.json").toAbsolutePath());
		assertThat(query("select file_checksum from ingest_run"))
			.containsExactly(manifest.path("pagesSha256").asString());
		assertThat(query("select count(*), sum(killed) from incident")).containsExactly("3", "12");

		// The GED events loaded from a file first (no version): the candidate report of
		// the same attack joins GED's in one incident, and nothing is superseded
		String ged = page(this.api.apiUrl(), "24.1", PAGE_SIZE, 0, 1, 2, "",
				events(at(event(3001, "2023-12-05", 5)), event(3002, "2023-06-01", 1)));
		Path gedFile = Files.writeString(this.directory.resolve("ged-page.json"), ged);
		Result file = run("ingest", "--file", gedFile.toString(), "--format", "ucdp-ged");
		assertThat(file.exitCode()).as(file.err()).isZero();
		assertThat(query("select count(distinct incident_id) from source_record "
				+ "where source_record_id in ('2001', '3001')"))
			.containsExactly("1");
		assertThat(query("select count(*) from incident")).containsExactly("4");

		// GED 24.1 covers 1989..2023: its events supersede the candidate events of 2023
		this.api.answer(pathAndQuery("24.1", PAGE_SIZE, 0, ""), Answer.ok(ged));

		Result release = run("pull", "ucdp", "--dataset", "ged", "--version", "24.1", "--country", "PAK", "--json");

		assertThat(release.exitCode()).as(release.err()).isZero();
		JsonNode summary = JSON.readTree(release.out());
		assertThat(summary.path("dataset").asString()).isEqualTo("ucdp-ged");
		assertThat(summary.path("pages").asInt()).isEqualTo(1);
		assertThat(summary.path("supersededCandidateEvents").asInt()).isEqualTo(2);
		// loaded before from the file, so unchanged: they are marked as the release's all
		// the same
		assertThat(summary.path("ingest").path("unchanged").asInt()).isEqualTo(2);
		assertThat(query("select count(*) from source_record where dataset = 'ucdp-ged' and dataset_version = '24.1'"))
			.containsExactly("2");
		assertThat(query("select source_record_id from source_record where dataset = 'ucdp-candidate'"))
			.containsExactly("2003");
		// no incident is left without a record; the one candidate 2001 shared with GED
		// 3001
		// now has GED's figures
		assertThat(query("select count(*) from incident i where not exists "
				+ "(select 1 from source_record r where r.incident_id = i.id)"))
			.containsExactly("0");
		assertThat(query("select count(*), sum(killed) from incident")).containsExactly("3", "12");
		assertThat(query("select i.killed from incident i join source_record r on r.incident_id = i.id "
				+ "where r.source_record_id = '3001'"))
			.containsExactly("5");

		// a candidate pull after the release loads nothing the release covers
		int asked = this.api.requests().size();
		Result again = run("pull", "ucdp", "--dataset", "candidate", "--version", "24.0.12", "--country", "PAK",
				"--since", "2023-12-01");
		assertThat(again.exitCode()).as(again.err()).isZero();
		assertThat(this.api.requests()).hasSize(asked);
		assertThat(again.err()).contains("2 page(s) saved by an earlier run, not fetched again");
		assertThat(again.out()).contains("superseded 2 candidate event(s)");
		assertThat(query("select source_record_id from source_record where dataset = 'ucdp-candidate'"))
			.containsExactly("2003");
	}

	/** The event at one place in Peshawar, so that candidate and GED reports match. */
	private static Map<String, Object> at(Map<String, Object> event) {
		event.put("latitude", 34.01);
		event.put("longitude", 71.58);
		return event;
	}

	private Result run(String... args) {
		StringWriter out = new StringWriter();
		StringWriter err = new StringWriter();
		Map<String, Object> properties = new HashMap<>();
		properties.put("spring.datasource.url", databaseUrl());
		properties.put("incidentintel.ucdp.api-url", this.api.apiUrl());
		properties.put("incidentintel.ucdp.token", "test-token");
		properties.put("incidentintel.ucdp.directory", this.directory.resolve("ucdp"));
		properties.put("incidentintel.ucdp.page-size", PAGE_SIZE);
		properties.put("incidentintel.ucdp.initial-backoff", "1ms");
		properties.put("incidentintel.ucdp.max-backoff", "1ms");
		int exitCode = EtlCli.run(args, EtlApplication.class, new PrintWriter(out, true), new PrintWriter(err, true),
				properties);
		return new Result(exitCode, out.toString(), err.toString());
	}

	private String databaseUrl() {
		return "jdbc:h2:file:" + this.directory + "/db;AUTO_SERVER=FALSE";
	}

	/** The first row's columns, or the first column of every row, as text. */
	private List<String> query(String sql) throws SQLException {
		try (Connection connection = DriverManager.getConnection(databaseUrl(), "", "");
				Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery(sql)) {
			int columns = result.getMetaData().getColumnCount();
			List<String> values = new java.util.ArrayList<>();
			while (result.next()) {
				if (columns == 1) {
					values.add(result.getString(1));
				}
				else {
					for (int i = 1; i <= columns; i++) {
						values.add(result.getString(i));
					}
				}
			}
			return values;
		}
	}

	private record Result(int exitCode, String out, String err) {
	}

}
