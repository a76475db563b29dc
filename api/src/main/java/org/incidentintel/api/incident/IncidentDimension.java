package org.incidentintel.api.incident;

/**
 * {@code IncidentDimension}: what {@code incidentStatistics} can group by.
 */
enum IncidentDimension {

	COUNTRY, REGION, REGION_AT_EVENT, YEAR, QUARTER, MONTH, KIND, PERPETRATOR, ACTOR, SOURCE

}
