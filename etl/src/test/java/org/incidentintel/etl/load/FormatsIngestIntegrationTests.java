package org.incidentintel.etl.load;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Reader;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.incidentintel.domain.reference.ReferenceDataLoader;
import org.incidentintel.domain.reference.ReferenceDataReader;
import org.incidentintel.etl.EtlApplication;
import org.incidentintel.etl.read.SourceFile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every built-in format loads its fixtures end to end, through the same path as the
 * command line: format resolution (given or detected from the header), the reader for
 * CSV, XLSX or JSON, the format, the resolvers and the writer. Each test states what the
 * load counts (inserted, rejected by reason, warnings, unresolved names), which records
 * are in the database, and where each rejected row is recorded.
 */
@SpringBootTest(classes = EtlApplication.class)
@Import(FaultInjection.class)
class FormatsIngestIntegrationTests {

	private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");

	@Autowired
	IngestService ingest;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ReferenceDataLoader referenceData;

	@TempDir
	Path temporary;

	@BeforeEach
	void emptyDatabaseWithReferenceData() {
		emptyLoadedData();
		this.referenceData.load(new ReferenceDataReader().readClasspath());
	}

	private void emptyLoadedData() {
		for (String table : List.of("incident_perpetrator", "incident_attack_type", "incident_target",
				"source_record_actor", "rejected_record")) {
			this.jdbc.update("delete from " + table);
		}
		this.jdbc.update("update source_record set incident_id = null");
		this.jdbc.update("delete from incident");
		this.jdbc.update("delete from source_record");
		this.jdbc.update("delete from ingest_run");
	}

	// --- UCDP GED
	// ------------------------------------------------------------------------

	@Test
	void ucdpOfficialCsvLoadsEveryRowWithItsWarnings() throws Exception {
		IngestOutcome outcome = load(fixture("ucdp-ged/official.csv"), "ucdp-ged", null);

		assertCounts(outcome, "ucdp-ged", 9, 9, 0, 0);
		assertThat(rejectsByReason(outcome)).isEmpty();
		// 900004 (low 5 > high 3) and 900005 (best 6 > high 4)
		assertThat(warnings(outcome)).isEqualTo(Map.of("RANGE_DROPPED", 2L));
		assertThat(unresolvedOrganizations(outcome))
			.isEqualTo(Map.of("Government of DR Congo (Zaire)", 1L, "AFDL", 1L));
		assertThat(unresolvedRegions(outcome)).isEmpty();
		assertThat(ids("ucdp-ged")).containsExactly("900001", "900002", "900003", "900004", "900005", "900006",
				"900007", "900008", "900009");
		// the first record's quoted cell spans lines 2 and 3: the next record starts on
		// line 4
		assertThat(lineNumbers("ucdp-ged")).containsExactly(2L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L);
		assertThat(this.jdbc.queryForObject("select country from source_record where source_record_id = '900009'",
				String.class))
			.isEqualTo("COD");
	}

	@Test
	void ucdpFileWithSomeBadRowsLoadsTheRestAndRecordsEachReject() throws Exception {
		IngestOutcome outcome = load(fixture("ingest/ucdp-ged-mixed.csv"), "ucdp-ged", null);

		assertThat(outcome.completed()).isTrue();
		assertCounts(outcome, "ucdp-ged", 12, 9, 3, 0);
		assertThat(rejectsByReason(outcome)).isEqualTo(Map.of("BAD_DATE", 1L, "NEGATIVE_COUNT", 1L, "MISSING_ID", 1L));
		assertThat(warnings(outcome)).isEqualTo(Map.of("RANGE_DROPPED", 2L));
		assertThat(unresolvedOrganizations(outcome))
			.isEqualTo(Map.of("Government of DR Congo (Zaire)", 1L, "AFDL", 1L));
		assertThat(ids("ucdp-ged")).hasSize(9).allMatch((id) -> id.startsWith("9000"));
		assertThat(rejects(outcome)).containsExactly("ucdp-ged-mixed.csv:12 date_start BAD_DATE",
				"ucdp-ged-mixed.csv:13 deaths_b NEGATIVE_COUNT", "ucdp-ged-mixed.csv:14 id MISSING_ID");
		assertThat(this.jdbc.queryForList(
				"select raw_text from rejected_record where ingest_run_id = ? order by line_number", String.class,
				outcome.runId()))
			.satisfiesExactly((raw) -> assertThat(raw).startsWith("910001,PAK-1990-1-9101-0,"),
					(raw) -> assertThat(raw).startsWith("910004,"),
					(raw) -> assertThat(raw).startsWith(",PAK-1990-1-9109-0,"));
	}

