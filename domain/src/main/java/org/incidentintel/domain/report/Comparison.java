package org.incidentintel.domain.report;

/**
 * How a published figure relates to its value: exactly, or as a bound ("under 8%").
 */
public enum Comparison {

	EQUAL, LESS_THAN, MORE_THAN

}
