package org.incidentintel.api.persisted;

import java.util.Map;

import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import org.incidentintel.api.persisted.PersistedDocumentsProperties.Mode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link PersistedDocuments} in graphql-java's own execution (the provider the API hands
 * it), in allow-list mode: a request by hash alone runs the manifest's document, any
 * other document is refused before it is parsed.
 */
class PersistedDocumentsExecutionTests {

	private static final String HELLO = "{ hello }";

	private final GraphQL graphQl = GraphQL
		.newGraphQL(new SchemaGenerator().makeExecutableSchema(new SchemaParser().parse("type Query { hello: String }"),
				RuntimeWiring.newRuntimeWiring()
					.type("Query", (type) -> type.dataFetcher("hello", (environment) -> "world"))
					.build()))
		.preparsedDocumentProvider(
				new PersistedDocuments(Mode.ALLOW_LIST, 10, Map.of(PersistedDocuments.sha256(HELLO), HELLO)))
		.build();

	@Test
	void theManifestsDocumentRunsByItsHashOrSentWhole() {
		ExecutionResult byHash = this.graphQl.execute(ExecutionInput.newExecutionInput(PersistedDocuments.HASH_ONLY)
			.extensions(Map.of("persistedQuery", Map.of("version", 1, "sha256Hash", PersistedDocuments.sha256(HELLO))))
			.build());
		ExecutionResult whole = this.graphQl.execute(HELLO);

		assertThat(byHash.getErrors()).isEmpty();
		assertThat(byHash.<Map<String, Object>>getData()).containsEntry("hello", "world");
		assertThat(whole.<Map<String, Object>>getData()).containsEntry("hello", "world");
	}

	@Test
	void anyOtherDocumentIsNotAllowed() {
		ExecutionResult result = this.graphQl.execute("{ hello __typename }");

		assertThat(result.getErrors()).singleElement()
			.satisfies((error) -> assertThat(error.getExtensions()).containsEntry("code", "DOCUMENT_NOT_ALLOWED"));
		assertThat(result.isDataPresent()).isFalse();
	}

}
