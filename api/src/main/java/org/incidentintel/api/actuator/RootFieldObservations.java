package org.incidentintel.api.actuator;

import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.schema.DataFetcher;
import io.micrometer.observation.ObservationRegistry;

import org.springframework.graphql.observation.DefaultDataFetcherObservationConvention;
import org.springframework.graphql.observation.DefaultDataLoaderObservationConvention;
import org.springframework.graphql.observation.ExecutionRequestObservationConvention;
import org.springframework.graphql.observation.GraphQlObservationInstrumentation;

/**
 * Spring for GraphQL's observations ({@code graphql.request},
 * {@code graphql.datafetcher}, {@code graphql.dataloader}), with the data fetchers
 * observed at the root of an operation only. Spring's own instrumentation observes every
 * non-trivial data fetcher: on a page of 50 incidents that is one observation per
 * {@code id}, per list of perpetrators and per organization of a perpetrator, some 200 a
 * request, whose timers and context propagation cost more than the fields they time
 * (docs/benchmarks.md, "Where the API's time goes"). A nested field's work is still
 * timed, by its batch loader's {@code graphql.dataloader} observation and by the root
 * field and request that contain it.
 */
class RootFieldObservations extends GraphQlObservationInstrumentation {

	RootFieldObservations(ObservationRegistry registry, ExecutionRequestObservationConvention requestConvention) {
		super(registry, requestConvention, new DefaultDataFetcherObservationConvention(),
				new DefaultDataLoaderObservationConvention());
	}

	@Override
	public DataFetcher<?> instrumentDataFetcher(DataFetcher<?> dataFetcher,
			InstrumentationFieldFetchParameters parameters, InstrumentationState state) {
		if (parameters.getExecutionStepInfo().getPath().getLevel() > 1) {
			return dataFetcher;
		}
		return super.instrumentDataFetcher(dataFetcher, parameters, state);
	}

}
