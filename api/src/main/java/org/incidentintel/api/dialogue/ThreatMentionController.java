package org.incidentintel.api.dialogue;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.incidentintel.api.organization.Organization;
import org.incidentintel.api.organization.Organizations;

import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.stereotype.Controller;

/**
 * The fields of {@code ThreatMention} that need loading.
 */
@Controller
class ThreatMentionController {

	private final Organizations organizations;

	ThreatMentionController(Organizations organizations) {
		this.organizations = organizations;
	}

	@BatchMapping
	Map<ThreatMention, Organization> organization(List<ThreatMention> mentions) {
		Map<Long, Organization> organizations = this.organizations
			.findByIds(mentions.stream().map(ThreatMention::organizationId).distinct().toList());
		return mentions.stream()
			.filter((mention) -> organizations.containsKey(mention.organizationId()))
			.distinct()
			.collect(Collectors.toMap(Function.identity(), (mention) -> organizations.get(mention.organizationId())));
	}

}
