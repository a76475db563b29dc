package org.incidentintel.etl.read;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.entry;

class XlsxTabularReaderTests {

	@TempDir
	Path dir;

	@Test
	void numbersComeOutPlainAndDatesAsTheirSerial() throws Exception {
		Path path = workbook("gtd.xlsx", new XSSFWorkbook(), this::gtdSearchResults);

		try (XlsxTabularReader reader = new XlsxTabularReader(SourceFile.of(path))) {
			List<SourceRow> rows = TestFiles.readAll(reader);

			assertThat(reader.sheetName()).isEqualTo("Results");
			assertThat(reader.header()).containsExactly("ID", "DATE", "CITY", "FATALITIES", "SCORE", "SUICIDE");
			assertThat(rows.get(0).values()).containsExactly(entry("ID", "199301220001"), entry("DATE", "39711"),
					entry("CITY", "Karachi"), entry("FATALITIES", "12"), entry("SCORE", "12.5"),
					entry("SUICIDE", "TRUE"));
			assertThat(rows.get(0).lineNumber()).isEqualTo(2);
			assertThat(rows.get(0).rawText()).isEqualTo("199301220001\t39711\tKarachi\t12\t12.5\tTRUE");
			assertThat(rows.get(0).complete()).isTrue();
		}
	}

	@Test
	void sparseRowsReadMissingCellsAsEmpty() throws Exception {
		Path path = workbook("gtd.xlsx", new XSSFWorkbook(), this::gtdSearchResults);

		try (XlsxTabularReader reader = new XlsxTabularReader(SourceFile.of(path))) {
			List<SourceRow> rows = TestFiles.readAll(reader);

			assertThat(rows).extracting(SourceRow::lineNumber).containsExactly(2L, 3L, 6L);
			assertThat(rows.get(1).values()).containsExactly(entry("ID", "199301220002"), entry("DATE", ""),
					entry("CITY", ""), entry("FATALITIES", "150000000000000000000"), entry("SCORE", "0.00001"),
					entry("SUICIDE", ""));
			assertThat(rows.get(1).rawText()).isEqualTo("199301220002\t\t\t150000000000000000000\t0.00001");
			assertThat(rows).allMatch(SourceRow::complete);
		}
	}

	@Test
	void cellsBeyondTheHeaderAreExtras() throws Exception {
		Path path = workbook("gtd.xlsx", new XSSFWorkbook(), this::gtdSearchResults);

		try (XlsxTabularReader reader = new XlsxTabularReader(SourceFile.of(path))) {
			SourceRow last = TestFiles.readAll(reader).get(2);

			assertThat(last.values()).containsEntry("CITY", "Quetta")
				.containsEntry("FATALITIES", "-9")
				.containsEntry("_extra1", "note");
		}
	}

	@Test
	void inlineStringsFromAStreamingWriter() throws Exception {
		Path path = workbook("inline.xlsx", new SXSSFWorkbook(), this::gtdSearchResults);

		try (XlsxTabularReader reader = new XlsxTabularReader(SourceFile.of(path))) {
			assertThat(reader.next().values()).containsEntry("CITY", "Karachi").containsEntry("DATE", "39711");
		}
	}

	@Test
	void aSheetByNameAndTheFirstByDefault() throws Exception {
		Path path = workbook("two.xlsx", new XSSFWorkbook(), workbook -> {
			gtdSearchResults(workbook);
			Sheet other = workbook.createSheet("Regions");
			row(other, 0, "region", "population");
			row(other, 1, "Balochistan", 12_344_408d);
		});

		try (XlsxTabularReader first = new XlsxTabularReader(SourceFile.of(path));
				XlsxTabularReader second = new XlsxTabularReader(SourceFile.of(path),
						ReaderOptions.defaults().withSheetName("Regions"))) {
			assertThat(first.header()).startsWith("ID");
			assertThat(second.header()).containsExactly("region", "population");
			assertThat(second.next().values()).containsExactly(entry("region", "Balochistan"),
					entry("population", "12344408"));
			assertThat(second.next()).isNull();
		}
	}

	@Test
	void anUnknownSheetNamesTheSheetsThereAre() throws Exception {
		Path path = workbook("gtd.xlsx", new XSSFWorkbook(), this::gtdSearchResults);

		assertThatExceptionOfType(BadHeaderException.class)
			.isThrownBy(
					() -> new XlsxTabularReader(SourceFile.of(path), ReaderOptions.defaults().withSheetName("Nope")))
			.withMessage("gtd.xlsx: no sheet named 'Nope'; the workbook has [Results]");
	}

