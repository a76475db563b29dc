package org.incidentintel.domain.incident;

/**
 * What happened, at the level every source can agree on.
 */
public enum IncidentKind {

	/**
	 * A terrorist attack or other violence by a non-state actor against civilians or
	 * forces.
	 */
	ATTACK,
	/** A security or counter-terrorism operation by state forces. */
	SECURITY_OPERATION,
	/** Armed clash between two or more organized sides. */
	CLASH,
	/** A drone or air strike. */
	STRIKE,
	/** Anything else. */
	OTHER

}
