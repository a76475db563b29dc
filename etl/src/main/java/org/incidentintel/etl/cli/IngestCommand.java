package org.incidentintel.etl.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tools.jackson.databind.json.JsonMapper;

import org.incidentintel.etl.load.DryRunReport;
import org.incidentintel.etl.load.IngestOutcome;
import org.incidentintel.etl.load.IngestRequest;
import org.incidentintel.etl.load.IngestService;
import org.incidentintel.etl.load.IngestSource;
import org.incidentintel.etl.read.SourceFile;

import org.springframework.context.ApplicationContext;

/**
 * {@code ingest}: loads one source file as a new run.
 */
@Command(name = "ingest", mixinStandardHelpOptions = true, description = {
		"Loads a source file: every row is normalized and upserted on (dataset, record id), or rejected with a reason.",
		"Re-loading the same file changes nothing; a corrected file updates only the changed records." })
class IngestCommand implements EtlTask {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Option(names = "--file", required = true, paramLabel = "FILE", description = "The CSV, XLSX or JSON file to load")
	Path file;

	@Option(names = "--format", paramLabel = "FORMAT",
			description = "Built-in format: ucdp-ged, ucdp-candidate, gtd, gtd-web, acled (default: detected from the header)")
	String format;

	@Option(names = "--mapping", paramLabel = "MAPPING",
			description = "A mapping file (path) or a bundled mapping name, e.g. pakistan-body-count-suicide-attacks")
	String mapping;

	@Option(names = "--country", paramLabel = "ISO3", description = "Load only this country's rows (ISO 3166 alpha-3)")
	String country;

	@Option(names = "--encoding", paramLabel = "ENCODING",
			description = "File encoding, e.g. UTF-8 or windows-1252 (default: detected)")
	String encoding;

	@Option(names = "--dry-run", description = "Read and check every row, write nothing")
	boolean dryRun;

	@Option(names = "--json", description = "Print the summary as JSON")
	boolean json;

	/** The file with its format, resolved and its header checked by {@link #check()}. */
	private IngestSource source;

	@Override
	public void check(PrintWriter err) {
		InputFiles.requireRegularFile(this.file, "ingest loads one file per run (for a folder: for f in " + this.file
				+ "/*.csv; do incidentintel-etl ingest --file \"$f\"; done)");
		if (this.country != null && !this.country.matches("[A-Za-z]{3}")) {
			throw new CommandException(
					"--country takes an ISO 3166 alpha-3 code such as PAK, not '" + this.country + "'");
		}
		// an unknown format, a missing or invalid mapping, a header that lacks what the
		// format reads: usage errors, answered before the application starts
		try {
			this.source = IngestSource.resolve(SourceFile.of(this.file, this.encoding), this.format, this.mapping,
					this.encoding);
		}
		catch (IOException ex) {
			throw new CommandException("cannot read " + this.file + ": " + ex.getMessage());
		}
		err.printf("%s: %s, encoding %s%n", this.source.file().displayName(), this.source.detected(),
				this.source.file().detectedEncoding().description());
		this.source.checkHeader();
	}

	@Override
	public int run(ApplicationContext context, PrintWriter out, PrintWriter err) throws Exception {
		String countryCode = (this.country != null) ? this.country.toUpperCase() : null;
		IngestSource source = this.source;
		IngestService service = context.getBean(IngestService.class);
		if (this.dryRun) {
			DryRunReport report = service.dryRun(new IngestRequest(source, countryCode), 20);
			out.println(this.json ? JSON.writeValueAsString(report) : Summaries.dryRun(report));
			return ExitCodes.DONE;
		}
		err.println("loading...");
		IngestOutcome outcome = service.ingest(new IngestRequest(source, countryCode));
		out.println(this.json ? JSON.writeValueAsString(json(outcome)) : Summaries.outcome(outcome));
		H2FileCompaction.afterLoad(context, outcome, out, err);
		return outcome.completed() ? ExitCodes.DONE : ExitCodes.JOB_FAILED;
	}

	static Map<String, Object> json(IngestOutcome outcome) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("run", outcome.runId());
		json.put("status", outcome.completed() ? "COMPLETED" : "FAILED");
		json.put("message", outcome.message());
		json.put("dataset", outcome.dataset());
		json.put("file", outcome.fileName());
		json.put("read", outcome.read());
		json.put("inserted", outcome.inserted());
		json.put("updated", outcome.updated());
		json.put("unchanged", outcome.unchanged());
		json.put("rejected", outcome.rejected());
		json.put("filtered", outcome.filtered());
		json.putAll(outcome.details());
		json.put("seconds", outcome.seconds());
		return json;
	}

}
