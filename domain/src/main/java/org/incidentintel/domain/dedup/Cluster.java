package org.incidentintel.domain.dedup;

import java.util.List;
import java.util.Map;

/**
 * The source records of one canonical incident, with how each was linked.
 *
 * @param members the records, ordered by key
 * @param links each member's link (by row id): its best score within the cluster and the
 * evidence
 */
public record Cluster(List<MatchRecord> members, Map<Long, Link> links) {

	/** The evidence of a record that is its incident's only source. */
	public static final String SINGLE_SOURCE_EVIDENCE = "{\"rule\":\"single-source\"}";

	/** The evidence of a record a curator put with another. */
	public static final String CURATOR_MERGE_EVIDENCE = "{\"rule\":\"curator-merge\"}";

	/**
	 * Why a record is in its cluster.
	 *
	 * @param score the score of its best link (1 for a single source or a curator's
	 * merge)
	 * @param evidence JSON
	 */
	public record Link(double score, String evidence) {

	}

}
