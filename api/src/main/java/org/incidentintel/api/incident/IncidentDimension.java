package org.incidentintel.api.incident;

/**
 * {@code IncidentDimension}: what {@code incidentStatistics} can group by.
 */
enum IncidentDimension {

	COUNTRY, REGION, YEAR, QUARTER, MONTH, KIND, PERPETRATOR, SOURCE

}
