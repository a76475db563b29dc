package org.incidentintel.api.incident;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

import graphql.schema.DataFetchingEnvironment;
import org.dataloader.DataLoader;

import org.incidentintel.api.organization.Organization;
import reactor.core.publisher.Mono;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.stereotype.Controller;

/**
 * {@code incidentStatistics}: totals and buckets of the filtered incidents, grouped in
 * the database.
 */
@Controller
class IncidentStatisticsController {

	// Organization.incidentStatistics takes arguments, which a @BatchMapping cannot see:
	// a named data loader keyed on (organization, arguments) batches it instead
	private static final String ORGANIZATION_STATISTICS = "organizationIncidentStatistics";

	private final IncidentFilterSql filterSql;

	private final IncidentFilterNames filterNames;

	private final IncidentStatisticsQuery query;

	IncidentStatisticsController(IncidentFilterSql filterSql, IncidentFilterNames filterNames,
			IncidentStatisticsQuery query, BatchLoaderRegistry registry) {
		this.filterSql = filterSql;
		this.filterNames = filterNames;
		this.query = query;
		registry.<OrganizationStatistics, IncidentStatistics>forName(ORGANIZATION_STATISTICS)
			.registerMappedBatchLoader(
					(keys, environment) -> Mono.fromCallable(() -> loadOrganizationStatistics(keys)));
	}

	@QueryMapping
	IncidentStatistics incidentStatistics(@Argument IncidentFilter filter, @Argument List<IncidentDimension> groupBy) {
		List<IncidentDimension> dimensions = IncidentStatisticsQuery.validate(groupBy, "groupBy");
		// Factions count as their movement, as in the filter, unless the filter says not
		boolean includeFactions = filter == null || !Boolean.FALSE.equals(filter.includeFactions());
		return this.query.statistics(this.filterSql.toSql(filter, "filter"), IncidentFilterSql.cellsCanAnswer(filter),
				dimensions, includeFactions);
	}

	/**
	 * {@code Organization.incidentStatistics}: the same, of the incidents the
	 * organization perpetrated. The caller's filter is checked here, under its own name;
	 * a data loader then answers every organization that asks with the same arguments in
	 * one statement (a dialogue's threats, a page of organizations).
	 */
	@SchemaMapping(typeName = "Organization")
	CompletableFuture<IncidentStatistics> incidentStatistics(Organization organization, @Argument IncidentFilter filter,
			@Argument List<IncidentDimension> groupBy, @Argument Boolean includeFactions,
			DataFetchingEnvironment environment) {
		List<IncidentDimension> dimensions = IncidentStatisticsQuery.validate(groupBy, "groupBy");
		IncidentFilterValidation.validate(filter, "filter");
		DataLoader<OrganizationStatistics, IncidentStatistics> loader = environment
			.getDataLoader(ORGANIZATION_STATISTICS);
		return loader.load(new OrganizationStatistics(organization.id(),
				new Arguments(filter, dimensions, !Boolean.FALSE.equals(includeFactions))));
	}

	private Map<OrganizationStatistics, IncidentStatistics> loadOrganizationStatistics(
			Set<OrganizationStatistics> keys) {
		Map<OrganizationStatistics, IncidentStatistics> result = new HashMap<>();
		keys.stream()
			.collect(Collectors.groupingBy(OrganizationStatistics::arguments,
					Collectors.mapping(OrganizationStatistics::organizationId, Collectors.toCollection(TreeSet::new))))
			.forEach((arguments, owners) -> {
				Map<Long, IncidentStatistics> statistics = this.query.statisticsOf(
						this.filterNames.families(owners, arguments.includeFactions()),
						this.filterSql.toSql(arguments.filter(), "filter"),
						IncidentFilterSql.cellsCanAnswer(arguments.filter()), arguments.groupBy(),
						arguments.includeFactions());
				owners.forEach(
						(owner) -> result.put(new OrganizationStatistics(owner, arguments), statistics.get(owner)));
			});
		return result;
	}

	/** One organization's statistics field: its id and the field's arguments. */
	private record OrganizationStatistics(long organizationId, Arguments arguments) {
	}

	private record Arguments(IncidentFilter filter, List<IncidentDimension> groupBy, boolean includeFactions) {
	}

}
