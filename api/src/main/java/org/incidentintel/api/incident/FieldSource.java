package org.incidentintel.api.incident;

import java.util.List;
import java.util.function.Predicate;

/**
 * Which source record gave one group of an incident's fields (its date, its place, its
 * killed figures, its injured figure): deduplication names the record when it merges
 * several (see {@code Precedence}); an incident of one record took everything from it.
 *
 * @param incidentId the incident
 * @param recordId the record deduplication named, or null (one record, or merged before
 * the record was kept)
 */
record FieldSource(long incidentId, Long recordId) {

	/**
	 * The record among the incident's own: the one named, otherwise the only one; null
	 * when neither exists or the record does not state the group (nothing gave it).
	 * @param sources the incident's source records
	 * @param states whether a record states the group
	 */
	IncidentSource pick(List<IncidentSource> sources, Predicate<IncidentSource.Reported> states) {
		IncidentSource giver = null;
		if (this.recordId != null) {
			giver = sources.stream().filter((source) -> source.id() == this.recordId).findFirst().orElse(null);
		}
		// A record named and since moved to another incident says nothing about this one
		if (giver == null && sources.size() == 1) {
			giver = sources.get(0);
		}
		return (giver != null && states.test(giver.reported())) ? giver : null;
	}

}
