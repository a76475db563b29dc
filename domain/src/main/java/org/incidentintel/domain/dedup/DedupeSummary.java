package org.incidentintel.domain.dedup;

/**
 * What a deduplication pass did.
 *
 * @param full whether it was a full pass over every record
 * @param considered records it compared
 * @param matches pairs scored at or above the threshold
 * @param changedIncidents incidents whose sources or fields it rewrote
 * @param createdIncidents incidents it created (a record split from its incident)
 * @param deletedIncidents incidents it removed (their records joined another)
 * @param multiSourceIncidents incidents it left with more than one source record
 * @param millis how long it took
 */
public record DedupeSummary(boolean full, long considered, long matches, long changedIncidents, long createdIncidents,
		long deletedIncidents, long multiSourceIncidents, long millis) {

}
