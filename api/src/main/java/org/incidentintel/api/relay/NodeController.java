package org.incidentintel.api.relay;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/**
 * {@code node(id:)}: any object by its global id.
 */
@Controller
class NodeController {

	private final Map<String, NodeFetcher> fetchers;

	NodeController(List<NodeFetcher> fetchers) {
		this.fetchers = fetchers.stream().collect(Collectors.toMap(NodeFetcher::type, Function.identity()));
	}

	@QueryMapping
	Object node(@Argument String id) {
		GlobalId globalId = GlobalId.decode(id, "id");
		NodeFetcher fetcher = this.fetchers.get(globalId.type());
		return (fetcher != null) ? fetcher.fetch(globalId.id()).orElse(null) : null;
	}

}