	@Test
	void ucdpHdxExtractSkipsItsHxlRowAndReadsIso3() throws Exception {
		IngestOutcome outcome = load(fixture("ucdp-ged/hdx-extract.csv"), "ucdp-ged", null);

		// the #hxl row is no record: 2 read, not 3
		assertCounts(outcome, "ucdp-ged", 2, 2, 0, 0);
		assertThat(warnings(outcome)).isEmpty();
		assertThat(unresolvedOrganizations(outcome)).isEmpty();
		assertThat(unresolvedRegions(outcome)).isEmpty();
		assertThat(ids("ucdp-ged")).containsExactly("920001", "920002");
		// the hxl row is line 2: the records are on lines 3 and 4
		assertThat(lineNumbers("ucdp-ged")).containsExactly(3L, 4L);
		// 920002 has an empty iso3: its country name decides
		assertThat(this.jdbc.queryForList("select country from source_record order by source_record_id", String.class))
			.containsExactly("PAK", "PAK");
	}

	@Test
	void ucdpExplorerExportWithTrailingCommasAndTrueFalseLoads() throws Exception {
		IngestOutcome outcome = load(fixture("ucdp-ged/explorer.csv"), "ucdp-ged", null);

		assertCounts(outcome, "ucdp-ged", 2, 2, 0, 0);
		// 930002: best_est 45 below low_est 46
		assertThat(warnings(outcome)).isEqualTo(Map.of("RANGE_DROPPED", 1L));
		assertThat(unresolvedOrganizations(outcome)).isEmpty();
		assertThat(ids("ucdp-ged")).containsExactly("930001", "930002");
		assertThat(this.jdbc
			.queryForList("select killed || '/' || coalesce(cast(killed_low as varchar(9)), '-') || '/' "
					+ "|| coalesce(cast(killed_high as varchar(9)), '-') from source_record order by source_record_id",
					String.class))
			.containsExactly("8/8/10", "45/-/-");
	}

	@Test
	void ucdpApiPageLoadsTheRecordsOfItsResultArray() throws Exception {
		IngestOutcome outcome = load(fixture("ucdp-ged/api-page.json"), "ucdp-ged", null);

		assertCounts(outcome, "ucdp-ged", 2, 2, 0, 0);
		assertThat(warnings(outcome)).isEmpty();
		assertThat(unresolvedOrganizations(outcome)).isEmpty();
		assertThat(ids("ucdp-ged")).containsExactly("940001", "940002");
		Map<String, Object> first = row("select killed, killed_low, killed_high, killed_security_forces, "
				+ "killed_militants, summary, place from source_record where source_record_id = '940001'");
		assertThat(first).containsEntry("killed", 6)
			.containsEntry("killed_low", 6)
			.containsEntry("killed_high", 9)
			.containsEntry("killed_security_forces", 1)
			.containsEntry("killed_militants", 5)
			.containsEntry("summary", "Synthetic API headline")
			.containsEntry("place", "Peshawar town");
	}

	// --- GTD
	// -----------------------------------------------------------------------------

