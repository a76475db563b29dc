package org.incidentintel.etl.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code rejects}: the rows a run rejected, with line, field, reason and raw text.
 */
@Command(name = "rejects", mixinStandardHelpOptions = true,
		description = "Shows the rows a run rejected: file, line, field, reason code, message and the raw text.")
class RejectsCommand implements EtlTask {

	@Option(names = "--run", required = true, paramLabel = "N", description = "The ingest run")
	long run;

	@Option(names = "--csv", paramLabel = "OUT", description = "Write all rejects to this CSV file instead")
	Path csv;

	@Option(names = "--limit", paramLabel = "N", defaultValue = "50",
			description = "How many to print (default: 50; --csv writes all)")
	int limit;

	@Override
	public Long requiredRun() {
		return this.run;
	}

	@Override
	public int run(ApplicationContext context, PrintWriter out, PrintWriter err) throws IOException {
		JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
		Integer runs = jdbc.queryForObject("select count(*) from ingest_run where id = ?", Integer.class, this.run);
		if (runs == null || runs == 0) {
			throw RunLookup.noSuchRun(this.run);
		}
		String query = "select file_name, line_number, field, reason_code, message, raw_text from rejected_record "
				+ "where ingest_run_id = ? order by line_number, id";
		if (this.csv != null) {
			try (Writer writer = Files.newBufferedWriter(this.csv, StandardCharsets.UTF_8);
					CSVPrinter printer = CSVFormat.DEFAULT.builder()
						.setHeader("file", "line", "field", "reason", "message", "raw")
						.get()
						.print(writer)) {
				long[] count = { 0 };
				jdbc.query(query, (row) -> {
					try {
						printer.printRecord(row.getString(1), row.getLong(2), row.getString(3), row.getString(4),
								row.getString(5), row.getString(6));
						count[0]++;
					}
					catch (IOException ex) {
						throw new java.io.UncheckedIOException(ex);
					}
				}, this.run);
				out.printf("%,d rejects of run %d written to %s%n", count[0], this.run, this.csv);
			}
			return ExitCodes.DONE;
		}
		long[] shown = { 0 };
		jdbc.query(query + " fetch first " + Math.max(this.limit, 1) + " rows only", (row) -> {
			out.printf("%s:%d  %s  %s: %s%n    %s%n", row.getString(1), row.getLong(2), row.getString(4),
					(row.getString(3) != null) ? row.getString(3) : "-", row.getString(5),
					abbreviate(row.getString(6)));
			shown[0]++;
		}, this.run);
		Long total = jdbc.queryForObject("select count(*) from rejected_record where ingest_run_id = ?", Long.class,
				this.run);
		out.printf("%,d of %,d rejects of run %d shown%s%n", shown[0], total, this.run,
				(total > shown[0]) ? "; --csv OUT writes them all" : "");
		return ExitCodes.DONE;
	}

	private static String abbreviate(String raw) {
		String text = (raw != null) ? raw.replaceAll("\\s+", " ") : "";
		return (text.length() <= 160) ? text : text.substring(0, 157) + "...";
	}

}
