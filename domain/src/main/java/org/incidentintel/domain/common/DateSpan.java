package org.incidentintel.domain.common;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Objects;

/**
 * When something happened: an inclusive range of days and how precisely it is known.
 *
 * <p>
 * A date known only to the month spans the whole month and one known only to the year
 * spans the whole year, so no day is ever invented.
 *
 * @param start first day, inclusive
 * @param end last day, inclusive, never before {@code start}
 * @param precision how precisely the source knew the date
 */
public record DateSpan(LocalDate start, LocalDate end, DatePrecision precision) {

	public DateSpan {
		Objects.requireNonNull(start, "start must not be null");
		Objects.requireNonNull(end, "end must not be null");
		Objects.requireNonNull(precision, "precision must not be null");
		if (end.isBefore(start)) {
			throw new IllegalArgumentException("end " + end + " is before start " + start);
		}
	}

	/**
	 * A single day.
	 * @param day the day
	 * @return a one-day span with day precision
	 */
	public static DateSpan day(LocalDate day) {
		return new DateSpan(day, day, DatePrecision.DAY);
	}

	/**
	 * Several days, each known exactly (for example an event reported as lasting from one
	 * day to another).
	 * @param start first day, inclusive
	 * @param end last day, inclusive
	 * @return a span with day precision
	 */
	public static DateSpan days(LocalDate start, LocalDate end) {
		return new DateSpan(start, end, DatePrecision.DAY);
	}

	/**
	 * A date known only to the month.
	 * @param month the month
	 * @return a span from the first to the last day of the month, with month precision
	 */
	public static DateSpan month(YearMonth month) {
		return new DateSpan(month.atDay(1), month.atEndOfMonth(), DatePrecision.MONTH);
	}

	/**
	 * A date known only to the year.
	 * @param year the year
	 * @return a span from 1 January to 31 December, with year precision
	 */
	public static DateSpan year(int year) {
		return new DateSpan(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31), DatePrecision.YEAR);
	}

	/**
	 * Whether the span is a single day.
	 * @return {@code true} if start and end are the same day
	 */
	public boolean isSingleDay() {
		return this.start.equals(this.end);
	}

	/**
	 * Whether this span lies entirely within another.
	 * @param other the enclosing candidate
	 * @return {@code true} if every day of this span is also in {@code other}
	 */
	public boolean isWithin(DateSpan other) {
		return !this.start.isBefore(other.start) && !this.end.isAfter(other.end);
	}

}