	@Test
	void gtdCodebookAsCsvAndAsXlsxGivesTheSameRecords() throws Exception {
		Path csv = fixture("gtd/codebook.csv");
		Path xlsx = toXlsx(csv, this.temporary.resolve("codebook.xlsx"), List.of());

		IngestOutcome fromCsv = load(csv, "gtd", null);

		assertCounts(fromCsv, "gtd", 7, 7, 0, 0);
		assertThat(warnings(fromCsv)).isEmpty();
		// FARC, ELN (suspected) and "Gunmen" (gname3) of 200806159004, and the RAF of
		// 197805209005 are not in the reference data
		assertThat(unresolvedOrganizations(fromCsv)).isEqualTo(Map.of("Revolutionary Armed Forces of Colombia (FARC)",
				1L, "National Liberation Army of Colombia (ELN)", 1L, "Gunmen", 1L, "Red Army Faction (RAF)", 1L));
		// the reference data has Pakistan's regions only
		assertThat(unresolvedRegions(fromCsv)).isEqualTo(Map.of("Bogota", 1L, "Hesse", 1L));
		assertThat(ids("gtd")).containsExactly("197805209005", "198407119006", "199301229002", "200403009007",
				"200806159004", "201301019001", "201305009003");
		String fingerprint = fingerprint("gtd");

		IngestOutcome fromXlsx = load(xlsx, "gtd", null);

		assertThat(fromXlsx.completed()).isTrue();
		assertThat(fromXlsx.dataset()).isEqualTo("gtd");
		assertThat(fromXlsx.read()).isEqualTo(7);
		assertThat(fromXlsx.inserted()).isZero();
		assertThat(fromXlsx.updated()).isZero();
		assertThat(fromXlsx.unchanged()).isEqualTo(7);
		assertThat(fromXlsx.rejected()).isZero();
		assertThat(fromXlsx.changedNothing()).isTrue();
		assertThat(fingerprint("gtd")).isEqualTo(fingerprint);
	}

	@Test
	void gtdWebExportAsXlsxReadsTheDateSerialAndMatchesTheCsvExport() throws Exception {
		Path csv = fixture("gtd-web/search-results.csv");
		Path xlsx = toXlsx(csv, this.temporary.resolve("search-results.xlsx"), List.of("DATE"));

		IngestOutcome fromXlsx = load(xlsx, "gtd-web", null);

		assertCounts(fromXlsx, "gtd", 4, 4, 0, 0);
		assertThat(warnings(fromXlsx)).isEmpty();
		// "Tehrik-i-Taliban Pakistan (TTP), Lashkar-e-Jhangvi" names two known groups
		assertThat(unresolvedOrganizations(fromXlsx))
			.isEqualTo(Map.of("Revolutionary Armed Forces of Colombia (FARC)", 1L));
		assertThat(unresolvedRegions(fromXlsx)).isEqualTo(Map.of("Bogota", 1L, "Federal Capital Territory", 1L));
		assertThat(ids("gtd")).containsExactly("200806159004", "200809209005", "201301019001", "201302149002");
		// 41275 is 2013-01-01 and 41319 is 2013-02-14 in Excel's 1900 date system
		assertThat(this.jdbc.queryForList(
				"select cast(date_start as varchar(10)) from source_record " + "order by source_record_id",
				String.class))
			.containsExactly("2008-06-15", "2008-09-20", "2013-01-01", "2013-02-14");
		String fingerprint = fingerprint("gtd");

		IngestOutcome fromCsv = load(csv, "gtd-web", null);

		assertThat(fromCsv.completed()).isTrue();
		assertThat(fromCsv.unchanged()).isEqualTo(4);
		assertThat(fromCsv.changedNothing()).isTrue();
		assertThat(fingerprint("gtd")).isEqualTo(fingerprint);
	}

	// --- ACLED
	// ---------------------------------------------------------------------------

	@Test
	void acledPre2023LayoutRejectsItsTruncatedRowAndLoadsTheRest() throws Exception {
		IngestOutcome outcome = load(fixture("acled/pre-2023.csv"), "acled", null);

		assertThat(outcome.completed()).isTrue();
		assertCounts(outcome, "acled", 6, 5, 1, 0);
		assertThat(rejectsByReason(outcome)).isEqualTo(Map.of("TRUNCATED_ROW", 1L));
		assertThat(warnings(outcome)).isEmpty();
		assertThat(rejects(outcome)).containsExactly("pre-2023.csv:7 - TRUNCATED_ROW");
		// "Unidentified Armed Group (Pakistan)" and "Civilians (Pakistan)" name no actor
		assertThat(unresolvedOrganizations(outcome))
			.isEqualTo(Map.of("Military Forces of Pakistan (2018-) Air Force", 1L, "Protesters (Pakistan)", 1L));
		assertThat(unresolvedRegions(outcome)).isEmpty();
		assertThat(ids("acled")).containsExactly("PAK90001", "PAK90002", "PAK90003", "PAK90004", "PAK90005");
		// time_precision 3: the whole month
		assertThat(this.jdbc.queryForObject(
				"select cast(date_start as varchar(10)) || '..' || "
						+ "cast(date_end as varchar(10)) from source_record where source_record_id = 'PAK90003'",
				String.class))
			.isEqualTo("2019-06-01..2019-06-30");
	}

