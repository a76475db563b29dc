package org.incidentintel.api.report;

/**
 * The read model of the GraphQL {@code ReportFigure} type: a figure as published.
 *
 * @param id the database id
 * @param reportId the report
 * @param metric what is counted ({@code fatalities}, ...)
 * @param scope a country code, a region key, or region keys joined by {@code +}
 * @param value the published count, if any
 * @param share the published share (0..1) of the country total, if any
 * @param comparison how the figure bounds the real one
 * @param note a remark
 */
record ReportFigure(long id, long reportId, String metric, String scope, Double value, Double share, String comparison,
		String note) {

}
