package org.incidentintel.domain.report;

/**
 * How a published figure relates to its value: exactly, or as a bound ("under 8%", "at
 * least 432"), or roughly ("nearly 75%").
 */
public enum Comparison {

	/** The figure is the value. */
	EQUAL,

	/** The value is below the figure ("under 8%"). */
	LESS_THAN,

	/** The value is above the figure ("more than 300"). */
	MORE_THAN,

	/** The value is the figure or more ("at least 432"). */
	AT_LEAST,

	/** The value is close to the figure ("nearly 75%", "about 600"). */
	APPROXIMATELY

}
