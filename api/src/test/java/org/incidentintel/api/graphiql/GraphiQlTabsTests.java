package org.incidentintel.api.graphiql;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The tabs GraphiQL opens with are the cookbook's queries, verbatim, with the cookbook's
 * variables: neither can change without the other.
 */
class GraphiQlTabsTests {

	private static final Path COOKBOOK = Path.of("..", "docs", "graphql-cookbook.md");

	private static final Path TABS = Path.of("src", "main", "resources", "static", "graphiql", "tabs.json");

	@Test
	void theHeadlineQuestionIsTheFirstTab() throws IOException {
		assertThat(tabs().get(0).get("query").asString()).startsWith("query Headline {");
	}

	@Test
	void everyTabIsACookbookQueryWithItsVariables() throws IOException {
		String cookbook = Files.readString(COOKBOOK);
		List<JsonNode> tabs = tabs();
		assertThat(tabs).hasSizeGreaterThanOrEqualTo(5);
		for (JsonNode tab : tabs) {
			String query = tab.get("query").asString();
			String block = "```graphql\n" + query + "```\n";
			assertThat(cookbook).as("docs/graphql-cookbook.md quotes the tab's query").contains(block);
			String afterQuery = cookbook.substring(cookbook.indexOf(block) + block.length());
			if (tab.has("variables")) {
				assertThat(afterQuery).as("the cookbook's variables of " + firstLine(query))
					.startsWith("\nVariables:\n\n```json\n" + tab.get("variables").asString() + "\n```");
			}
			else {
				assertThat(afterQuery).as(firstLine(query) + " has variables in the cookbook")
					.doesNotStartWith("\nVariables:");
			}
		}
	}

	private static String firstLine(String query) {
		return query.lines().findFirst().orElse("");
	}

	private static List<JsonNode> tabs() throws IOException {
		JsonNode tabs = JsonMapper.builder().build().readTree(Files.readString(TABS));
		assertThat(tabs.isArray()).isTrue();
		return tabs.valueStream().toList();
	}

}
