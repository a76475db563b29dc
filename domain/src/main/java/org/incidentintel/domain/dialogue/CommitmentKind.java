package org.incidentintel.domain.dialogue;

/**
 * Whether an outcome of a dialogue round looks ahead (what the governments resolved to
 * do) or back (what was done since the previous round).
 */
public enum CommitmentKind {

	/** What the governments committed or resolved to do. */
	COMMITMENT,

	/** What was achieved before the round and reported at it. */
	ACHIEVEMENT

}