	@Test
	void acledCurrentLayoutLoads() throws Exception {
		IngestOutcome outcome = load(fixture("acled/current.csv"), "acled", null);

		assertCounts(outcome, "acled", 4, 4, 0, 0);
		assertThat(warnings(outcome)).isEmpty();
		assertThat(unresolvedOrganizations(outcome)).isEqualTo(Map.of("Military Forces of Afghanistan (2021-)", 1L,
				"NRF: National Resistance Front", 1L, "Police Forces of India (2014-)", 1L, "Rioters (Kosovo)", 1L));
		assertThat(unresolvedRegions(outcome))
			.isEqualTo(Map.of("Panjshir", 1L, "Jammu and Kashmir", 1L, "Mitrovica", 1L));
		assertThat(ids("acled")).containsExactly("AFG91002", "IND91003", "PAK91001", "XKX91004");
		assertThat(this.jdbc.queryForList("select country from source_record order by source_record_id", String.class))
			.containsExactly("AFG", "IND", "PAK", "XKX");
	}

	// --- every format
	// ----------------------------------------------------------------------

	@Test
	void everyRejectsFixtureFailsAsProbablyTheWrongFormatAndRecordsEachRow() throws Exception {
		Map<String, List<String>> expected = new LinkedHashMap<>();
		expected.put("ucdp-ged/rejects.csv",
				List.of("2 date_start BAD_DATE", "3 date_end BAD_DATE", "4 date_prec BAD_DATE",
						"5 deaths_b NEGATIVE_COUNT", "6 best BAD_NUMBER", "7 latitude BAD_COORDINATES",
						"8 country UNKNOWN_COUNTRY", "9 type_of_violence BAD_CODE", "10 id MISSING_ID",
						"11 deaths_unknown NEGATIVE_COUNT"));
		expected.put("gtd/rejects.csv",
				List.of("2 eventid MISSING_ID", "3 imonth BAD_DATE", "4 iday BAD_DATE", "5 iyear BAD_DATE",
						"6 nkill NEGATIVE_COUNT", "7 nwound BAD_NUMBER", "8 country_txt UNKNOWN_COUNTRY",
						"9 latitude BAD_COORDINATES", "10 - TRUNCATED_ROW"));
		expected.put("gtd-web/rejects.csv", List.of("2 DATE BAD_DATE", "3 FATALITIES NEGATIVE_COUNT",
				"4 COUNTRY UNKNOWN_COUNTRY", "5 ID MISSING_ID", "6 DATE BAD_DATE"));
		expected.put("acled/rejects.csv",
				List.of("2 event_date BAD_DATE", "3 fatalities NEGATIVE_COUNT", "4 time_precision BAD_CODE",
						"5 country UNKNOWN_COUNTRY", "6 event_id_cnty MISSING_ID", "7 fatalities BAD_NUMBER",
						"8 - TRUNCATED_ROW"));
		for (Map.Entry<String, List<String>> fixture : expected.entrySet()) {
			Path file = fixture(fixture.getKey());
			String name = file.getFileName().toString();
			int rows = fixture.getValue().size();

			// detected from the header, like the valid fixtures of the same format
			IngestOutcome outcome = load(file, null, null);

			assertThat(outcome.completed()).as(fixture.getKey()).isFalse();
			assertThat(outcome.message()).as(fixture.getKey())
				.contains(rows + " of " + rows + " rows rejected", "probably not in the format");
			assertThat(outcome.read()).as(fixture.getKey()).isEqualTo(rows);
			assertThat(outcome.rejected()).as(fixture.getKey()).isEqualTo(rows);
			assertThat(outcome.inserted()).as(fixture.getKey()).isZero();
			assertThat(rejects(outcome)).as(fixture.getKey())
				.containsExactlyElementsOf(fixture.getValue().stream().map((reject) -> name + ":" + reject).toList());
			assertThat(rejectsByReason(outcome).values().stream().mapToLong(Long::longValue).sum()).as(fixture.getKey())
				.isEqualTo(rows);
			assertThat(
					this.jdbc.queryForObject(
							"select count(*) from rejected_record where ingest_run_id = ? "
									+ "and (raw_text is null or message is null or message = '')",
							Long.class, outcome.runId()))
				.as(fixture.getKey())
				.isZero();
		}
		assertThat(this.jdbc.queryForObject("select count(*) from source_record", Long.class)).isZero();
	}

