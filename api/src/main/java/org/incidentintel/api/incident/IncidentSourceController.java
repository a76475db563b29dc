package org.incidentintel.api.incident;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;

import graphql.schema.DataFetchingEnvironment;
import org.dataloader.DataLoader;
import org.incidentintel.api.ingest.IngestRun;
import org.incidentintel.api.ingest.IngestRuns;
import reactor.core.publisher.Mono;

import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.stereotype.Controller;

/**
 * The source records of incidents: {@code Incident.sources}, which record gave each group
 * of an incident's fields ({@code dateFrom}, {@code placeFrom},
 * {@code Casualties.killedFrom}, {@code Casualties.injuredFrom}), and the ingest run of a
 * record. One data loader reads the records of all the incidents of a request, so asking
 * for the sources and for where each field came from costs one statement.
 */
@Controller
class IncidentSourceController {

	private static final String INCIDENT_SOURCES = "incidentSources";

	private static final Predicate<IncidentSource.Reported> ALWAYS = (reported) -> true;

	private final IngestRuns ingestRuns;

	IncidentSourceController(IncidentQueries queries, IngestRuns ingestRuns, BatchLoaderRegistry registry) {
		this.ingestRuns = ingestRuns;
		registry.<Long, List<IncidentSource>>forName(INCIDENT_SOURCES)
			.withOptions((options) -> options.setMaxBatchSize(IncidentController.MAX_BATCH_SIZE))
			.registerMappedBatchLoader((ids, environment) -> Mono.fromCallable(() -> queries.sourcesOf(ids)));
	}

	@SchemaMapping(typeName = "Incident")
	CompletableFuture<List<IncidentSource>> sources(Incident incident, DataFetchingEnvironment environment) {
		return sourcesOf(incident.id(), environment);
	}

	@SchemaMapping(typeName = "Incident")
	CompletableFuture<IncidentSource> dateFrom(Incident incident, DataFetchingEnvironment environment) {
		return giver(incident.dateFrom(), ALWAYS, environment);
	}

	@SchemaMapping(typeName = "Incident")
	CompletableFuture<IncidentSource> placeFrom(Incident incident, DataFetchingEnvironment environment) {
		return giver(incident.placeFrom(), ALWAYS, environment);
	}

	@SchemaMapping(typeName = "Casualties")
	CompletableFuture<IncidentSource> killedFrom(Casualties casualties, DataFetchingEnvironment environment) {
		return giver(casualties.killedFrom(), (reported) -> reported.killed() != null || reported.killedLow() != null
				|| reported.killedHigh() != null, environment);
	}

	@SchemaMapping(typeName = "Casualties")
	CompletableFuture<IncidentSource> injuredFrom(Casualties casualties, DataFetchingEnvironment environment) {
		return giver(casualties.injuredFrom(), (reported) -> reported.injured() != null, environment);
	}

	@BatchMapping(maxBatchSize = IncidentController.MAX_BATCH_SIZE)
	Map<IncidentSource, IngestRun> ingestRun(List<IncidentSource> sources) {
		Set<Long> ids = new LinkedHashSet<>();
		sources.forEach((source) -> ids.add(source.ingestRunId()));
		Map<Long, IngestRun> byId = this.ingestRuns.findByIds(ids);
		Map<IncidentSource, IngestRun> result = new HashMap<>();
		for (IncidentSource source : sources) {
			if (byId.containsKey(source.ingestRunId())) {
				result.put(source, byId.get(source.ingestRunId()));
			}
		}
		return result;
	}

	private CompletableFuture<IncidentSource> giver(FieldSource field, Predicate<IncidentSource.Reported> states,
			DataFetchingEnvironment environment) {
		return sourcesOf(field.incidentId(), environment).thenApply((sources) -> field.pick(sources, states));
	}

	private static CompletableFuture<List<IncidentSource>> sourcesOf(long incidentId,
			DataFetchingEnvironment environment) {
		DataLoader<Long, List<IncidentSource>> loader = environment.getDataLoader(INCIDENT_SOURCES);
		return loader.load(incidentId).thenApply((sources) -> (sources != null) ? sources : List.of());
	}

}
