package org.incidentintel.api.report;

import java.util.List;

/**
 * The read model of the GraphQL {@code FigureReconciliation} type: a published figure
 * next to the one computed from the database.
 *
 * @param metric the metric
 * @param scope the scope
 * @param measure {@code COUNT} or {@code SHARE}
 * @param comparison how the published figure bounds the real one
 * @param published the published count or share
 * @param computed the computed count or share, {@code null} when it cannot be computed
 * @param difference {@code computed - published}, {@code null} without a computed value
 * @param coverage whether any loaded source covers the report's period
 * @param coveringSources the datasets with records in the report's period
 * @param note why the figure's scope and the database's regions differ, or {@code null}
 */
record FigureReconciliation(String metric, String scope, String measure, String comparison, double published,
		Double computed, Double difference, String coverage, List<DatasetCoverage> coveringSources, String note) {

	/** The read model of the GraphQL {@code DatasetCoverage} type. */
	record DatasetCoverage(String dataset, long records) {
	}

}
