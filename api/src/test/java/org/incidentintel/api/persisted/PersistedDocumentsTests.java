package org.incidentintel.api.persisted;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import graphql.ExecutionInput;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.execution.AbortExecutionException;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.parser.Parser;
import org.incidentintel.api.persisted.PersistedDocumentsProperties.Mode;
import org.junit.jupiter.api.Test;

import org.springframework.core.io.ByteArrayResource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * How {@link PersistedDocuments} finds a request's document, without Spring: the
 * parse-and-validate step graphql-java passes in is recorded here.
 */
class PersistedDocumentsTests {

	private static final String RUNS = "{ ingestRuns { totalCount } }";

	private static final String REGIONS = "{ regions { totalCount } }";

	private final List<String> parsed = new ArrayList<>();

	private final Function<ExecutionInput, PreparsedDocumentEntry> parseAndValidate = (input) -> {
		this.parsed.add(input.getQuery());
		return new PreparsedDocumentEntry(Parser.parse(input.getQuery()));
	};

	@Test
	void aHashAloneThatTheApiDoesNotHoldIsPersistedQueryNotFound() {
		PersistedDocuments documents = new PersistedDocuments(Mode.AUTOMATIC, 10, Map.of());

		GraphQLError error = singleError(documents, hashOnly(PersistedDocuments.sha256(RUNS)));

		assertThat(error.getMessage()).isEqualTo("PersistedQueryNotFound");
		assertThat(error.getExtensions()).containsEntry("code", "PERSISTED_QUERY_NOT_FOUND");
		assertThat(this.parsed).isEmpty();
	}

	@Test
	void aDocumentSentWithItsHashIsKeptForTheHashAlone() {
		PersistedDocuments documents = new PersistedDocuments(Mode.AUTOMATIC, 10, Map.of());
		String hash = PersistedDocuments.sha256(RUNS);

		assertThat(entry(documents, withHash(RUNS, hash)).hasErrors()).isFalse();
		PreparsedDocumentEntry again = entry(documents, hashOnly(hash.toUpperCase()));

		assertThat(again.hasErrors()).isFalse();
		assertThat(this.parsed).containsExactly(RUNS);
		assertThat(documents.document(hash)).contains(RUNS);
	}

	@Test
	void aHashThatIsNotTheDocumentsIsRefused() {
		PersistedDocuments documents = new PersistedDocuments(Mode.AUTOMATIC, 10, Map.of());

		GraphQLError error = singleError(documents, withHash(RUNS, PersistedDocuments.sha256(REGIONS)));

		assertThat(error.getExtensions()).containsEntry("code", "BAD_USER_INPUT");
		assertThat(error.getMessage()).startsWith("extensions.persistedQuery.sha256Hash is not the SHA-256");
		assertThat(documents.document(PersistedDocuments.sha256(REGIONS))).isEmpty();
	}

	@Test
	void theCacheKeepsTheMostRecentlyUsedDocuments() {
		PersistedDocuments documents = new PersistedDocuments(Mode.AUTOMATIC, 1, Map.of());
		entry(documents, withHash(RUNS, PersistedDocuments.sha256(RUNS)));
		entry(documents, withHash(REGIONS, PersistedDocuments.sha256(REGIONS)));

		assertThat(documents.document(PersistedDocuments.sha256(REGIONS))).contains(REGIONS);
		assertThat(documents.document(PersistedDocuments.sha256(RUNS))).isEmpty();
	}

	@Test
	void theManifestsDocumentsAreKnownByTheirHashFromTheStart() {
		PersistedDocuments documents = new PersistedDocuments(Mode.AUTOMATIC, 10,
				Map.of(PersistedDocuments.sha256(RUNS), RUNS));

		assertThat(entry(documents, hashOnly(PersistedDocuments.sha256(RUNS))).hasErrors()).isFalse();
		assertThat(this.parsed).containsExactly(RUNS);
	}

	@Test
	void inAllowListModeOnlyTheManifestsDocumentsRun() {
		PersistedDocuments documents = new PersistedDocuments(Mode.ALLOW_LIST, 10,
				Map.of(PersistedDocuments.sha256(RUNS), RUNS));

		assertThat(entry(documents, hashOnly(PersistedDocuments.sha256(RUNS))).hasErrors()).isFalse();
		assertThat(entry(documents, ExecutionInput.newExecutionInput(RUNS).build()).hasErrors()).isFalse();
		for (ExecutionInput other : List.of(ExecutionInput.newExecutionInput(REGIONS).build(),
				withHash(REGIONS, PersistedDocuments.sha256(REGIONS)), hashOnly(PersistedDocuments.sha256(REGIONS)))) {
			GraphQLError error = singleError(documents, other);
			assertThat(error.getExtensions()).containsEntry("code", "DOCUMENT_NOT_ALLOWED");
		}
		assertThat(this.parsed).containsExactly(RUNS);
	}

	@Test
	void aManifestKeyMustBeTheHashOfItsDocument() {
		ByteArrayResource wrong = new ByteArrayResource(
				("{\"" + PersistedDocuments.sha256(REGIONS) + "\": \"" + RUNS + "\"}").getBytes());

		assertThatIllegalStateException().isThrownBy(() -> PersistedDocuments.manifest(wrong, true))
			.withMessageContaining("the key " + PersistedDocuments.sha256(REGIONS) + " is not the SHA-256");
		assertThatIllegalStateException()
			.isThrownBy(() -> PersistedDocuments.manifest(new ByteArrayResource(new byte[0]) {

				@Override
				public boolean exists() {
					return false;
				}

			}, true))
			.withMessageContaining("the allow-list mode needs one");
	}

	@Test
	void aLimitThatAbortsParsingOrValidationIsAnsweredAsTheDocumentsErrors() {
		PersistedDocuments documents = new PersistedDocuments(Mode.AUTOMATIC, 10, Map.of());
		GraphQLError tooDeep = GraphqlErrorBuilder.newError().message("too deep").build();

		PreparsedDocumentEntry entry = documents
			.getDocumentAsync(ExecutionInput.newExecutionInput(RUNS).build(), (input) -> {
				throw new AbortExecutionException(List.of(tooDeep));
			})
			.join();

		assertThat(entry.getErrors()).hasSize(1);
		assertThat(entry.getErrors().get(0)).isSameAs(tooDeep);
	}

	private static ExecutionInput hashOnly(String hash) {
		return withHash(PersistedDocuments.HASH_ONLY, hash);
	}

	private static ExecutionInput withHash(String document, String hash) {
		return ExecutionInput.newExecutionInput(document)
			.extensions(Map.of("persistedQuery", Map.of("version", 1, "sha256Hash", hash)))
			.build();
	}

	private PreparsedDocumentEntry entry(PersistedDocuments documents, ExecutionInput input) {
		return documents.getDocumentAsync(input, this.parseAndValidate).join();
	}

	private GraphQLError singleError(PersistedDocuments documents, ExecutionInput input) {
		PreparsedDocumentEntry entry = entry(documents, input);
		assertThat(entry.getErrors()).hasSize(1);
		return entry.getErrors().get(0);
	}

}
