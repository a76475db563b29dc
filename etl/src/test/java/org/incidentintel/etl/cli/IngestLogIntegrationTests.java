package org.incidentintel.etl.cli;

import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.incidentintel.etl.EtlApplication;
import org.incidentintel.etl.load.FaultInjection;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What {@code ingest} tells the data engineer about a file before loading it.
 */
@SpringBootTest(classes = EtlApplication.class)
@Import(FaultInjection.class) // shares the H2 context of the other ETL classes
class IngestLogIntegrationTests {

	@Autowired
	ConfigurableApplicationContext context;

	@TempDir
	Path directory;

	@Test
	void aWorkbookIsNotCalledWindows1252() throws Exception {
		// A real GTD workbook was logged as "encoding windows-1252 (not valid UTF-8 at
		// byte 15)"
		Path workbook = this.directory.resolve("gtd-extract.xlsx");
		try (XSSFWorkbook xlsx = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(workbook)) {
			xlsx.createSheet("Data").createRow(0).createCell(0).setCellValue("eventid");
			xlsx.write(out);
		}
		StringWriter out = new StringWriter();
		StringWriter err = new StringWriter();

		EtlCli.run(new String[] { "ingest", "--file", workbook.toString(), "--format", "gtd", "--dry-run" },
				this.context, new PrintWriter(out, true), new PrintWriter(err, true));

		assertThat(err.toString())
			.contains("gtd-extract.xlsx: ", ", encoding none (a zip container such as XLSX, not text)")
			.doesNotContain("windows-1252");
	}

}
