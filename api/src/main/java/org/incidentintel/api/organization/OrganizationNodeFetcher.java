package org.incidentintel.api.organization;

import java.util.Optional;

import org.incidentintel.api.relay.NodeFetcher;

import org.springframework.stereotype.Component;

/**
 * {@code node(id:)} for organizations; a merged organization redirects to the survivor.
 */
@Component
class OrganizationNodeFetcher implements NodeFetcher {

	private final Organizations organizations;

	OrganizationNodeFetcher(Organizations organizations) {
		this.organizations = organizations;
	}

	@Override
	public String type() {
		return OrganizationController.TYPE;
	}

	@Override
	public Optional<?> fetch(long id) {
		return this.organizations.findSurvivorById(id);
	}

}
