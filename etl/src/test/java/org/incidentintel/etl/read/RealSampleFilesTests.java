package org.incidentintel.etl.read;

import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The bundled real files read through the CSV reader, against their known counts. */
class RealSampleFilesTests {

	@Test
	void ucdpGedPakistanExtract() throws Exception {
		SourceFile file = TestFiles.source("samples/ucdp-ged/conflict_data_pak.csv");

		try (CsvTabularReader reader = new CsvTabularReader(file)) {
			List<SourceRow> rows = TestFiles.readAll(reader);

			assertThat(file.charset().name()).isEqualTo("UTF-8");
			assertThat(reader.header()).startsWith("id", "relid", "year").contains("best", "iso3").hasSize(50);
			assertThat(rows).hasSize(6416).allMatch(SourceRow::complete);
			assertThat(rows.get(0).get("id")).isEqualTo("59553");
			assertThat(rows.get(0).lineNumber()).isEqualTo(3);
			assertThat(rows).noneMatch(row -> row.get("year").startsWith("#"));
			assertThat(rows).allSatisfy(row -> assertThat(row.values()).hasSize(50));
			assertThat(rows.stream().mapToLong(row -> Long.parseLong(row.get("best"))).sum()).isEqualTo(43_225);
		}
	}

	@Test
	void ucdpRawTextAndLineNumbersFollowTheQuotedLineBreaks() throws Exception {
		try (CsvTabularReader reader = new CsvTabularReader(
				TestFiles.source("samples/ucdp-ged/conflict_data_pak.csv"))) {
			List<SourceRow> rows = TestFiles.readAll(reader);

			assertThat(rows.stream().flatMap(row -> row.values().values().stream()).filter(cell -> cell.contains("\n")))
				.hasSize(1245);
			for (int i = 0; i + 1 < rows.size(); i++) {
				SourceRow row = rows.get(i);
				assertThat(rows.get(i + 1).lineNumber()).as("line after %s", row.get("id"))
					.isEqualTo(row.lineNumber() + row.rawText().chars().filter(c -> c == '\n').count() + 1);
			}
			try (CSVParser parser = CSVParser.parse(rows.get(1).rawText(), CSVFormat.RFC4180)) {
				assertThat(parser.getRecords().get(0).toList())
					.containsExactlyElementsOf(rows.get(1).values().values());
			}
		}
	}

	@Test
	void pakistanBodyCountSuicideAttacks() throws Exception {
		SourceFile file = TestFiles
			.source("samples/pakistan-body-count/PakistanSuicideAttacks Ver 11 (30-November-2017).csv");

		try (CsvTabularReader reader = new CsvTabularReader(file)) {
			List<SourceRow> rows = TestFiles.readAll(reader);

			assertThat(file.detectedEncoding().description()).startsWith("windows-1252 (not valid UTF-8 at byte");
			assertThat(rows).hasSize(496);
			assertThat(rows).extracting(row -> row.get("S#")).startsWith("1", "2", "3").endsWith("496");
			assertThat(rows).extracting(row -> row.get("Province")).contains("Baluchistan", "Balochistan", "FATA");
		}
	}

}
