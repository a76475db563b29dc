package org.incidentintel.etl.read;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.entry;

class CsvTabularReaderTests {

	@TempDir
	Path dir;

	@Test
	void crlfRecordsWithQuotedLineBreaksKeepTheirFirstLineAndExactText() throws Exception {
		try (CsvTabularReader reader = open("read/crlf-quoted-newlines.csv")) {
			List<SourceRow> rows = TestFiles.readAll(reader);

			assertThat(reader.header()).containsExactly("id", "city", "notes");
			assertThat(rows).extracting(SourceRow::lineNumber).containsExactly(2L, 4L, 6L, 9L);
			assertThat(rows).extracting(row -> row.get("notes"))
				.containsExactly("line one\nline two", "said \"hello\"", "a\r\nb\nc", "plain");
			assertThat(rows).extracting(SourceRow::rawText)
				.containsExactly("1,Quetta,\"line one\nline two\"", "2,\"Peshawar\",\"said \"\"hello\"\"\"",
						"3,Lahore,\"a\r\nb\nc\"", "4,Karachi,plain");
			assertThat(rows).allMatch(SourceRow::complete);
		}
	}

	@Test
	void lfLineEndings() throws Exception {
		try (CsvTabularReader reader = open("read/lf.csv")) {
			List<SourceRow> rows = TestFiles.readAll(reader);

			assertThat(rows).extracting(SourceRow::lineNumber).containsExactly(2L, 4L);
			assertThat(rows.get(0).get("notes")).isEqualTo("line one\nline two");
			assertThat(rows.get(1).rawText()).isEqualTo("2,Peshawar,plain");
		}
	}

	@Test
	void bareCrLineEndings() throws Exception {
		try (CsvTabularReader reader = open("read/cr.csv")) {
			List<SourceRow> rows = TestFiles.readAll(reader);

			assertThat(reader.header()).containsExactly("id", "city", "notes");
			assertThat(rows).extracting(SourceRow::lineNumber).containsExactly(2L, 4L);
			assertThat(rows.get(0).get("notes")).isEqualTo("line one\rline two");
			assertThat(rows.get(1).values()).containsExactly(entry("id", "2"), entry("city", "Peshawar"),
					entry("notes", "plain"));
		}
	}

	@Test
	void utf8WithBom() throws Exception {
		try (CsvTabularReader reader = open("read/utf8-bom.csv")) {
			assertThat(reader.header()).containsExactly("id", "province", "headline");
			assertThat(reader.next().get("headline")).isEqualTo("“Blast” in Peshawar");
		}
	}

	@Test
	void utf8WithoutBom() throws Exception {
		try (CsvTabularReader reader = open("read/utf8-no-bom.csv")) {
			assertThat(reader.next().get("headline")).isEqualTo("Café “attack”");
		}
	}

	@Test
	void windows1252() throws Exception {
		try (CsvTabularReader reader = open("read/windows-1252.csv")) {
			List<SourceRow> rows = TestFiles.readAll(reader);

			assertThat(reader.header()).containsExactly("S#", "City", "Province", "Location");
			assertThat(rows).hasSize(2);
			assertThat(rows.get(0).values()).containsEntry("Province", "Baluchistan")
				.containsEntry("Location", "Café “New Jinnah”");
		}
	}

	@Test
	void hxlTagRowIsSkipped() throws Exception {
		try (CsvTabularReader reader = open("read/hdx-hxl.csv")) {
			List<SourceRow> rows = TestFiles.readAll(reader);

			assertThat(rows).extracting(row -> row.get("id")).containsExactly("59553", "59554");
			assertThat(rows.get(0).lineNumber()).isEqualTo(3);
		}
	}

	@Test
	void aFirstRowThatIsNotAllHashtagsIsData() throws Exception {
		Path path = TestFiles.write(this.dir, "tags.csv", "id,tag\n1,#hashtag\n");

		try (CsvTabularReader reader = new CsvTabularReader(SourceFile.of(path))) {
			assertThat(TestFiles.readAll(reader)).singleElement()
				.satisfies(row -> assertThat(row.get("tag")).isEqualTo("#hashtag"));
		}
	}

	@Test
	void trailingCommaOnEveryLineIsIgnored() throws Exception {
		try (CsvTabularReader reader = open("read/ucdp-explorer.csv")) {
			List<SourceRow> rows = TestFiles.readAll(reader);

			assertThat(reader.header()).containsExactly("id", "year", "best_est", "high_est", "low_est", "active_year");
			assertThat(rows.get(0).values()).containsOnlyKeys(reader.header()).containsEntry("active_year", "True");
			assertThat(rows.get(0).rawText()).isEqualTo("1,1990,2,2,2,True,");
			assertThat(rows.get(2).values()).containsEntry("_extra1", "extra");
			assertThat(rows).allMatch(SourceRow::complete);
		}
	}