	@Test
	void autoDetectionPicksTheFormatOfEachFixtureAndLoadsIt() throws Exception {
		Path gtdXlsx = toXlsx(fixture("gtd/codebook.csv"), this.temporary.resolve("gtd.xlsx"), List.of());
		Path webXlsx = toXlsx(fixture("gtd-web/search-results.csv"), this.temporary.resolve("web.xlsx"),
				List.of("DATE"));
		record Expected(Path file, String format, long accepted, long rejected) {
		}
		List<Expected> fixtures = List.of(new Expected(fixture("ucdp-ged/official.csv"), "ucdp-ged", 9, 0),
				new Expected(fixture("ucdp-ged/hdx-extract.csv"), "ucdp-ged", 2, 0),
				new Expected(fixture("ucdp-ged/explorer.csv"), "ucdp-ged", 2, 0),
				new Expected(fixture("ucdp-ged/api-page.json"), "ucdp-ged", 2, 0),
				new Expected(fixture("gtd/codebook.csv"), "gtd", 7, 0), new Expected(gtdXlsx, "gtd", 7, 0),
				new Expected(fixture("gtd-web/search-results.csv"), "gtd-web", 4, 0),
				new Expected(webXlsx, "gtd-web", 4, 0), new Expected(fixture("acled/pre-2023.csv"), "acled", 5, 1),
				new Expected(fixture("acled/current.csv"), "acled", 4, 0),
				new Expected(fixture("ingest/gtd-web-windows-1252.csv"), "gtd-web", 2, 0),
				new Expected(fixture("ingest/acled-utf8-bom.csv"), "acled", 2, 0));
		for (Expected expected : fixtures) {
			// each on its own: both GTD layouts hold 201301019001 and 200806159004
			emptyLoadedData();
			String name = expected.file().getFileName().toString();
			IngestSource source = IngestSource.resolve(SourceFile.of(expected.file()), null, null, null);
			assertThat(source.format().name()).as(name).isEqualTo(expected.format());
			assertThat(source.detected()).as(name).isEqualTo("detected format " + expected.format());

			IngestOutcome outcome = this.ingest.ingest(new IngestRequest(source, null));

			assertThat(outcome.completed()).as(name).isTrue();
			assertThat(outcome.dataset()).as(name).isEqualTo(source.format().dataset());
			assertThat(outcome.inserted()).as(name).isEqualTo(expected.accepted());
			assertThat(outcome.rejected()).as(name).isEqualTo(expected.rejected());
			assertThat(this.jdbc.queryForObject("select count(*) from source_record where dataset = ?", Long.class,
					outcome.dataset()))
				.as(name)
				.isEqualTo(expected.accepted());
		}
	}

