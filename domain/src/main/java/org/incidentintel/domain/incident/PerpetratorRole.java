package org.incidentintel.domain.incident;

/**
 * How an organization took part in an incident.
 */
public enum PerpetratorRole {

	/** Carried out the attack (one-sided violence, terrorist attack). */
	PERPETRATOR,
	/** Claimed responsibility, whether or not the claim is confirmed. */
	CLAIMED,
	/** First side of a two-sided event (in UCDP usually the government). */
	SIDE_A,
	/** Second side of a two-sided event. */
	SIDE_B

}
