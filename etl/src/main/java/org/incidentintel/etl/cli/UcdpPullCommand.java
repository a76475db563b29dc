package org.incidentintel.etl.cli;

import java.io.PrintWriter;
import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tools.jackson.databind.json.JsonMapper;

import org.incidentintel.etl.load.IngestOutcome;
import org.incidentintel.etl.load.IngestRequest;
import org.incidentintel.etl.load.IngestService;
import org.incidentintel.etl.load.IngestSource;
import org.incidentintel.etl.pull.CandidateSupersession;
import org.incidentintel.etl.pull.PulledPages;
import org.incidentintel.etl.pull.UcdpApiException;
import org.incidentintel.etl.pull.UcdpDataset;
import org.incidentintel.etl.pull.UcdpPullRequest;
import org.incidentintel.etl.pull.UcdpPuller;
import org.incidentintel.etl.read.SourceFile;

import org.springframework.context.ApplicationContext;

/**
 * {@code pull ucdp}: pages through the UCDP API for one dataset, version and country,
 * keeps the pages, and loads them as one run through the {@code ucdp-ged} format.
 */
@Command(name = "ucdp", description = {
		"Pages through the UCDP API (gedevents) for one dataset, version and country and loads the events as one run.",
		"Each page is kept under the data directory (incidentintel.ucdp.directory, default ./data/ucdp): "
				+ "run the same command again after a failure and the saved pages are not fetched again.",
		"The access token is read from $UCDP_API_TOKEN and sent in the x-ucdp-access-token header.",
		"A GED release supersedes the candidate events of the period it covers (docs/sources.md)." })
class UcdpPullCommand implements EtlTask {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Option(names = "--dataset", required = true, paramLabel = "ged|candidate",
			description = "ged (yearly, final) or candidate (monthly, provisional)")
	String dataset;

	@Option(names = "--version", required = true, paramLabel = "V",
			description = "The dataset version, e.g. 24.1 (GED) or 24.0.3 (candidate)")
	String version;

	@Option(names = "--country", required = true, paramLabel = "ISO3",
			description = "The country (ISO 3166 alpha-3), e.g. PAK")
	String country;

	@Option(names = "--since", paramLabel = "DATE", description = "Only events from this day on (YYYY-MM-DD)")
	String since;

	@Option(names = "--api-url", paramLabel = "URL",
			description = "The API's base URL (default: incidentintel.ucdp.api-url, https://ucdpapi.pcr.uu.se/api)")
	URI apiUrl;

	@Option(names = "--json", description = "Print the summary as JSON")
	boolean json;

	// not mixinStandardHelpOptions: its --version would take the dataset version's name
	@Option(names = { "-h", "--help" }, usageHelp = true, description = "Show this help message and exit.")
	boolean help;

	private UcdpPullRequest request;

	@Override
	public void check(PrintWriter err) {
		LocalDate sinceDay = null;
		if (this.since != null) {
			try {
				sinceDay = LocalDate.parse(this.since);
			}
			catch (DateTimeParseException ex) {
				throw new CommandException("--since takes a day as YYYY-MM-DD, not '" + this.since + "'");
			}
		}
		try {
			this.request = new UcdpPullRequest(UcdpDataset.of(this.dataset), this.version,
					(this.country != null) ? this.country.toUpperCase() : null, sinceDay);
		}
		catch (IllegalArgumentException ex) {
			throw new CommandException(ex.getMessage());
		}
	}

	@Override
	public int run(ApplicationContext context, PrintWriter out, PrintWriter err) throws Exception {
		UcdpPuller puller = context.getBean(UcdpPuller.class);
		if (this.apiUrl != null) {
			puller = puller.withApiUrl(this.apiUrl);
		}
		err.printf("pulling %s %s for %s from %s%n", this.request.dataset().format(), this.request.version(),
				this.request.country(), puller.properties().apiUrl());
		PulledPages pages;
		try {
			pages = puller.pull(this.request, err);
		}
		catch (UcdpApiException ex) {
			err.println("error: " + ex.getMessage());
			return ExitCodes.JOB_FAILED;
		}
		err.printf("%d page(s), %,d events in %s (%d fetched, %d saved before)%n", pages.pages(), pages.events(),
				pages.pagesFile(), pages.fetched(), pages.reused());
		if (pages.events() == 0) {
			out.println(this.json ? JSON.writeValueAsString(pull(pages)) : "no events: nothing to load");
			return ExitCodes.DONE;
		}
		IngestSource source = IngestSource.resolve(SourceFile.of(pages.pagesFile(), "UTF-8"),
				this.request.dataset().format(), null, "UTF-8");
		source.checkHeader();
		err.println("loading...");
		IngestOutcome outcome = context.getBean(IngestService.class)
			.ingest(new IngestRequest(source, this.request.country(), this.request.version(), origin(pages)));
		int superseded = 0;
		if (outcome.completed()) {
			CandidateSupersession supersession = context.getBean(CandidateSupersession.class);
			if (this.request.dataset() == UcdpDataset.GED) {
				supersession.recordRelease(this.request.version(), pages.eventIds());
			}
			superseded = supersession.apply(this.request.country());
		}
		if (this.json) {
			Map<String, Object> json = pull(pages);
			json.put("supersededCandidateEvents", superseded);
			json.put("ingest", IngestCommand.json(outcome));
			out.println(JSON.writeValueAsString(json));
		}
		else {
			out.println(Summaries.outcome(outcome));
			out.printf("  pages: %d (%d fetched), checksum %s%n", pages.pages(), pages.fetched(), pages.sha256());
			if (superseded > 0) {
				out.printf("  superseded %,d candidate event(s) of a period a loaded GED release covers%n", superseded);
			}
		}
		H2FileCompaction.afterLoad(context, outcome, out, err);
		return outcome.completed() ? ExitCodes.DONE : ExitCodes.JOB_FAILED;
	}

	/** The run's provenance: the query, and where its pages are. */
	private static String origin(PulledPages pages) {
		return pages.firstPageUrl() + " (" + pages.pages() + " pages: " + pages.pagesFile().toAbsolutePath() + ")";
	}

	private Map<String, Object> pull(PulledPages pages) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("dataset", this.request.dataset().format());
		json.put("version", this.request.version());
		json.put("country", this.request.country());
		json.put("api", pages.firstPageUrl());
		json.put("directory", pages.directory().toAbsolutePath().toString());
		json.put("pages", pages.pages());
		json.put("fetched", pages.fetched());
		json.put("events", pages.events());
		json.put("totalCount", pages.totalCount());
		json.put("pagesSha256", pages.sha256());
		return json;
	}

}