	@Test
	void aCountryFilterCountsOtherCountriesAsFilteredNotRejected() throws Exception {
		// GTD codebook: 4 Pakistani events, one each in Colombia, West Germany, the USSR
		IngestOutcome gtd = load(fixture("gtd/codebook.csv"), null, "PAK");

		assertThat(gtd.completed()).isTrue();
		assertThat(gtd.read()).isEqualTo(7);
		assertThat(gtd.inserted()).isEqualTo(4);
		assertThat(gtd.filtered()).isEqualTo(3);
		assertThat(gtd.rejected()).isZero();
		assertThat(rejectsByReason(gtd)).isEmpty();
		// the filtered rows' actors are not looked up
		assertThat(unresolvedOrganizations(gtd)).isEmpty();
		assertThat(ids("gtd")).containsExactly("199301229002", "200403009007", "201301019001", "201305009003");

		// ACLED's current layout: Pakistan, Afghanistan, India, Kosovo
		IngestOutcome acled = load(fixture("acled/current.csv"), null, "PAK");

		assertThat(acled.read()).isEqualTo(4);
		assertThat(acled.inserted()).isEqualTo(1);
		assertThat(acled.filtered()).isEqualTo(3);
		assertThat(acled.rejected()).isZero();
		assertThat(ids("acled")).containsExactly("PAK91001");
		assertThat(this.jdbc.queryForObject("select count(*) from rejected_record", Long.class)).isZero();
		assertThat(this.jdbc.queryForList("select distinct country from source_record", String.class))
			.containsExactly("PAK");
	}

	@Test
	void windows1252AndUtf8WithBomFilesLoadWithTheirAccentedText() throws Exception {
		Path windows1252 = fixture("ingest/gtd-web-windows-1252.csv");
		assertThat(SourceFile.of(windows1252).charset().name()).isEqualTo("windows-1252");

		IngestOutcome web = load(windows1252, null, null);

		assertCounts(web, "gtd", 2, 2, 0, 0);
		assertThat(unresolvedOrganizations(web)).isEmpty();
		assertThat(unresolvedRegions(web)).isEqualTo(Map.of("Cundinamarca", 1L));
		Map<String, Object> bogota = row(
				"select place, summary from source_record where source_record_id = " + "'200806159011'");
		assertThat(bogota).containsEntry("place", "Bogotá")
			.containsEntry("summary", "Gunmen fired at the \u201cCafé Andrés\u201d \u2013 synthetic fixture.");
		assertThat(this.jdbc.queryForObject("select summary from source_record where source_record_id = '201301019012'",
				String.class))
			.isEqualTo("Synthetic fixture \u2013 a checkpoint was bombed.");

		Path bom = fixture("ingest/acled-utf8-bom.csv");
		assertThat(SourceFile.of(bom).detectedEncoding().bomLength()).isEqualTo(3);

		IngestOutcome acled = load(bom, null, null);

		// the first column keeps its name despite the BOM in front of it
		assertCounts(acled, "acled", 2, 2, 0, 0);
		// "Looting" is no ACLED event type: read as OTHER, with a warning
		assertThat(warnings(acled)).isEqualTo(Map.of("UNKNOWN_EVENT_TYPE", 1L));
		assertThat(unresolvedOrganizations(acled)).isEmpty();
		assertThat(unresolvedRegions(acled)).isEqualTo(Map.of("Şırnak", 1L));
		assertThat(ids("acled")).containsExactly("PAK91012", "TUR91011");
		Map<String, Object> cizre = row(
				"select country, region_name, place, summary from source_record where source_record_id = 'TUR91011'");
		assertThat(cizre).containsEntry("country", "TUR")
			.containsEntry("region_name", "Şırnak")
			.containsEntry("place", "Cizre")
			.containsEntry("summary",
					"Synthetic fixture: an IED exploded near a café in Şırnak \u2013 \u201cno claim\u201d.");
		// an attack: actor2 is the target
		assertThat(this.jdbc.queryForObject("select targets from source_record where source_record_id = 'TUR91011'",
				String.class))
			.isEqualTo("Civilians (Türkiye)");
	}

	private IngestOutcome load(Path file, String format, String country) throws Exception {
		return this.ingest
			.ingest(new IngestRequest(IngestSource.resolve(SourceFile.of(file), format, null, null), country));
	}

	private static void assertCounts(IngestOutcome outcome, String dataset, long read, long inserted, long rejected,
			long filtered) {
		assertThat(outcome.completed()).as("completed: %s", outcome.message()).isTrue();
		assertThat(outcome.dataset()).isEqualTo(dataset);
		assertThat(outcome.read()).as("read").isEqualTo(read);
		assertThat(outcome.inserted()).as("inserted").isEqualTo(inserted);
		assertThat(outcome.updated()).as("updated").isZero();
		assertThat(outcome.unchanged()).as("unchanged").isZero();
		assertThat(outcome.rejected()).as("rejected").isEqualTo(rejected);
		assertThat(outcome.filtered()).as("filtered").isEqualTo(filtered);
	}

