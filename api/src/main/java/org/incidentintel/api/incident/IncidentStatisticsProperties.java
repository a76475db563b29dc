package org.incidentintel.api.incident;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The statistics cells ({@code incidentintel.api.statistics.*}; docs/operations.md,
 * "Statistics cells").
 *
 * @param cells whether {@code incidentStatistics} answers from the cells when they are
 * fresh and can answer; false: always from the incidents
 * @param refreshInterval how often the API checks whether the cells are stale; it
 * rebuilds them once the incidents have not changed for one interval. Zero turns the
 * API's refresh off (the ETL refreshes after its loads)
 */
@ConfigurationProperties("incidentintel.api.statistics")
record IncidentStatisticsProperties(@DefaultValue("true") boolean cells, @DefaultValue("5s") Duration refreshInterval) {

	IncidentStatisticsProperties {
		if (refreshInterval.isNegative()) {
			throw new IllegalArgumentException(
					"incidentintel.api.statistics.refresh-interval must not be negative, got " + refreshInterval);
		}
	}

}
