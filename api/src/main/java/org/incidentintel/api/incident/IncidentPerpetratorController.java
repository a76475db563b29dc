package org.incidentintel.api.incident;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.incidentintel.api.organization.Organization;

import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.stereotype.Controller;

/**
 * The fields of {@code IncidentPerpetrator}: its organization, batch loaded and following
 * merges to the surviving organization.
 */
@Controller
class IncidentPerpetratorController {

	private final IncidentQueries queries;

	IncidentPerpetratorController(IncidentQueries queries) {
		this.queries = queries;
	}

	// A nullable edge answers with a map: unresolved actors are simply absent
	@BatchMapping(maxBatchSize = IncidentController.MAX_BATCH_SIZE)
	Map<IncidentPerpetrator, Organization> organization(List<IncidentPerpetrator> perpetrators) {
		Set<Long> ids = new LinkedHashSet<>();
		perpetrators.stream().map(IncidentPerpetrator::organizationId).filter(Objects::nonNull).forEach(ids::add);
		Map<Long, Organization> byId = this.queries.survivingOrganizations(ids);
		Map<IncidentPerpetrator, Organization> result = new HashMap<>();
		for (IncidentPerpetrator perpetrator : perpetrators) {
			Organization organization = (perpetrator.organizationId() != null) ? byId.get(perpetrator.organizationId())
					: null;
			if (organization != null) {
				result.put(perpetrator, organization);
			}
		}
		return result;
	}

}
