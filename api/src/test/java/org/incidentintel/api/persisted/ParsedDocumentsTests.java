package org.incidentintel.api.persisted;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import graphql.language.Document;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A document is parsed and validated once, then answered from {@link ParsedDocuments}
 * with each request's own variables; an invalid one is parsed every time, and the cache
 * stays bounded.
 */
class ParsedDocumentsTests {

	private final AtomicInteger parses = new AtomicInteger();

	private final ParsedDocuments documents = new ParsedDocuments();

	private final GraphQL graphQl = graphQl();

	@Test
	void aValidDocumentIsParsedOnceAndRunsWithEachRequestsVariables() {
		String query = "query echo($text: String) { echo(text: $text) }";

		ExecutionResult first = execute(query, Map.of("text", "Swat"));
		ExecutionResult second = execute(query, Map.of("text", "Bannu"));

		assertThat(first.<Map<String, Object>>getData()).containsEntry("echo", "Swat");
		assertThat(second.<Map<String, Object>>getData()).containsEntry("echo", "Bannu");
		assertThat(this.parses).hasValue(1);
	}

	@Test
	void anInvalidDocumentIsNotKept() {
		assertThat(execute("{ nothing }", Map.of()).getErrors()).isNotEmpty();
		assertThat(execute("{ nothing }", Map.of()).getErrors()).isNotEmpty();

		assertThat(this.parses).hasValue(2);
		assertThat(this.documents.size()).isZero();
	}

	@Test
	void theCacheIsEmptiedWhenFull() {
		for (int i = 0; i <= ParsedDocuments.MAX_ENTRIES; i++) {
			execute("{ echo(text: \"" + i + "\") }", Map.of());
		}

		assertThat(this.documents.size()).isEqualTo(1);
	}

	private ExecutionResult execute(String query, Map<String, Object> variables) {
		return this.graphQl.execute(ExecutionInput.newExecutionInput(query).variables(variables).build());
	}

	private GraphQL graphQl() {
		RuntimeWiring wiring = RuntimeWiring.newRuntimeWiring()
			.type("Query", (type) -> type.dataFetcher("echo", (environment) -> environment.getArgument("text")))
			.build();
		GraphQLSchema schema = new SchemaGenerator()
			.makeExecutableSchema(new SchemaParser().parse("type Query { echo(text: String): String }"), wiring);
		SimplePerformantInstrumentation countParses = new SimplePerformantInstrumentation() {

			@Override
			public InstrumentationContext<Document> beginParse(InstrumentationExecutionParameters parameters,
					InstrumentationState state) {
				ParsedDocumentsTests.this.parses.incrementAndGet();
				return super.beginParse(parameters, state);
			}

		};
		return GraphQL.newGraphQL(schema)
			.instrumentation(countParses)
			.preparsedDocumentProvider(this.documents)
			.build();
	}

}
