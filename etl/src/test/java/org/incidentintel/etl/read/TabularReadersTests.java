package org.incidentintel.etl.read;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class TabularReadersTests {

	@TempDir
	Path dir;

	@Test
	void byExtension() throws Exception {
		assertThat(kind("a.csv", "{\"id\":1}")).isEqualTo(TabularReaders.Kind.CSV);
		assertThat(kind("a.TSV", "id")).isEqualTo(TabularReaders.Kind.CSV);
		assertThat(kind("a.txt", "[1]")).isEqualTo(TabularReaders.Kind.CSV);
		assertThat(kind("a.json", "id")).isEqualTo(TabularReaders.Kind.JSON);
		assertThat(kind("a.ndjson", "id")).isEqualTo(TabularReaders.Kind.JSON);
		assertThat(kind("a.xlsx", "id")).isEqualTo(TabularReaders.Kind.XLSX);
	}

	@Test
	void byContentOtherwise() throws Exception {
		assertThat(kind("export", "PK\u0003\u0004")).isEqualTo(TabularReaders.Kind.XLSX);
		assertThat(kind("export", "\ufeff  \n[{\"id\":1}]")).isEqualTo(TabularReaders.Kind.JSON);
		assertThat(kind("export.dat", "{\"id\":1}")).isEqualTo(TabularReaders.Kind.JSON);
		assertThat(kind("export", "id,city\n")).isEqualTo(TabularReaders.Kind.CSV);
	}

	@Test
	void opensTheMatchingReader() throws Exception {
		Path xlsx = this.dir.resolve("download");
		try (XSSFWorkbook workbook = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(xlsx)) {
			workbook.createSheet("Data").createRow(0).createCell(0).setCellValue("eventid");
			workbook.write(out);
		}

		try (TabularReader csv = open("read/lf.csv", ReaderOptions.defaults());
				TabularReader json = open("read/events.ndjson", ReaderOptions.defaults());
				TabularReader sniffed = TabularReaders.open(SourceFile.of(xlsx), ReaderOptions.defaults())) {
			assertThat(csv).isInstanceOf(CsvTabularReader.class);
			assertThat(json).isInstanceOf(JsonTabularReader.class);
			assertThat(sniffed).isInstanceOf(XlsxTabularReader.class);
			assertThat(sniffed.header()).containsExactly("eventid");
		}
	}

	@Test
	void theOptionsEncodingOverridesDetection() throws Exception {
		try (TabularReader reader = open("read/utf8-no-bom.csv",
				ReaderOptions.defaults().withEncoding("windows-1252"))) {
			assertThat(reader.next().get("headline")).isEqualTo("CafÃ© â€œattackâ€\uFFFD");
		}
	}

	@Test
	void tsvFilesAreTabSeparated() throws Exception {
		Path path = TestFiles.write(this.dir, "one.tsv", "a,b\n1,2\n");

		try (TabularReader reader = TabularReaders.open(SourceFile.of(path), ReaderOptions.defaults())) {
			assertThat(reader.header()).containsExactly("a,b");
		}
	}

	private static TabularReader open(String resource, ReaderOptions options) throws Exception {
		return TabularReaders.open(TestFiles.source(resource), options);
	}

	private TabularReaders.Kind kind(String name, String content) throws Exception {
		return TabularReaders.kindOf(SourceFile.of(TestFiles.write(this.dir, name, content)));
	}

}
