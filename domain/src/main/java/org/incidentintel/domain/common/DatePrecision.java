package org.incidentintel.domain.common;

/**
 * How precisely a date is known: a day, a month or only a year.
 */
public enum DatePrecision {

	DAY, MONTH, YEAR

}
