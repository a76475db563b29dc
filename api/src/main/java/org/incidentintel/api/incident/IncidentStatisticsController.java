package org.incidentintel.api.incident;

import java.util.List;

import org.incidentintel.api.organization.Organization;
import org.incidentintel.api.relay.GlobalId;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/**
 * {@code incidentStatistics}: totals and buckets of the filtered incidents, grouped in
 * the database.
 */
@Controller
class IncidentStatisticsController {

	private final IncidentFilterSql filterSql;

	private final IncidentStatisticsQuery query;

	IncidentStatisticsController(IncidentFilterSql filterSql, IncidentStatisticsQuery query) {
		this.filterSql = filterSql;
		this.query = query;
	}

	@QueryMapping
	IncidentStatistics incidentStatistics(@Argument IncidentFilter filter, @Argument List<IncidentDimension> groupBy) {
		List<IncidentDimension> dimensions = IncidentStatisticsQuery.validate(groupBy, "groupBy");
		return this.query.statistics(this.filterSql.toSql(filter, "filter"), IncidentFilterSql.cellsCanAnswer(filter),
				dimensions);
	}

	/**
	 * {@code Organization.incidentStatistics}: the same, of the incidents the
	 * organization perpetrated. The caller's filter is checked under its own name first,
	 * so that its errors name {@code filter}, not the combined filter.
	 */
	@SchemaMapping(typeName = "Organization")
	IncidentStatistics incidentStatistics(Organization organization, @Argument IncidentFilter filter,
			@Argument List<IncidentDimension> groupBy, @Argument Boolean includeFactions) {
		List<IncidentDimension> dimensions = IncidentStatisticsQuery.validate(groupBy, "groupBy");
		IncidentFilterSql.validate(filter, "filter");
		IncidentFilter own = new IncidentFilter(null, null, null, null, null, null, null,
				List.of(GlobalId.of("Organization", organization.id())), null, null, null, null, null, null,
				includeFactions);
		IncidentFilter combined = (filter != null) ? new IncidentFilter(List.of(own, filter), null, null, null, null,
				null, null, null, null, null, null, null, null, null, null) : own;
		return this.query.statistics(this.filterSql.toSql(combined, "filter"), false, dimensions);
	}

}