	@Test
	void shortRowsAreIncompleteAndLongRowsKeepTheirExtraCells() throws Exception {
		try (CsvTabularReader reader = open("read/short-and-long-rows.csv")) {
			List<SourceRow> rows = TestFiles.readAll(reader);

			assertThat(rows).extracting(SourceRow::complete).containsExactly(true, false, true);
			assertThat(rows.get(1).values()).containsExactly(entry("event_date", "2020-05-10"),
					entry("actor1", "Unknown"));
			assertThat(rows.get(1).get("fatalities")).isNull();
			assertThat(rows.get(2).values()).containsEntry("fatalities", "1")
				.containsEntry("_extra1", "oops")
				.containsEntry("_extra2", "more");
		}
	}

	@Test
	void duplicateColumnNamesFailBeforeAnyRow() {
		Path path = TestFiles.write(this.dir, "dups.csv", "id, date ,id,date,x\n1,2,3,4,5\n");

		assertThatExceptionOfType(BadHeaderException.class).isThrownBy(() -> new CsvTabularReader(SourceFile.of(path)))
			.withMessage("dups.csv: duplicate column names in the header: [id, date]")
			.satisfies(ex -> assertThat(ex.file()).isEqualTo("dups.csv"));
	}

	@Test
	void headerOnly() throws Exception {
		for (String text : List.of("id,city\r\n", "id,city")) {
			Path path = TestFiles.write(this.dir, "header.csv", text);
			try (CsvTabularReader reader = new CsvTabularReader(SourceFile.of(path))) {
				assertThat(reader.header()).containsExactly("id", "city");
				assertThat(reader.next()).isNull();
				assertThat(reader.next()).isNull();
			}
		}
	}

	@Test
	void anEmptyFileHasNoHeader() {
		for (String text : List.of("", "\r\n\n  \n")) {
			Path path = TestFiles.write(this.dir, "empty.csv", text);
			assertThatExceptionOfType(BadHeaderException.class)
				.isThrownBy(() -> new CsvTabularReader(SourceFile.of(path)))
				.withMessage("empty.csv: the file is empty: no header row");
		}
	}

	@Test
	void blankLinesAndRowsOfEmptyCellsAreSkipped() throws Exception {
		Path path = TestFiles.write(this.dir, "blank.csv", "\n\nid,city\n\n1,Quetta\n,\n \n2,Sibi\n\n");

		try (CsvTabularReader reader = new CsvTabularReader(SourceFile.of(path))) {
			List<SourceRow> rows = TestFiles.readAll(reader);

			assertThat(rows).extracting(SourceRow::lineNumber).containsExactly(5L, 8L);
		}
	}

	@Test
	void emptyColumnNamesInsideTheHeaderGetTheirPosition() throws Exception {
		Path path = TestFiles.write(this.dir, "unnamed.csv", ",id, ,city\n0,1,x,Quetta\n");

		try (CsvTabularReader reader = new CsvTabularReader(SourceFile.of(path))) {
			assertThat(reader.header()).containsExactly("_column1", "id", "_column3", "city");
			assertThat(reader.next().get("_column3")).isEqualTo("x");
		}
	}

	@Test
	void anUnterminatedQuoteLosesOnlyTheLineItOpensIn() throws Exception {
		Path path = TestFiles.write(this.dir, "broken.csv", "id,notes\n1,ok\n2,\"never closed\n3,more\n");

		try (CsvTabularReader reader = new CsvTabularReader(SourceFile.of(path))) {
			List<Object> outcomes = TestFiles.readAllOutcomes(reader);

			assertThat(outcomes).hasSize(3);
			assertThat(outcomes.get(0)).isInstanceOfSatisfying(SourceRow.class,
					row -> assertThat(row.get("notes")).isEqualTo("ok"));
			assertThat(outcomes.get(1)).isInstanceOfSatisfying(UnreadableRowException.class, ex -> {
				assertThat(ex.lineNumber()).isEqualTo(3);
				assertThat(ex.rawText()).isEqualTo("2,\"never closed");
				assertThat(ex.getMessage())
					.isEqualTo("Unreadable CSV record at line 3: EOF reached before encapsulated token finished");
			});
			// the quote ran to the end of the file; the rows below it are read again
			assertThat(outcomes.get(2)).isInstanceOfSatisfying(SourceRow.class, row -> {
				assertThat(row.lineNumber()).isEqualTo(4);
				assertThat(row.get("notes")).isEqualTo("more");
			});
		}
	}

