package org.incidentintel.api.persisted;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.incidentintel.api.dashboard.DashboardDocuments;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shipped manifest ({@code persisted-documents.json}) holds exactly the cookbook's
 * documents (those docs/graphql-cookbook.md quotes, as {@code CookbookIntegrationTests}
 * checks) and the dashboard's (as the page sends them: in allow-list mode it runs only
 * these), each under its SHA-256. When a document changes, this test fails and prints the
 * manifest to commit.
 */
class PersistedDocumentsManifestTests {

	@Test
	void theManifestHoldsTheCookbooksAndTheDashboardsDocuments() throws IOException {
		Map<String, String> expected = new TreeMap<>();
		Resource[] cookbook = new PathMatchingResourcePatternResolver()
			.getResources("classpath:graphql-test/cookbook/*.graphql");
		Arrays.stream(cookbook).map(PersistedDocumentsManifestTests::text).forEach((document) -> {
			expected.put(PersistedDocuments.sha256(document), document);
		});
		DashboardDocuments.read()
			.values()
			.forEach((document) -> expected.put(PersistedDocuments.sha256(document), document));

		Map<String, String> shipped = PersistedDocuments.manifest(new ClassPathResource("persisted-documents.json"),
				true);

		assertThat(cookbook).hasSizeGreaterThan(10);
		assertThat(new TreeMap<>(shipped)).as("api/src/main/resources/persisted-documents.json should be:%n%s",
				JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build().writeValueAsString(expected))
			.isEqualTo(expected);
	}

	/**
	 * The curl examples of the README and the cookbook name a document the manifest
	 * holds.
	 */
	@Test
	void theDocumentedHashIsThatOfTheCookbooksIngestRunsQuery() throws IOException {
		String hash = PersistedDocuments
			.sha256(text(new ClassPathResource("graphql-test/cookbook/ingestRuns.graphql")));

		for (Path documentation : List.of(Path.of("..", "README.md"), Path.of("..", "docs", "graphql-cookbook.md"))) {
			assertThat(Files.readString(documentation, StandardCharsets.UTF_8)).as(documentation.toString())
				.contains("\"sha256Hash\":\"" + hash + "\"");
		}
	}

	private static String text(Resource resource) {
		try {
			return resource.getContentAsString(StandardCharsets.UTF_8).strip();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
