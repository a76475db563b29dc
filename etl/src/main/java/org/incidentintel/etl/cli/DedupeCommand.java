package org.incidentintel.etl.cli;

import java.io.PrintWriter;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import org.incidentintel.domain.dedup.DedupeSummary;
import org.incidentintel.domain.dedup.Deduplicator;
import org.incidentintel.domain.statistics.IncidentStatisticsCells;

import org.springframework.context.ApplicationContext;

import tools.jackson.databind.json.JsonMapper;

/**
 * {@code dedupe}: links source records that describe the same event to one canonical
 * incident.
 */
@Command(name = "dedupe", mixinStandardHelpOptions = true,
		description = {
				"Links source records of different datasets that describe the same event to one canonical "
						+ "incident, and stores the score and evidence of each link.",
				"Every ingest already does this for the records it loads; run it after changing the "
						+ "incidentintel.dedup settings (with --all) or to finish records a failed ingest left.",
				"Curators' merges and splits are kept. See docs/deduplication.md." })
class DedupeCommand implements EtlTask {

	@Option(names = "--all",
			description = "Recompute every cluster from scratch instead of only from the records changed since "
					+ "the last pass")
	boolean all;

	@Option(names = "--json", description = "Print the summary as JSON")
	boolean json;

	@Override
	public int run(ApplicationContext context, PrintWriter out, PrintWriter err) {
		Deduplicator deduplicator = context.getBean(Deduplicator.class);
		err.println(this.all ? "deduplicating all source records..." : "deduplicating pending source records...");
		err.flush();
		DedupeSummary summary = this.all ? deduplicator.dedupeAll() : deduplicator.dedupePending();
		// the API answers statistics from these cells while they are fresh
		context.getBean(IncidentStatisticsCells.class).refresh();
		if (this.json) {
			out.println(JsonMapper.builder().build().writeValueAsString(summary));
		}
		else {
			out.printf(
					"%s pass: %d records compared, %d matches; %d incidents rewritten, %d created, %d deleted; "
							+ "%d incidents have several sources (%d ms)%n",
					summary.full() ? "full" : "incremental", summary.considered(), summary.matches(),
					summary.changedIncidents(), summary.createdIncidents(), summary.deletedIncidents(),
					summary.multiSourceIncidents(), summary.millis());
		}
		return ExitCodes.DONE;
	}

}
