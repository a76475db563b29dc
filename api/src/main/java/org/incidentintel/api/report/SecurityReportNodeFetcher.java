package org.incidentintel.api.report;

import java.util.List;
import java.util.Optional;

import org.incidentintel.api.relay.NodeFetcher;

import org.springframework.stereotype.Component;

/**
 * {@code node(id:)} for security reports.
 */
@Component
class SecurityReportNodeFetcher implements NodeFetcher {

	private final Reports reports;

	SecurityReportNodeFetcher(Reports reports) {
		this.reports = reports;
	}

	@Override
	public String type() {
		return SecurityReportController.TYPE;
	}

	@Override
	public Optional<?> fetch(long id) {
		return Optional.ofNullable(this.reports.findByIds(List.of(id)).get(id));
	}

}