	@Test
	void theHeaderIsTheFirstNonEmptyRowAfterTheOffset() throws Exception {
		Path path = workbook("titled.xlsx", new XSSFWorkbook(), workbook -> {
			Sheet sheet = workbook.createSheet("Data");
			row(sheet, 0, "Global Terrorism Database export");
			sheet.createRow(1);
			row(sheet, 3, "eventid", "", "city");
			row(sheet, 4, 1d, "x", "Quetta");
		});

		try (XlsxTabularReader reader = new XlsxTabularReader(SourceFile.of(path),
				ReaderOptions.defaults().withHeaderRowOffset(1))) {
			assertThat(reader.header()).containsExactly("eventid", "_column2", "city");
			assertThat(reader.next().lineNumber()).isEqualTo(5);
		}
	}

	@Test
	void duplicateColumnNamesFail() throws Exception {
		Path path = workbook("dups.xlsx", new XSSFWorkbook(), workbook -> {
			Sheet sheet = workbook.createSheet("Data");
			row(sheet, 0, "id", "city", "id");
		});

		assertThatExceptionOfType(BadHeaderException.class).isThrownBy(() -> new XlsxTabularReader(SourceFile.of(path)))
			.withMessage("dups.xlsx: duplicate column names in the header of sheet 'Data': [id]");
	}

	@Test
	void anEmptySheetHasNoHeader() throws Exception {
		Path path = workbook("empty.xlsx", new XSSFWorkbook(), workbook -> workbook.createSheet("Data"));

		assertThatExceptionOfType(BadHeaderException.class).isThrownBy(() -> new XlsxTabularReader(SourceFile.of(path)))
			.withMessage("empty.xlsx: sheet 'Data' has no header row");
	}

	@Test
	void closingMidSheetStopsTheParser() throws Exception {
		Path path = workbook("long.xlsx", new SXSSFWorkbook(), workbook -> {
			Sheet sheet = workbook.createSheet("Data");
			row(sheet, 0, "id", "city");
			for (int i = 1; i <= 20_000; i++) {
				row(sheet, i, (double) i, "Quetta");
			}
		});
		XlsxTabularReader reader = new XlsxTabularReader(SourceFile.of(path));
		assertThat(reader.next().get("id")).isEqualTo("1");

		reader.close();

		assertThat(reader.parsing()).isFalse();
		assertThatIllegalStateException().isThrownBy(reader::next);
	}

	@Test
	void aFileThatIsNotAWorkbook() throws Exception {
		Path path = TestFiles.write(this.dir, "fake.xlsx", "id,city\n");

		assertThatExceptionOfType(java.io.IOException.class)
			.isThrownBy(() -> new XlsxTabularReader(SourceFile.of(path)))
			.withMessageStartingWith("fake.xlsx is not a readable XLSX workbook");
	}

	/** The GTD website's search results layout, with the cell types that matter. */
	private void gtdSearchResults(Workbook workbook) {
		Sheet sheet = workbook.createSheet("Results");
		CellStyle date = workbook.createCellStyle();
		date.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("d-mmm-yy"));
		CellStyle grouped = workbook.createCellStyle();
		grouped.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("#,##0"));
		row(sheet, 0, "ID", "DATE", "CITY", "FATALITIES", "SCORE", "SUICIDE");
		Row first = row(sheet, 1, 199301220001d, null, "Karachi", 12.0d, 12.5d, true);
		first.createCell(1).setCellValue(LocalDate.of(2008, 9, 20));
		first.getCell(1).setCellStyle(date);
		first.getCell(0).setCellStyle(grouped);
		Row sparse = sheet.createRow(2);
		sparse.createCell(0).setCellValue(199301220002d);
		sparse.createCell(3).setCellValue(1.5e20);
		sparse.createCell(4).setCellValue(0.00001);
		sheet.createRow(3);
		row(sheet, 5, 199301220003d, null, "Quetta", -9d, null, null, "note");
	}

	private static Row row(Sheet sheet, int index, Object... values) {
		Row row = sheet.createRow(index);
		for (int i = 0; i < values.length; i++) {
			Object value = values[i];
			if (value instanceof String text) {
				row.createCell(i).setCellValue(text);
			}
			else if (value instanceof Double number) {
				row.createCell(i).setCellValue(number);
			}
			else if (value instanceof Boolean bool) {
				row.createCell(i).setCellValue(bool);
			}
		}
		return row;
	}

	private Path workbook(String name, Workbook workbook, Consumer<Workbook> content) throws Exception {
		Path path = this.dir.resolve(name);
		try (workbook; OutputStream out = Files.newOutputStream(path)) {
			content.accept(workbook);
			workbook.write(out);
		}
		return path;
	}

}
