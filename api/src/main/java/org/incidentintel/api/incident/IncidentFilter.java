package org.incidentintel.api.incident;

import java.time.LocalDate;
import java.util.List;

import org.incidentintel.domain.incident.IncidentKind;

/**
 * The {@code IncidentFilter} argument: a tree of conditions, turned into SQL by
 * {@link IncidentFilterSql}.
 */
record IncidentFilter(List<IncidentFilter> and, List<IncidentFilter> or, IncidentFilter not, DateRangeInput date,
		List<String> country, List<String> region, List<IncidentKind> kind, List<String> perpetrator,
		IntRangeInput killed, IntRangeInput injured, List<String> source, String text, NearInput near,
		List<String> actor, Boolean includeFactions) {

	/** {@code DateRangeInput}: both ends inclusive, either may be missing. */
	record DateRangeInput(LocalDate from, LocalDate to) {
	}

	/** {@code IntRangeInput}: both ends inclusive, either may be missing. */
	record IntRangeInput(Integer min, Integer max) {
	}

	/** {@code NearInput}: a circle on the earth. */
	record NearInput(double latitude, double longitude, double radiusKm) {
	}

}
