package org.incidentintel.api.region;

import java.util.List;
import java.util.Optional;

import org.incidentintel.api.relay.NodeFetcher;

import org.springframework.stereotype.Component;

/**
 * {@code node(id:)} for regions.
 */
@Component
class RegionNodeFetcher implements NodeFetcher {

	private final Regions regions;

	RegionNodeFetcher(Regions regions) {
		this.regions = regions;
	}

	@Override
	public String type() {
		return RegionController.TYPE;
	}

	@Override
	public Optional<?> fetch(long id) {
		return Optional.ofNullable(this.regions.findByIds(List.of(id)).get(id));
	}

}
