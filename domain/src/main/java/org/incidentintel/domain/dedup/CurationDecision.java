package org.incidentintel.domain.dedup;

/**
 * A curator's decision about two source records, stored in {@code curation_decision}.
 */
public enum CurationDecision {

	/** The two records are one incident (a merge). */
	TOGETHER,

	/** The two records are different incidents (a split). */
	APART

}
