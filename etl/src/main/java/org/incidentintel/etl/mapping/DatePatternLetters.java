package org.incidentintel.etl.mapping;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Whether a {@code java.time} pattern's letters can read a date as its author meant.
 * {@code DateParser} resolves only year, month and day and ignores every other field, so
 * a letter that looks like a date field but is not ({@code mm} is the minute, {@code DD}
 * the day of the year) passes the syntax check and silently loads every date with a
 * coarser precision. A time of day is fine after a full day, month and year: it is read
 * and ignored.
 */
final class DatePatternLetters {

	/** The time-of-day letters of {@code DateTimeFormatter} and what they read. */
	private static final Map<Character, String> TIME_OF_DAY = Map.ofEntries(Map.entry('H', "the hour of the day"),
			Map.entry('k', "the hour of the day"), Map.entry('h', "the hour of the morning or afternoon"),
			Map.entry('K', "the hour of the morning or afternoon"), Map.entry('m', "the minute"),
			Map.entry('s', "the second"), Map.entry('S', "a fraction of a second"), Map.entry('n', "the nanosecond"),
			Map.entry('N', "the nanosecond of the day"), Map.entry('A', "the millisecond of the day"),
			Map.entry('a', "AM or PM"), Map.entry('B', "the period of the day"));

	/**
	 * Letters that read a part of a date which the parser never resolves, and what they
	 * read.
	 */
	private static final Map<Character, String> NOT_READ = Map.of('D', "the day of the year", 'w',
			"the week of the year", 'W', "the week of the month", 'Q', "the quarter", 'q', "the quarter", 'F',
			"the week of the month");

	private final String pattern;

	private final List<String> runs;

	private DatePatternLetters(String pattern, List<String> runs) {
		this.pattern = pattern;
		this.runs = runs;
	}

	/**
	 * The letters of a pattern that {@code DateTimeFormatter} already accepted.
	 * @param pattern the pattern
	 * @return its letter runs outside quoted text
	 */
	static DatePatternLetters of(String pattern) {
		List<String> runs = new ArrayList<>();
		boolean quoted = false;
		int i = 0;
		while (i < pattern.length()) {
			char c = pattern.charAt(i);
			if (c == '\'') {
				quoted = !quoted;
				i++;
				continue;
			}
			int end = i + 1;
			while (end < pattern.length() && pattern.charAt(end) == c) {
				end++;
			}
			if (!quoted && isLetter(c)) {
				runs.add(pattern.substring(i, end));
			}
			i = end;
		}
		return new DatePatternLetters(pattern, runs);
	}

	/**
	 * Why the pattern cannot read a date as meant, with the fix; empty when it can.
	 * @return the problem, e.g. {@code "dd/mm/yyyy" has "mm" (the minute, a time of
	 * day) and no month, ...; did you mean "dd/MM/yyyy"?}
	 */
	Optional<String> problem() {
		String quoted = "\"" + this.pattern + "\"";
		Optional<String> notRead = this.runs.stream().filter((run) -> NOT_READ.containsKey(run.charAt(0))).findFirst();
		if (notRead.isPresent()) {
			char letter = notRead.get().charAt(0);
			return Optional.of(quoted + " has \"" + notRead.get() + "\" (" + NOT_READ.get(letter)
					+ "), which is not read; "
					+ ((letter == 'D') ? "write the day of the month as dd" : "write the date with dd, MM and yyyy"));
		}
		boolean day = find('d').isPresent();
		boolean month = find('M').isPresent() || find('L').isPresent();
		Optional<String> time = this.runs.stream().filter((run) -> TIME_OF_DAY.containsKey(run.charAt(0))).findFirst();
		if (time.isPresent() && !(day && month)) {
			String missing = month ? "day" : "month";
			String loadsAs = month ? "month" : "year";
			return Optional.of(quoted + " has \"" + time.get() + "\" (" + TIME_OF_DAY.get(time.get().charAt(0))
					+ ", a time of day) and no " + missing + ", so every date would load as its " + loadsAs + " alone; "
					+ fix(month));
		}
		if (day && !month) {
			return Optional.of(quoted + " has a day but no month (MM or MMM)");
		}
		return Optional.empty();
	}

	// Minutes written for the month are the usual slip: suggest the pattern with MM
	private String fix(boolean month) {
		if (!month && find('m').isPresent()) {
			return "did you mean \"" + swapMinutesForMonths() + "\"?";
		}
		return month ? "write the day of the month as dd" : "write the month as MM or MMM";
	}

	private String swapMinutesForMonths() {
		StringBuilder fixed = new StringBuilder();
		boolean quoted = false;
		for (char c : this.pattern.toCharArray()) {
			if (c == '\'') {
				quoted = !quoted;
			}
			fixed.append((!quoted && c == 'm') ? 'M' : c);
		}
		return fixed.toString();
	}

	private Optional<String> find(char letter) {
		return this.runs.stream().filter((run) -> run.charAt(0) == letter).findFirst();
	}

	private static boolean isLetter(char c) {
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
	}

}
