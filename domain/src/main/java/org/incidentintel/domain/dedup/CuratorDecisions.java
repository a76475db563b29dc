package org.incidentintel.domain.dedup;

import java.util.Set;

/**
 * What curators decided, as pairs of records: {@code together} pairs are one incident
 * whatever the scores say (a merge), {@code apart} pairs are never one incident (a
 * split). Pairs name records by dataset and record id, so decisions survive re-ingestion
 * and {@code dedupe --all}.
 *
 * @param together pairs a curator merged
 * @param apart pairs a curator split
 */
public record CuratorDecisions(Set<Pair> together, Set<Pair> apart) {

	public static final CuratorDecisions NONE = new CuratorDecisions(Set.of(), Set.of());

	public CuratorDecisions {
		together = Set.copyOf(together);
		apart = Set.copyOf(apart);
	}

	/**
	 * Whether a curator kept the two records apart.
	 * @param a one record
	 * @param b the other
	 * @return whether they must not be one incident
	 */
	public boolean apart(RecordKey a, RecordKey b) {
		return this.apart.contains(Pair.of(a, b));
	}

	/**
	 * Two records, the lower key first.
	 *
	 * @param first the lower
	 * @param second the higher
	 */
	public record Pair(RecordKey first, RecordKey second) {

		public static Pair of(RecordKey a, RecordKey b) {
			return (a.compareTo(b) <= 0) ? new Pair(a, b) : new Pair(b, a);
		}

	}

}
