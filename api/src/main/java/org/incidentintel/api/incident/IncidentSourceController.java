package org.incidentintel.api.incident;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.incidentintel.api.ingest.IngestRun;
import org.incidentintel.api.ingest.IngestRuns;

import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.stereotype.Controller;

/**
 * The fields of {@code IncidentSource}: the ingest run that loaded it, batch loaded.
 */
@Controller
class IncidentSourceController {

	private final IngestRuns ingestRuns;

	IncidentSourceController(IngestRuns ingestRuns) {
		this.ingestRuns = ingestRuns;
	}

	@BatchMapping(maxBatchSize = IncidentController.MAX_BATCH_SIZE)
	Map<IncidentSource, IngestRun> ingestRun(List<IncidentSource> sources) {
		Set<Long> ids = new LinkedHashSet<>();
		sources.forEach((source) -> ids.add(source.ingestRunId()));
		Map<Long, IngestRun> byId = this.ingestRuns.findByIds(ids);
		Map<IncidentSource, IngestRun> result = new HashMap<>();
		for (IncidentSource source : sources) {
			if (byId.containsKey(source.ingestRunId())) {
				result.put(source, byId.get(source.ingestRunId()));
			}
		}
		return result;
	}

}
