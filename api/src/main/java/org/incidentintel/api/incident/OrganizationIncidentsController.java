package org.incidentintel.api.incident;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import graphql.schema.DataFetchingEnvironment;
import org.dataloader.DataLoader;
import reactor.core.publisher.Mono;

import org.incidentintel.api.ApiProperties;
import org.incidentintel.api.incident.IncidentFilterSql.Condition;
import org.incidentintel.api.organization.Organization;
import org.incidentintel.api.organization.Organizations;
import org.incidentintel.api.relay.Connection;
import org.incidentintel.api.relay.PageArguments;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.stereotype.Controller;

/**
 * {@code Organization.incidents}: the incidents an organization is recorded in as an
 * actor, merges counting both ways (as in the {@code perpetrator} filter).
 * <p>
 * The field takes arguments, which a {@code @BatchMapping} cannot see: a named data
 * loader keyed on (organization, arguments) batches it instead. The arguments are checked
 * when the field is fetched, before any database work; the loader then reads, per
 * distinct set of arguments, the organizations sharing each one's survivor and one page
 * of every organization (a union of one {@code order by ... limit} per organization) in
 * two statements and, per distinct filter, every count in another. A list of
 * organizations costs the same statements as one.
 */
@Controller
class OrganizationIncidentsController {

	private static final String ORGANIZATION_INCIDENTS = "organizationIncidents";

	private final IncidentQueries queries;

	private final IncidentFilterSql filterSql;

	private final ApiProperties properties;

	OrganizationIncidentsController(IncidentQueries queries, IncidentFilterSql filterSql, ApiProperties properties,
			BatchLoaderRegistry registry) {
		this.queries = queries;
		this.filterSql = filterSql;
		this.properties = properties;
		registry.<OrganizationPage, Connection<Incident>>forName(ORGANIZATION_INCIDENTS)
			.registerMappedBatchLoader((keys, environment) -> Mono.fromCallable(() -> load(keys)));
	}

	@SchemaMapping(typeName = Organizations.TYPE, field = "incidents")
	CompletableFuture<Connection<Incident>> incidents(Organization organization, @Argument IncidentFilter filter,
			@Argument List<IncidentOrder> orderBy, @Argument Integer first, @Argument String after,
			DataFetchingEnvironment environment) {
		// Everything the arguments can get wrong is refused before any database work
		PageArguments page = PageArguments.of(first, after, null, null, this.properties.maxPageSize());
		IncidentKeyset keyset = IncidentKeyset.of(orderBy, "orderBy");
		IncidentKeyset.Position position = (after != null) ? keyset.decode(after, "after") : null;
		IncidentFilterValidation.validate(filter, "filter");
		boolean counted = environment.getSelectionSet().contains("totalCount");
		List<IncidentOrder> order = (orderBy != null && !orderBy.isEmpty()) ? List.copyOf(orderBy)
				: IncidentKeyset.DEFAULT_ORDER;
		DataLoader<OrganizationPage, Connection<Incident>> loader = environment.getDataLoader(ORGANIZATION_INCIDENTS);
		return loader
			.load(new OrganizationPage(organization.id(), new PageRequest(filter, order, page, position, counted)));
	}

	private Map<OrganizationPage, Connection<Incident>> load(Set<OrganizationPage> keys) {
		// Keys nearly always share their arguments (one field in one query): each
		// distinct filter is resolved and counted once, each distinct page read once
		Map<PageRequest, Set<Long>> byRequest = new LinkedHashMap<>();
		Map<IncidentFilter, Set<Long>> counted = new LinkedHashMap<>();
		for (OrganizationPage key : keys) {
			byRequest.computeIfAbsent(key.request(), (request) -> new LinkedHashSet<>()).add(key.organizationId());
			if (key.request().counted()) {
				counted.computeIfAbsent(key.request().filter(), (filter) -> new LinkedHashSet<>())
					.add(key.organizationId());
			}
		}
		Map<IncidentFilter, Condition> conditions = new HashMap<>();
		byRequest.keySet()
			.forEach((request) -> conditions.computeIfAbsent(request.filter(),
					(filter) -> this.filterSql.toSql(filter, "filter")));
		Map<IncidentFilter, Map<Long, Long>> totals = new HashMap<>();
		counted.forEach((filter, organizationIds) -> totals.put(filter,
				this.queries.countOfOrganizations(new ArrayList<>(organizationIds), conditions.get(filter))));
		Map<PageRequest, Map<Long, List<Incident>>> pages = new HashMap<>();
		byRequest.forEach((request, organizationIds) -> {
			IncidentKeyset keyset = IncidentKeyset.of(request.orderBy(), "orderBy");
			pages.put(request, this.queries.findPagesOfOrganizations(new ArrayList<>(organizationIds),
					conditions.get(request.filter()), keyset, request.after(), request.page().size() + 1));
		});
		Map<OrganizationPage, Connection<Incident>> result = new HashMap<>();
		for (OrganizationPage key : keys) {
			PageRequest request = key.request();
			IncidentKeyset keyset = IncidentKeyset.of(request.orderBy(), "orderBy");
			List<Incident> rows = pages.get(request).getOrDefault(key.organizationId(), List.of());
			long totalCount = request.counted() ? totals.get(request.filter()).getOrDefault(key.organizationId(), 0L)
					: 0;
			result.put(key, Connection.of(rows, request.page(), keyset::cursorOf, totalCount));
		}
		return result;
	}

	/**
	 * A key of the {@code Organization.incidents} loader: an organization and what was
	 * asked of its incidents.
	 */
	record OrganizationPage(long organizationId, PageRequest request) {
	}

	/**
	 * The checked arguments of one {@code Organization.incidents} field.
	 *
	 * @param filter the filter, or {@code null}
	 * @param orderBy the sort keys (the default order when none was given)
	 * @param page the page size
	 * @param after where the page starts, or {@code null} for the first page
	 * @param counted whether {@code totalCount} is selected
	 */
	record PageRequest(IncidentFilter filter, List<IncidentOrder> orderBy, PageArguments page,
			IncidentKeyset.Position after, boolean counted) {
	}

}
