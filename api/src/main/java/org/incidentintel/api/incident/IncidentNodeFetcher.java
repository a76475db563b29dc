package org.incidentintel.api.incident;

import java.util.Optional;

import org.incidentintel.api.relay.NodeFetcher;

import org.springframework.stereotype.Component;

/**
 * Fetches incidents for {@code node(id:)}.
 */
@Component
class IncidentNodeFetcher implements NodeFetcher {

	private final IncidentQueries queries;

	IncidentNodeFetcher(IncidentQueries queries) {
		this.queries = queries;
	}

	@Override
	public String type() {
		return Incident.TYPE;
	}

	@Override
	public Optional<?> fetch(long id) {
		return this.queries.findById(id);
	}

}
