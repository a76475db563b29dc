package org.incidentintel.api.dialogue;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.incidentintel.api.organization.Organization;
import org.incidentintel.api.organization.Organizations;

import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.stereotype.Controller;

/**
 * The fields of {@code Delegate} that need loading.
 */
@Controller
class DelegateController {

	private final Organizations organizations;

	DelegateController(Organizations organizations) {
		this.organizations = organizations;
	}

	@BatchMapping
	Map<Delegate, Organization> organization(List<Delegate> delegates) {
		Map<Long, Organization> organizations = this.organizations
			.findByIds(delegates.stream().map(Delegate::organizationId).filter(Objects::nonNull).distinct().toList());
		return delegates.stream()
			.filter((delegate) -> delegate.organizationId() != null
					&& organizations.containsKey(delegate.organizationId()))
			.distinct()
			.collect(Collectors.toMap(Function.identity(), (delegate) -> organizations.get(delegate.organizationId())));
	}

}
