package org.incidentintel.etl.cli;

import java.io.PrintWriter;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tools.jackson.databind.json.JsonMapper;

import org.incidentintel.domain.source.IngestRun;
import org.incidentintel.domain.source.IngestRunRepository;

import org.springframework.context.ApplicationContext;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;

/**
 * {@code runs}: the recent ingest runs with their counts.
 */
@Command(name = "runs", mixinStandardHelpOptions = true, description = "Lists recent ingest runs with their counts.")
class RunsCommand implements EtlTask {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
		.withZone(ZoneOffset.UTC);

	@Option(names = "--limit", paramLabel = "N", defaultValue = "20", description = "How many runs (default: 20)")
	int limit;

	@Option(names = "--json", description = "Print the runs as JSON")
	boolean json;

	@Override
	public int run(ApplicationContext context, PrintWriter out, PrintWriter err) {
		List<IngestRun> runs = context.getBean(IngestRunRepository.class)
			.findAll(PageRequest.of(0, Math.max(this.limit, 1), Sort.by(Sort.Direction.DESC, "id")))
			.getContent();
		if (this.json) {
			List<Map<String, Object>> rows = new ArrayList<>();
			for (IngestRun run : runs) {
				Map<String, Object> row = new LinkedHashMap<>();
				row.put("run", run.getId());
				row.put("status", run.getStatus().name());
				row.put("dataset", run.getDataset());
				row.put("file", run.getFileName());
				row.put("startedAt", run.getStartedAt().toString());
				row.put("read", run.getReadCount());
				row.put("inserted", run.getInsertedCount());
				row.put("updated", run.getUpdatedCount());
				row.put("unchanged", run.getUnchangedCount());
				row.put("rejected", run.getRejectedCount());
				row.put("message", run.getMessage());
				rows.add(row);
			}
			out.println(JsonMapper.builder().build().writeValueAsString(rows));
			return ExitCodes.DONE;
		}
		if (runs.isEmpty()) {
			out.println("no runs yet: load a file with `ingest --file F`");
			return ExitCodes.DONE;
		}
		out.printf("%6s  %-9s  %-19s  %-20s  %9s  %9s  %9s  %9s  %9s  %s%n", "run", "status", "started (UTC)",
				"dataset", "read", "inserted", "updated", "unchanged", "rejected", "file");
		for (IngestRun run : runs) {
			out.printf("%6d  %-9s  %-19s  %-20s  %,9d  %,9d  %,9d  %,9d  %,9d  %s%n", run.getId(), run.getStatus(),
					TIME.format(run.getStartedAt()), run.getDataset(), run.getReadCount(), run.getInsertedCount(),
					run.getUpdatedCount(), run.getUnchangedCount(), run.getRejectedCount(), run.getFileName());
		}
		return ExitCodes.DONE;
	}

}
