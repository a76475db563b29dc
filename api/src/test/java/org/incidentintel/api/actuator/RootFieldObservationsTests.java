package org.incidentintel.api.actuator;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.schema.DataFetcher;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.graphql.observation.DataFetcherObservationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The GraphQL observations keep the request and the root fields, and leave out the nested
 * fields (one per item of a page).
 */
class RootFieldObservationsTests {

	private final List<String> observed = new CopyOnWriteArrayList<>();

	@Test
	void observesTheRequestAndTheRootFieldsOnly() {
		ExecutionResult result = graphQl().execute("{ organization { name incidents { place } } count }");

		assertThat(result.getErrors()).isEmpty();
		assertThat(result.<Map<String, Object>>getData()).containsEntry("count", 2);
		assertThat(this.observed).containsExactlyInAnyOrder("graphql.request", "graphql.datafetcher /organization",
				"graphql.datafetcher /count");
	}

	private GraphQL graphQl() {
		String sdl = """
				type Query { organization: Organization, count: Int }
				type Organization { name: String, incidents: [Incident] }
				type Incident { place: String }
				""";
		// Lambdas are non-trivial data fetchers: Spring's instrumentation would observe
		// each
		DataFetcher<Object> incidents = (environment) -> List.of(Map.of("place", "Swat"), Map.of("place", "Bannu"));
		DataFetcher<Object> place = (environment) -> environment.<Map<String, Object>>getSource().get("place");
		RuntimeWiring wiring = RuntimeWiring.newRuntimeWiring()
			.type("Query",
					(type) -> type.dataFetcher("organization", (environment) -> Map.of("name", "TTP"))
						.dataFetcher("count", (environment) -> 2))
			.type("Organization",
					(type) -> type.dataFetcher("name", (environment) -> "TTP").dataFetcher("incidents", incidents))
			.type("Incident", (type) -> type.dataFetcher("place", place))
			.build();
		GraphQLSchema schema = new SchemaGenerator().makeExecutableSchema(new SchemaParser().parse(sdl), wiring);
		return GraphQL.newGraphQL(schema)
			.instrumentation(new RootFieldObservations(registry(), new GraphQlOutcomeConvention()))
			.build();
	}

	private ObservationRegistry registry() {
		ObservationRegistry registry = ObservationRegistry.create();
		registry.observationConfig().observationHandler(new ObservationHandler<>() {

			@Override
			public void onStop(Observation.Context context) {
				String path = (context instanceof DataFetcherObservationContext fetch)
						? " " + fetch.getEnvironment().getExecutionStepInfo().getPath() : "";
				RootFieldObservationsTests.this.observed.add(context.getName() + path);
			}

			@Override
			public boolean supportsContext(Observation.Context context) {
				return true;
			}

		});
		return registry;
	}

}