	@Test
	void readingGoesOnAfterARecordWithBrokenQuoting() throws Exception {
		Path path = TestFiles.write(this.dir, "junk.csv", "id,notes\r\n1,\"a\"b\r\n2,\"multi\nline\"\r\n3,ok\r\n");

		try (CsvTabularReader reader = new CsvTabularReader(SourceFile.of(path))) {
			List<Object> outcomes = TestFiles.readAllOutcomes(reader);

			assertThat(outcomes).hasSize(3);
			assertThat(outcomes.get(0)).isInstanceOfSatisfying(UnreadableRowException.class, ex -> {
				assertThat(ex.lineNumber()).isEqualTo(2);
				assertThat(ex.rawText()).isEqualTo("1,\"a\"b");
				assertThat(ex.getMessage()).isEqualTo(
						"Unreadable CSV record at line 2: Invalid character between encapsulated token and delimiter");
			});
			assertThat(outcomes.get(1)).isInstanceOfSatisfying(SourceRow.class, row -> {
				assertThat(row.lineNumber()).isEqualTo(3);
				assertThat(row.get("notes")).isEqualTo("multi\nline");
			});
			assertThat(outcomes.get(2)).isInstanceOfSatisfying(SourceRow.class, row -> {
				assertThat(row.lineNumber()).isEqualTo(5);
				assertThat(row.rawText()).isEqualTo("3,ok");
			});
		}
	}

	@Test
	void anUnreadableRowRightAfterTheHeaderIsReportedByNext() throws Exception {
		Path path = TestFiles.write(this.dir, "early.csv", "id,notes\n1,\"a\"b\n2,ok\n");

		try (CsvTabularReader reader = new CsvTabularReader(SourceFile.of(path))) {
			List<Object> outcomes = TestFiles.readAllOutcomes(reader);

			assertThat(outcomes).hasSize(2).first().isInstanceOf(UnreadableRowException.class);
			assertThat(((SourceRow) outcomes.get(1)).get("notes")).isEqualTo("ok");
		}
	}

	@Test
	void readingAfterCloseIsAnError() throws Exception {
		CsvTabularReader reader = open("read/lf.csv");
		reader.close();

		assertThatIllegalStateException().isThrownBy(reader::next).withMessage("lf.csv is closed");
	}

	@Test
	void semicolonsAndTabsAreDetectedFromTheHeaderLine() throws Exception {
		try (CsvTabularReader semicolons = open("read/semicolon.csv");
				CsvTabularReader tabs = open("read/events.tsv")) {
			assertThat(semicolons.delimiter()).isEqualTo(';');
			assertThat(semicolons.next().values()).containsExactly(entry("id", "1"), entry("city", "Quetta"),
					entry("killed", "3;4"));
			assertThat(tabs.delimiter()).isEqualTo('\t');
			assertThat(tabs.next().get("killed")).isEqualTo("3");
		}
	}

	@Test
	void anExplicitDelimiterWins() throws Exception {
		Path path = TestFiles.write(this.dir, "pipes.csv", "id|city,name\n1|Quetta,Q\n");

		try (CsvTabularReader reader = new CsvTabularReader(SourceFile.of(path),
				ReaderOptions.defaults().withDelimiter("|"))) {
			assertThat(reader.header()).containsExactly("id", "city,name");
			assertThat(reader.next().get("city,name")).isEqualTo("Quetta,Q");
		}
	}

	@Test
	void leadingLinesAboveTheHeaderCanBeSkipped() throws Exception {
		Path path = TestFiles.write(this.dir, "titled.csv", "Suicide attacks, \"1995\r\n\r\nid,city\r\n1,Quetta\r\n");

		try (CsvTabularReader reader = new CsvTabularReader(SourceFile.of(path),
				ReaderOptions.defaults().withHeaderRowOffset(2))) {
			assertThat(reader.header()).containsExactly("id", "city");
			assertThat(reader.next().lineNumber()).isEqualTo(4);
		}
	}

	@Test
	void aFiftyMegabyteLineIsReadWithoutHoldingTheFile() throws Exception {
		Path path = this.dir.resolve("huge.csv");
		int length = 50 * 1024 * 1024;
		try (BufferedWriter out = Files.newBufferedWriter(path, StandardCharsets.UTF_8)) {
			out.write("id,notes\n1,\"");
			char[] chunk = "x".repeat(1024).toCharArray();
			for (int i = 0; i < length / chunk.length; i++) {
				out.write(chunk);
			}
			out.write("\"\n2,small\n");
		}

		try (CsvTabularReader reader = new CsvTabularReader(SourceFile.of(path))) {
			SourceRow huge = reader.next();
			SourceRow small = reader.next();

			assertThat(huge.get("notes")).hasSize(length);
			assertThat(huge.rawText()).hasSize(length + 4);
			assertThat(small.lineNumber()).isEqualTo(3);
			assertThat(small.rawText()).isEqualTo("2,small");
			assertThat(reader.next()).isNull();
		}
	}

	private static CsvTabularReader open(String resource) throws Exception {
		return new CsvTabularReader(TestFiles.source(resource));
	}

}
