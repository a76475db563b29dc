package org.incidentintel.api.incident;

import java.util.List;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
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

}
