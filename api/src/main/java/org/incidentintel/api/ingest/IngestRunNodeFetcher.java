package org.incidentintel.api.ingest;

import java.util.List;
import java.util.Optional;

import org.incidentintel.api.relay.NodeFetcher;

import org.springframework.stereotype.Component;

/**
 * {@code node(id:)} for ingest runs.
 */
@Component
class IngestRunNodeFetcher implements NodeFetcher {

	private final IngestRuns runs;

	IngestRunNodeFetcher(IngestRuns runs) {
		this.runs = runs;
	}

	@Override
	public String type() {
		return IngestRunController.TYPE;
	}

	@Override
	public Optional<?> fetch(long id) {
		return Optional.ofNullable(this.runs.findByIds(List.of(id)).get(id));
	}

}
