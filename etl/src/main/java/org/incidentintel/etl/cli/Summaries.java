package org.incidentintel.etl.cli;

import java.util.Map;

import org.incidentintel.etl.load.DryRunReport;
import org.incidentintel.etl.load.IngestOutcome;

/**
 * Human-readable summaries of loads, for the terminal.
 */
final class Summaries {

	private Summaries() {
	}

	static String outcome(IngestOutcome outcome) {
		StringBuilder text = new StringBuilder();
		text.append(String.format("run %d %s: %s (%s)%n", outcome.runId(), outcome.completed() ? "completed" : "FAILED",
				outcome.fileName(), outcome.dataset()));
		if (outcome.message() != null) {
			text.append("  ").append(outcome.message()).append(System.lineSeparator());
		}
		text.append(
				String.format(
						"  read %,d  inserted %,d  updated %,d  unchanged %,d  rejected %,d  filtered %,d"
								+ "  in %.1f s%n",
						outcome.read(), outcome.inserted(), outcome.updated(), outcome.unchanged(), outcome.rejected(),
						outcome.filtered(), outcome.seconds()));
		if (outcome.completed() && outcome.changedNothing() && outcome.unchanged() > 0) {
			text.append("  nothing changed: every record was already loaded as it is").append(System.lineSeparator());
		}
		Map<String, Map<String, Long>> details = outcome.details();
		section(text, "rejects by reason", details.get("rejectsByReason"));
		section(text, "warnings", details.get("warningsByCode"));
		section(text, "unresolved organizations (add aliases to resolve them)", details.get("unresolvedOrganizations"));
		section(text, "unresolved regions", details.get("unresolvedRegions"));
		if (outcome.rejected() > 0) {
			text.append(String.format("  see the rejected rows: rejects --run %d%n", outcome.runId()));
		}
		if (!outcome.completed()) {
			text.append(String.format("  continue it: restart --run %d%n", outcome.runId()));
		}
		return text.toString().stripTrailing();
	}

	static String dryRun(DryRunReport report) {
		StringBuilder text = new StringBuilder();
		text.append(String.format("dry run of %s as %s: nothing was written%n", report.fileName(), report.format()));
		text.append(String.format("  read %,d  would load %,d  would reject %,d  filtered %,d%n", report.read(),
				report.accepted(), report.rejected(), report.filtered()));
		section(text, "rejects by reason", report.rejectsByReason());
		section(text, "warnings", report.warningsByCode());
		section(text, "unresolved organizations", report.unresolvedOrganizations());
		section(text, "unresolved regions", report.unresolvedRegions());
		if (!report.firstRejects().isEmpty()) {
			text.append("  first rejects:").append(System.lineSeparator());
			for (DryRunReport.SampleReject reject : report.firstRejects()) {
				text.append(String.format("    line %d  %s  %s: %s%n", reject.line(), reject.reason(),
						(reject.field() != null) ? reject.field() : "-", reject.message()));
			}
		}
		return text.toString().stripTrailing();
	}

	private static void section(StringBuilder text, String title, Map<String, Long> counts) {
		if (counts == null || counts.isEmpty()) {
			return;
		}
		text.append("  ").append(title).append(':').append(System.lineSeparator());
		counts.entrySet()
			.stream()
			.sorted(Map.Entry.<String, Long>comparingByValue().reversed())
			.limit(25)
			.forEach((entry) -> text.append(String.format("    %,8d  %s%n", entry.getValue(), entry.getKey())));
		if (counts.size() > 25) {
			text.append(String.format("    ... and %d more%n", counts.size() - 25));
		}
	}

}
