package org.incidentintel.api.organization;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.stereotype.Controller;

/**
 * The fields of {@code SourceDocument} that need loading.
 */
@Controller
class SourceDocumentController {

	private final Organizations organizations;

	SourceDocumentController(Organizations organizations) {
		this.organizations = organizations;
	}

	@BatchMapping
	Map<SourceDocument, Organization> publisher(List<SourceDocument> documents) {
		Map<Long, Organization> publishers = this.organizations.findByIds(
				documents.stream().map(SourceDocument::publisherId).filter(Objects::nonNull).distinct().toList());
		return documents.stream()
			.filter((document) -> document.publisherId() != null && publishers.containsKey(document.publisherId()))
			.distinct()
			.collect(Collectors.toMap(Function.identity(), (document) -> publishers.get(document.publisherId())));
	}

}
