package org.incidentintel.api.incident;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

import graphql.schema.DataFetchingFieldSelectionSet;
import org.incidentintel.api.ApiProperties;
import org.incidentintel.api.incident.IncidentFilterSql.Condition;
import org.incidentintel.api.region.Region;
import org.incidentintel.api.region.Regions;
import org.incidentintel.api.relay.Connection;
import org.incidentintel.api.relay.GlobalId;
import org.incidentintel.api.relay.PageArguments;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/**
 * {@code incident}, {@code incidents} and the fields of {@code Incident}. Every edge is a
 * {@link BatchMapping}: one statement per edge for all the incidents of a request.
 */
@Controller
class IncidentController {

	// A page holds at most 100 incidents by default; a few pages (aliases) of them still
	// fit in one statement, and PostgreSQL's limit of bind parameters stays far away
	static final int MAX_BATCH_SIZE = 1000;

	private final IncidentQueries queries;

	private final IncidentFilterSql filterSql;

	private final Regions regions;

	private final ApiProperties properties;

	IncidentController(IncidentQueries queries, IncidentFilterSql filterSql, Regions regions,
			ApiProperties properties) {
		this.queries = queries;
		this.filterSql = filterSql;
		this.regions = regions;
		this.properties = properties;
	}

	@QueryMapping
	Incident incident(@Argument String id) {
		return this.queries.findById(GlobalId.decode(id, Incident.TYPE, "id")).orElse(null);
	}

	@QueryMapping
	Connection<Incident> incidents(@Argument IncidentFilter filter, @Argument List<IncidentOrder> orderBy,
			@Argument Integer first, @Argument String after, @Argument Integer last, @Argument String before,
			DataFetchingFieldSelectionSet selection) {
		// Everything the arguments can get wrong is refused before any database work
		PageArguments page = PageArguments.of(first, after, last, before, this.properties.maxPageSize());
		IncidentKeyset keyset = IncidentKeyset.of(orderBy, "orderBy");
		IncidentKeyset.Position afterPosition = (after != null) ? keyset.decode(after, "after") : null;
		IncidentKeyset.Position beforePosition = (before != null) ? keyset.decode(before, "before") : null;
		Condition where = this.filterSql.toSql(filter, "filter");
		List<Incident> rows = this.queries.findPage(where, keyset, afterPosition, beforePosition, page.backward(),
				page.size() + 1);
		long totalCount = selection.contains("totalCount") ? this.queries.count(where) : 0;
		return Connection.of(rows, page, keyset::cursorOf, totalCount);
	}

	@SchemaMapping
	String id(Incident incident) {
		return GlobalId.of(Incident.TYPE, incident.id());
	}

	// A nullable edge answers with a map: incidents without a region are simply absent
	@BatchMapping(maxBatchSize = MAX_BATCH_SIZE)
	Map<Incident, Region> region(List<Incident> incidents) {
		return regions(incidents, Incident::regionId);
	}

	@BatchMapping(maxBatchSize = MAX_BATCH_SIZE)
	Map<Incident, Region> regionAtEvent(List<Incident> incidents) {
		return regions(incidents, Incident::regionAtEventId);
	}

	private Map<Incident, Region> regions(List<Incident> incidents, Function<Incident, Long> regionId) {
		Set<Long> ids = new LinkedHashSet<>();
		incidents.stream().map(regionId).filter(Objects::nonNull).forEach(ids::add);
		Map<Long, Region> byId = this.regions.findByIds(ids);
		Map<Incident, Region> result = new HashMap<>();
		for (Incident incident : incidents) {
			Region region = (regionId.apply(incident) != null) ? byId.get(regionId.apply(incident)) : null;
			if (region != null) {
				result.put(incident, region);
			}
		}
		return result;
	}

	@BatchMapping(maxBatchSize = MAX_BATCH_SIZE)
	List<List<IncidentPerpetrator>> perpetrators(List<Incident> incidents) {
		return perIncident(incidents, this.queries.perpetratorsOf(ids(incidents)));
	}

	@BatchMapping(maxBatchSize = MAX_BATCH_SIZE)
	List<List<String>> attackTypes(List<Incident> incidents) {
		return perIncident(incidents, this.queries.attackTypesOf(ids(incidents)));
	}

	@BatchMapping(maxBatchSize = MAX_BATCH_SIZE)
	List<List<String>> targets(List<Incident> incidents) {
		return perIncident(incidents, this.queries.targetsOf(ids(incidents)));
	}

	private static Set<Long> ids(List<Incident> incidents) {
		Set<Long> ids = new LinkedHashSet<>();
		incidents.forEach((incident) -> ids.add(incident.id()));
		return ids;
	}

	private static <T> List<List<T>> perIncident(List<Incident> incidents, Map<Long, List<T>> byIncident) {
		return incidents.stream().map((incident) -> byIncident.getOrDefault(incident.id(), List.of())).toList();
	}

}