	private static Map<String, Long> rejectsByReason(IngestOutcome outcome) {
		return outcome.details().get("rejectsByReason");
	}

	private static Map<String, Long> warnings(IngestOutcome outcome) {
		return outcome.details().get("warningsByCode");
	}

	private static Map<String, Long> unresolvedOrganizations(IngestOutcome outcome) {
		return outcome.details().get("unresolvedOrganizations");
	}

	private static Map<String, Long> unresolvedRegions(IngestOutcome outcome) {
		return outcome.details().get("unresolvedRegions");
	}

	/** The run's rejects as {@code file:line field reason}, in line order. */
	private List<String> rejects(IngestOutcome outcome) {
		return this.jdbc.queryForList(
				"select file_name || ':' || line_number || ' ' || coalesce(field, '-') || ' ' "
						+ "|| reason_code from rejected_record where ingest_run_id = ? order by line_number",
				String.class, outcome.runId());
	}

	private List<String> ids(String dataset) {
		return this.jdbc.queryForList(
				"select source_record_id from source_record where dataset = ? order by source_record_id", String.class,
				dataset);
	}

	private List<Long> lineNumbers(String dataset) {
		return this.jdbc.queryForList(
				"select line_number from source_record where dataset = ? order by source_record_id", Long.class,
				dataset);
	}

	/** One row, keyed by lower-case column label. */
	private Map<String, Object> row(String sql) {
		Map<String, Object> row = new LinkedHashMap<>();
		this.jdbc.queryForMap(sql).forEach((key, value) -> row.put(key.toLowerCase(java.util.Locale.ROOT), value));
		return row;
	}

	/** What a dataset's records hold (minus ids, runs, lines and raw text). */
	private String fingerprint(String dataset) {
		return String.join("\n", this.jdbc.queryForList(
				"select source_record_id || '|' || content_hash || '|' || cast(date_start as varchar(10)) || '|' || "
						+ "coalesce(cast(killed as varchar(9)), '-') || '|' || coalesce(place, '-') from source_record "
						+ "where dataset = ? order by source_record_id",
				String.class, dataset)) + "\nactors "
				+ this.jdbc.queryForObject("select count(*) from source_record_actor", Long.class);
	}

	/**
	 * Writes a CSV fixture as a workbook, as Excel would save it: numbers as numeric
	 * cells (the given columns formatted as dates, their value the Excel serial), the
	 * rest as text, empty cells left out.
	 */
	private static Path toXlsx(Path csv, Path xlsx, List<String> dateColumns) throws IOException {
		try (Reader reader = Files.newBufferedReader(csv, StandardCharsets.UTF_8);
				CSVParser parser = CSVFormat.RFC4180.parse(reader);
				XSSFWorkbook workbook = new XSSFWorkbook()) {
			CellStyle date = workbook.createCellStyle();
			date.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("m/d/yyyy"));
			Sheet sheet = workbook.createSheet("Results");
			List<String> header = null;
			int rowNumber = 0;
			for (CSVRecord record : parser) {
				Row row = sheet.createRow(rowNumber++);
				for (int column = 0; column < record.size(); column++) {
					String value = record.get(column);
					if (value.isEmpty()) {
						continue;
					}
					Cell cell = row.createCell(column);
					if (header != null && NUMBER.matcher(value).matches()) {
						cell.setCellValue(Double.parseDouble(value));
						if (dateColumns.contains(header.get(column))) {
							cell.setCellStyle(date);
						}
					}
					else {
						cell.setCellValue(value);
					}
				}
				if (header == null) {
					header = record.toList();
				}
			}
			try (OutputStream out = Files.newOutputStream(xlsx)) {
				workbook.write(out);
			}
		}
		return xlsx;
	}

	static Path fixture(String resource) {
		try {
			return Path.of(FormatsIngestIntegrationTests.class.getClassLoader().getResource(resource).toURI());
		}
		catch (URISyntaxException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
