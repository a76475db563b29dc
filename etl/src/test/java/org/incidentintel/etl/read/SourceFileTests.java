package org.incidentintel.etl.read;

import java.io.OutputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class SourceFileTests {

	@TempDir
	Path dir;

	@Test
	void utf8BomIsDetectedAndSkipped() throws Exception {
		SourceFile file = TestFiles.source("read/utf8-bom.csv");

		assertThat(file.charset()).isEqualTo(StandardCharsets.UTF_8);
		assertThat(file.detectedEncoding().bomLength()).isEqualTo(3);
		assertThat(file.detectedEncoding()).hasToString("UTF-8 (BOM)");
		assertThat(text(file)).startsWith("id,province");
	}

	@Test
	void validUtf8WithoutBomIsUtf8() throws Exception {
		SourceFile file = TestFiles.source("read/utf8-no-bom.csv");

		assertThat(file.charset()).isEqualTo(StandardCharsets.UTF_8);
		assertThat(file.detectedEncoding().description()).isEqualTo("UTF-8 (valid UTF-8)");
		assertThat(text(file)).contains("Café “attack”");
	}

	@Test
	void invalidUtf8IsWindows1252WithTheOffendingByte() throws Exception {
		SourceFile file = TestFiles.source("read/windows-1252.csv");

		assertThat(file.charset().name()).isEqualTo("windows-1252");
		// "S#,City,Province,Location\r\n1,Quetta,Baluchistan,Caf" is 51 bytes
		assertThat(file.detectedEncoding().description()).isEqualTo("windows-1252 (not valid UTF-8 at byte 51)");
		assertThat(text(file)).contains("Café “New Jinnah”");
	}

	@Test
	void onlyTheFirstMegabyteIsChecked() throws Exception {
		byte[] bytes = new byte[SourceFile.DETECTION_WINDOW + 10];
		Arrays.fill(bytes, (byte) 'a');
		bytes[bytes.length - 1] = (byte) 0x93;
		SourceFile file = SourceFile.of(TestFiles.write(this.dir, "big.csv", bytes));

		assertThat(file.charset()).isEqualTo(StandardCharsets.UTF_8);
		assertThat(file.detectedEncoding().description()).isEqualTo("UTF-8 (valid UTF-8 in the first 1048576 bytes)");
	}

	@Test
	void aSequenceCutByTheEndOfTheWindowIsNotAnError() throws Exception {
		byte[] euro = "€".getBytes(StandardCharsets.UTF_8);
		byte[] bytes = new byte[SourceFile.DETECTION_WINDOW + 2];
		Arrays.fill(bytes, (byte) 'a');
		System.arraycopy(euro, 0, bytes, SourceFile.DETECTION_WINDOW - 1, 3);

		assertThat(SourceFile.of(TestFiles.write(this.dir, "cut.csv", bytes)).charset())
			.isEqualTo(StandardCharsets.UTF_8);
	}

	@Test
	void utf16BomsAreDetected() throws Exception {
		byte[] le = concat(new byte[] { (byte) 0xFF, (byte) 0xFE }, "id,city\n".getBytes(StandardCharsets.UTF_16LE));
		byte[] be = concat(new byte[] { (byte) 0xFE, (byte) 0xFF }, "id,city\n".getBytes(StandardCharsets.UTF_16BE));

		SourceFile little = SourceFile.of(TestFiles.write(this.dir, "le.csv", le));
		SourceFile big = SourceFile.of(TestFiles.write(this.dir, "be.csv", be));

		assertThat(little.charset()).isEqualTo(StandardCharsets.UTF_16LE);
		assertThat(little.detectedEncoding()).hasToString("UTF-16LE (BOM)");
		assertThat(text(little)).isEqualTo("id,city\n");
		assertThat(big.charset()).isEqualTo(StandardCharsets.UTF_16BE);
		assertThat(text(big)).isEqualTo("id,city\n");
	}

	@Test
	void anExplicitEncodingWins() throws Exception {
		Path path = TestFiles.resource("read/utf8-no-bom.csv");

		assertThat(SourceFile.of(path, "cp1252").charset().name()).isEqualTo("windows-1252");
		assertThat(SourceFile.of(path, "windows-1252").detectedEncoding().description())
			.isEqualTo("windows-1252 (--encoding windows-1252)");
		assertThat(SourceFile.of(path, "UTF-8").charset()).isEqualTo(StandardCharsets.UTF_8);
		assertThat(SourceFile.of(path, " ").detectedEncoding().description()).isEqualTo("UTF-8 (valid UTF-8)");
	}

	@Test
	void latin1IsReadAsWindows1252() throws Exception {
		SourceFile file = SourceFile.of(TestFiles.resource("read/windows-1252.csv"), "latin1");

		assertThat(file.charset().name()).isEqualTo("windows-1252");
		assertThat(file.detectedEncoding().description())
			.isEqualTo("windows-1252 (--encoding latin1, read as its superset windows-1252)");
		assertThat(text(file)).contains("“New Jinnah”");
	}

	@Test
	void anExplicitUtf8SkipsTheBomToo() throws Exception {
		SourceFile file = SourceFile.of(TestFiles.resource("read/utf8-bom.csv"), "utf8");

		assertThat(file.detectedEncoding().bomLength()).isEqualTo(3);
		assertThat(text(file)).startsWith("id,");
	}

	@Test
	void anUnknownEncodingIsAClearError() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> SourceFile.of(TestFiles.resource("read/lf.csv"), "klingon"))
			.withMessageContaining("Unknown encoding 'klingon'");
	}

	@Test
	void checksumSizeAndName() throws Exception {
		Path path = TestFiles.write(this.dir, "abc.csv", "abc");
		SourceFile file = SourceFile.of(path);

		assertThat(file.sha256()).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
		assertThat(file.sha256()).isSameAs(file.sha256());
		assertThat(file.size()).isEqualTo(3);
		assertThat(file.displayName()).isEqualTo("abc.csv");
		assertThat(file.path()).isEqualTo(path);
	}

	@Test
	void aWorkbookGetsNoTextEncodingGuess() throws Exception {
		// A real XLSX was logged as "windows-1252 (not valid UTF-8 at byte 15)"
		Path path = this.dir.resolve("events.xlsx");
		try (XSSFWorkbook workbook = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(path)) {
			workbook.createSheet("Data").createRow(0).createCell(0).setCellValue("eventid");
			workbook.write(out);
		}

		SourceFile file = SourceFile.of(path);
		SourceFile overridden = SourceFile.of(path, "windows-1252");

		assertThat(file.detectedEncoding().isText()).isFalse();
		assertThat(file.detectedEncoding()).hasToString("none (a zip container such as XLSX, not text)");
		assertThat(overridden.detectedEncoding())
			.hasToString("none (a zip container such as XLSX, not text; --encoding windows-1252 ignored)");
	}

	@Test
	void aLegacyExcelWorkbookIsNotTextEither() throws Exception {
		byte[] ole2 = { (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1, 0,
				(byte) 0x93 };

		SourceFile file = SourceFile.of(TestFiles.write(this.dir, "events.xls", ole2));

		assertThat(file.detectedEncoding().isText()).isFalse();
		assertThat(file.detectedEncoding()).hasToString("none (an OLE2 container such as a legacy .xls, not text)");
	}

	@Test
	void textFilesAreText() throws Exception {
		assertThat(TestFiles.source("read/windows-1252.csv").detectedEncoding().isText()).isTrue();
		assertThat(TestFiles.source("read/utf8-bom.csv").detectedEncoding().isText()).isTrue();
	}

	@Test
	void anEmptyFileIsUtf8() throws Exception {
		SourceFile file = SourceFile.of(TestFiles.write(this.dir, "empty.csv", new byte[0]));

		assertThat(file.charset()).isEqualTo(StandardCharsets.UTF_8);
		assertThat(file.detectedEncoding().description()).isEqualTo("UTF-8 (empty file)");
	}

	private static String text(SourceFile file) throws Exception {
		try (Reader reader = file.openReader()) {
			StringBuilder text = new StringBuilder();
			char[] buffer = new char[1024];
			int n;
			while ((n = reader.read(buffer)) > 0) {
				text.append(buffer, 0, n);
			}
			return text.toString();
		}
	}

	private static byte[] concat(byte[] a, byte[] b) {
		byte[] both = Arrays.copyOf(a, a.length + b.length);
		System.arraycopy(b, 0, both, a.length, b.length);
		return both;
	}

}
