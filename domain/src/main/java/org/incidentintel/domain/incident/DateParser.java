package org.incidentintel.domain.incident;

import java.text.ParsePosition;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Month;
import java.time.Year;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.format.TextStyle;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.incidentintel.domain.common.DatePrecision;
import org.incidentintel.domain.common.DateSpan;

/**
 * Reads every date style the incident sources use into a {@link DateSpan}, never
 * inventing a day.
 *
 * <p>
 * Styles recognised by {@link #parse(String)} (month and weekday names in English, any
 * case, full or abbreviated, {@code Sept} too; extra spaces tolerated):
 * <ul>
 * <li>ISO {@code 2024-05-10}, also with a time {@code 1990-10-04 00:00:00.000} (UCDP; the
 * time is ignored), {@code 2013-03} (month) and {@code 2013} (year)</li>
 * <li>{@code 10 May 2024}, {@code 09-May-2020} and Excel-resaved {@code 9-May-20}</li>
 * <li>{@code March 2013} (month)</li>
 * <li>{@code Friday, June 18, 2004} and {@code June 18, 2004}</li>
 * <li>Pakistan Body Count: {@code Sunday-November 19-1995},
 * {@code Saturday-November-25-2017}, {@code Thursday-Oct-22-2015}</li>
 * <li>Excel serial numbers as text, {@code 39711} or {@code 39711.0} (five digits, that
 * is 1927 to 2173; four digits are read as a year)</li>
 * <li>ranges of the above: {@code 2013-03-05 - 2013-03-10}, {@code January 19-24, 1993},
 * {@code January 30-February 2, 1993}, {@code March 2013 to May 2013}</li>
 * </ul>
 * Two-digit years pivot at 70: {@code 00}-{@code 69} are 2000-2069 and
 * {@code 70}-{@code 99} are 1970-1999, since no source reaches back before GTD's 1970 and
 * none forward past 2069. Slash dates such as {@code 06/18/2004} are deliberately not
 * guessed (day and month order is ambiguous): declare them with
 * {@link #withPatterns(List)} (only {@link #ucdp} reads them, in the order UCDP's
 * explorer export fixes).
 *
 * <p>
 * A weekday that contradicts the date does not reject it (real files contain such slips);
 * {@link #inspect(String)} reports it as a warning. Source-specific layouts whose meaning
 * the codebooks fix are static: {@link #gtd}, {@link #ucdp},
 * {@link #excelSerial(double)}.
 */
public final class DateParser {

	private static final DateParser STANDARD = new DateParser(List.of(), List.of());

	/** Base of the two-digit year window: 70 is 1970, 69 is 2069. */
	private static final int TWO_DIGIT_YEAR_BASE = 1970;

	/** Excel day 0 for serials after the phantom 29 February 1900 (serial 60). */
	private static final LocalDate EXCEL_EPOCH = LocalDate.of(1899, 12, 30);

	/** The largest serial Excel accepts: 9999-12-31. */
	private static final double EXCEL_MAX_SERIAL = 2958465;

	private static final Map<String, Month> MONTHS = new HashMap<>();

	private static final Map<String, DayOfWeek> WEEKDAYS = new HashMap<>();

	static {
		for (Month month : Month.values()) {
			MONTHS.put(month.getDisplayName(TextStyle.FULL, Locale.ENGLISH).toLowerCase(Locale.ROOT), month);
			MONTHS.put(month.getDisplayName(TextStyle.SHORT, Locale.ENGLISH).toLowerCase(Locale.ROOT), month);
		}
		MONTHS.put("sept", Month.SEPTEMBER);
		for (DayOfWeek day : DayOfWeek.values()) {
			WEEKDAYS.put(day.getDisplayName(TextStyle.FULL, Locale.ENGLISH).toLowerCase(Locale.ROOT), day);
			WEEKDAYS.put(day.getDisplayName(TextStyle.SHORT, Locale.ENGLISH).toLowerCase(Locale.ROOT), day);
		}
		WEEKDAYS.put("tues", DayOfWeek.TUESDAY);
		WEEKDAYS.put("thur", DayOfWeek.THURSDAY);
		WEEKDAYS.put("thurs", DayOfWeek.THURSDAY);
	}

	private static final String WORD = "([A-Za-z]+)\\.?";

	private static final Pattern ISO = Pattern
		.compile("(\\d{4})-(\\d{1,2})-(\\d{1,2})(?:[ T](\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d{1,9})?)?))?");

	private static final Pattern ISO_MONTH = Pattern.compile("(\\d{4})-(\\d{1,2})");

	private static final Pattern YEAR = Pattern.compile("\\d{4}");

	private static final Pattern EXCEL_SERIAL = Pattern.compile("\\d{5}(?:\\.\\d+)?");

	/** {@code 10 May 2024}, {@code 9-May-20}, {@code Friday, 18 June 2004}. */
	private static final Pattern DAY_MONTH_YEAR = Pattern
		.compile("(?:([A-Za-z]+),? )?(\\d{1,2})[- ]" + WORD + "[- ](\\d{4}|\\d{2})");

	/** {@code March 2013}, {@code Mar-2013}. */
	private static final Pattern MONTH_YEAR = Pattern.compile(WORD + "[- ](\\d{4})");

	/**
	 * Pakistan Body Count: {@code Sunday-November 19-1995}, {@code Thursday-Oct-22-2015}.
	 */
	private static final Pattern WEEKDAY_DASHED = Pattern.compile("([A-Za-z]+)-" + WORD + "[- ](\\d{1,2})-(\\d{4})");

	/** {@code Friday, June 18, 2004}, {@code June 18, 2004}. */
	private static final Pattern MONTH_DAY_YEAR = Pattern
		.compile("(?:([A-Za-z]+),? )?" + WORD + " (\\d{1,2}),? (\\d{4})");

	/** GTD approxdate: {@code January 19-24, 1993}. */
	private static final Pattern MONTH_DAYS_YEAR = Pattern.compile(WORD + " (\\d{1,2})-(\\d{1,2}),? (\\d{4})");

	/** GTD approxdate: {@code January 30-February 2, 1993}. */
	private static final Pattern MONTH_DAY_MONTH_DAY_YEAR = Pattern
		.compile(WORD + " (\\d{1,2})-" + WORD + " (\\d{1,2}),? (\\d{4})");

	/**
	 * The UCDP explorer export: {@code 03/27/1990 00:00:00} or
	 * {@code 3/27/1990 12:00:00 AM}, month first.
	 */
	private static final Pattern UCDP_US_DATE = Pattern
		.compile("(\\d{1,2})/(\\d{1,2})/(\\d{4})(?: (\\d{1,2}):(\\d{2})(?::(\\d{2}))?(?: ?([AaPp][Mm]))?)?");

	/** Two dates joined by a spaced dash or "to"; unspaced dashes belong to the dates. */
	private static final Pattern RANGE_SEPARATOR = Pattern.compile(" (?:-|to|until) ", Pattern.CASE_INSENSITIVE);

	private final List<String> patterns;

	private final List<DateTimeFormatter> formatters;

	private DateParser(List<String> patterns, List<DateTimeFormatter> formatters) {
		this.patterns = patterns;
		this.formatters = formatters;
	}

	/**
	 * The parser for the built-in styles.
	 * @return the shared standard parser
	 */
	public static DateParser standard() {
		return STANDARD;
	}

	/**
	 * A parser that first tries the given {@link DateTimeFormatter} patterns, in order,
	 * then the built-in styles. Patterns are case-insensitive, English and strict (no 30
	 * February); a two-letter year ({@code yy}) uses the same 1970-2069 window as the
	 * built-in styles rather than java.time's 2000-2099, and a pattern without a day
	 * yields a month or year span. Time fields are parsed but ignored.
	 * @param javaTimePatterns patterns such as {@code MM/dd/yyyy}
	 * @return the parser
	 * @throws IllegalArgumentException if a pattern is invalid
	 */
	public static DateParser withPatterns(List<String> javaTimePatterns) {
		List<String> patterns = List.copyOf(javaTimePatterns);
		return new DateParser(patterns, patterns.stream().map(DateParser::formatter).toList());
	}

	/**
	 * Read a date cell.
	 * @param text the cell
	 * @return the span
	 * @throws DateParseException on garbage or a day that does not exist
	 */
	public DateSpan parse(String text) {
		return inspect(text).span();
	}

	/**
	 * Read a date cell and report anything suspicious that did not prevent reading it,
	 * such as a weekday that contradicts the date.
	 * @param text the cell
	 * @return the span and any warnings
	 * @throws DateParseException on garbage or a day that does not exist
	 */
	public ParsedDate inspect(String text) {
		if (text == null) {
			throw new DateParseException(null, "no date given");
		}
		String normalized = normalize(text);
		if (normalized.isEmpty()) {
			throw new DateParseException(text, "the cell is blank");
		}
		List<DateWarning> warnings = new ArrayList<>();
		String patternFailure = null;
		for (int i = 0; i < this.formatters.size(); i++) {
			try {
				return new ParsedDate(parseWithPattern(this.formatters.get(i), normalized, warnings), warnings);
			}
			catch (DateTimeParseException ex) {
				// Keep the first complaint: it explains a strict rejection such as 02/30
				patternFailure = (patternFailure != null) ? patternFailure
						: "pattern '" + this.patterns.get(i) + "': " + ex.getMessage();
			}
		}
		try {
			DateSpan range = parseRange(normalized, warnings);
			DateSpan span = (range != null) ? range : parseSingle(normalized, warnings);
			return new ParsedDate(span, warnings);
		}
		catch (DateParseException ex) {
			// Report the cell as given, not as normalized or as a serial number
			String reason = (patternFailure != null) ? ex.getReason() + "; " + patternFailure : ex.getReason();
			throw new DateParseException(text, reason);
		}
	}

	/**
	 * A Global Terrorism Database date from its coded fields. A month of 0 means only the
	 * year is known and a day of 0 only the month; the span then covers the whole year or
	 * month. The free-text {@code approxdate} narrows such a span when it can be read and
	 * lies within it ({@code January 19-24, 1993}, {@code 2013-03-05 - 2013-03-10});
	 * otherwise it is ignored, since it is often prose.
	 * @param year {@code iyear}
	 * @param month {@code imonth}, 0 if unknown
	 * @param day {@code iday}, 0 if unknown
	 * @param approxdate {@code approxdate}, may be {@code null} or blank
	 * @return the span
	 * @throws DateParseException if the fields name no real date
	 */
	public static DateSpan gtd(int year, int month, int day, String approxdate) {
		DateSpan coded = gtdFields(year, month, day);
		if (coded.precision() == DatePrecision.DAY || approxdate == null || approxdate.isBlank()) {
			return coded;
		}
		try {
			DateSpan approximate = STANDARD.parse(approxdate);
			return approximate.isWithin(coded) ? approximate : coded;
		}
		catch (DateParseException ex) {
			return coded;
		}
	}

	private static DateSpan gtdFields(int year, int month, int day) {
		String input = "iyear=" + year + " imonth=" + month + " iday=" + day;
		if (year < 1 || year > 9999) {
			throw new DateParseException(input, "year " + year + " is out of range");
		}
		if (month < 0 || month > 12) {
			throw new DateParseException(input, "month " + month + " is not 0 (unknown) or 1-12");
		}
		if (day < 0 || day > 31) {
			throw new DateParseException(input, "day " + day + " is not 0 (unknown) or 1-31");
		}
		if (month == 0) {
			if (day != 0) {
				throw new DateParseException(input, "a day is given but the month is unknown");
			}
			return DateSpan.year(year);
		}
		if (day == 0) {
			return DateSpan.month(YearMonth.of(year, month));
		}
		return DateSpan.day(date(input, year, month, day));
	}

	/**
	 * A UCDP GED date. {@code date_prec} 1 (exact day), 2 (within 2-6 days) and 3 (week)
	 * keep day precision over {@code date_start..date_end}; 4 (month) and 5 (year or
	 * more) keep the same days but record month or year precision, because UCDP already
	 * chose the bounds and widening them would invent a range it did not report.
	 * <p>
	 * Besides the ISO dates of the download and the API, the UCDP explorer export's
	 * {@code 03/27/1990 00:00:00} is read, month first: UCDP fixes that order for its
	 * export, so here (unlike in {@link #parse}) a slash date is not ambiguous. The time
	 * is checked and ignored.
	 * @param dateStart {@code date_start}, e.g. {@code 1990-10-04 00:00:00.000}
	 * @param dateEnd {@code date_end}; blank means the same as the start
	 * @param datePrec {@code date_prec}, 1-5
	 * @return the span
	 * @throws DateParseException on unreadable dates, an end before the start or an
	 * unknown precision code
	 */
	public static DateSpan ucdp(String dateStart, String dateEnd, int datePrec) {
		LocalDate start = singleDay(dateStart);
		LocalDate end = (dateEnd == null || dateEnd.isBlank()) ? start : singleDay(dateEnd);
		if (end.isBefore(start)) {
			throw new DateParseException(dateStart + " .. " + dateEnd, "date_end is before date_start");
		}
		DatePrecision precision = switch (datePrec) {
			case 1, 2, 3 -> DatePrecision.DAY;
			case 4 -> DatePrecision.MONTH;
			case 5 -> DatePrecision.YEAR;
			default ->
				throw new DateParseException(dateStart + " .. " + dateEnd, "date_prec " + datePrec + " is not 1-5");
		};
		return new DateSpan(start, end, precision);
	}

	private static LocalDate singleDay(String text) {
		Matcher usDate = UCDP_US_DATE.matcher(normalize(text));
		if (usDate.matches()) {
			if (usDate.group(4) != null) {
				clockTime(text, usDate.group(4), usDate.group(5), usDate.group(6), usDate.group(7));
			}
			return date(text, Integer.parseInt(usDate.group(3)), Integer.parseInt(usDate.group(1)),
					Integer.parseInt(usDate.group(2)));
		}
		DateSpan span = STANDARD.parse(text);
		if (span.precision() != DatePrecision.DAY || !span.isSingleDay()) {
			throw new DateParseException(text, "expected a single day");
		}
		return span.start();
	}

	/**
	 * A day from an Excel serial number in the 1900 date system. Excel inherited Lotus
	 * 1-2-3's belief that 1900 was a leap year: serial 60 is the phantom 29 February 1900
	 * and is rejected, 59 is 28 February and 61 is 1 March 1900. A fraction (the time of
	 * day) is ignored.
	 * @param serial the serial, 1 (1900-01-01) to 2958465 (9999-12-31)
	 * @return a one-day span
	 * @throws DateParseException if the serial is out of range or 60
	 */
	public static DateSpan excelSerial(double serial) {
		String input = String.valueOf(serial);
		if (!(serial >= 1 && serial < EXCEL_MAX_SERIAL + 1)) {
			throw new DateParseException(input, "an Excel serial date must be between 1 and 2958465");
		}
		long whole = (long) Math.floor(serial);
		if (whole == 60) {
			throw new DateParseException(input,
					"Excel serial 60 is 29 February 1900, a day Excel counts but which never existed");
		}
		// Serials before the phantom day are one day further from the epoch
		return DateSpan.day(EXCEL_EPOCH.plusDays((whole < 60) ? whole + 1 : whole));
	}

	private static String normalize(String text) {
		return text.replaceAll("[\\u2012\\u2013\\u2014\\u2212]", "-").replaceAll("[\\s\\p{Z}]+", " ").strip();
	}

	/** Spaces around dashes and before commas are noise once ranges are split off. */
	private static String tighten(String text) {
		return text.replaceAll(" ?- ?", "-").replaceAll(" ?, ?", ", ").strip();
	}

	private static DateSpan parseRange(String text, List<DateWarning> warnings) {
		String tight = tighten(text);
		Matcher matcher = MONTH_DAYS_YEAR.matcher(tight);
		if (matcher.matches()) {
			Month month = month(text, matcher.group(1));
			int year = Integer.parseInt(matcher.group(4));
			return days(text, date(text, year, month.getValue(), Integer.parseInt(matcher.group(2))),
					date(text, year, month.getValue(), Integer.parseInt(matcher.group(3))));
		}
		matcher = MONTH_DAY_MONTH_DAY_YEAR.matcher(tight);
		if (matcher.matches()) {
			int year = Integer.parseInt(matcher.group(5));
			return days(text,
					date(text, year, month(text, matcher.group(1)).getValue(), Integer.parseInt(matcher.group(2))),
					date(text, year, month(text, matcher.group(3)).getValue(), Integer.parseInt(matcher.group(4))));
		}
		String[] parts = RANGE_SEPARATOR.split(text);
		if (parts.length != 2) {
			return null;
		}
		// Warnings count only if both halves turn out to be dates
		List<DateWarning> halfWarnings = new ArrayList<>();
		DateSpan from;
		DateSpan to;
		try {
			from = parseSingle(parts[0], halfWarnings);
			to = parseSingle(parts[1], halfWarnings);
		}
		catch (DateParseException ex) {
			// Not two dates after all, e.g. "Sunday - November 19-1995" with stray spaces
			return null;
		}
		warnings.addAll(halfWarnings);
		if (to.end().isBefore(from.start())) {
			throw new DateParseException(text, "the range ends before it starts");
		}
		DatePrecision coarser = (from.precision().compareTo(to.precision()) >= 0) ? from.precision() : to.precision();
		return new DateSpan(from.start(), to.end(), coarser);
	}

	private static DateSpan days(String text, LocalDate start, LocalDate end) {
		if (end.isBefore(start)) {
			throw new DateParseException(text, "the range ends before it starts");
		}
		return DateSpan.days(start, end);
	}

	private static DateSpan parseSingle(String text, List<DateWarning> warnings) {
		String tight = tighten(text);
		Matcher matcher = ISO.matcher(tight);
		if (matcher.matches()) {
			if (matcher.group(4) != null) {
				time(text, matcher.group(4));
			}
			return DateSpan.day(date(text, Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)),
					Integer.parseInt(matcher.group(3))));
		}
		matcher = ISO_MONTH.matcher(tight);
		if (matcher.matches()) {
			return DateSpan
				.month(yearMonth(text, Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2))));
		}
		if (YEAR.matcher(tight).matches()) {
			return DateSpan.year(Integer.parseInt(tight));
		}
		if (EXCEL_SERIAL.matcher(tight).matches()) {
			return excelSerial(Double.parseDouble(tight));
		}
		matcher = DAY_MONTH_YEAR.matcher(tight);
		if (matcher.matches()) {
			LocalDate date = date(text, year(matcher.group(4)), month(text, matcher.group(3)).getValue(),
					Integer.parseInt(matcher.group(2)));
			checkWeekday(text, matcher.group(1), date, warnings);
			return DateSpan.day(date);
		}
		matcher = MONTH_YEAR.matcher(tight);
		if (matcher.matches()) {
			return DateSpan
				.month(yearMonth(text, Integer.parseInt(matcher.group(2)), month(text, matcher.group(1)).getValue()));
		}
		matcher = WEEKDAY_DASHED.matcher(tight);
		if (matcher.matches()) {
			LocalDate date = date(text, Integer.parseInt(matcher.group(4)), month(text, matcher.group(2)).getValue(),
					Integer.parseInt(matcher.group(3)));
			checkWeekday(text, matcher.group(1), date, warnings);
			return DateSpan.day(date);
		}
		matcher = MONTH_DAY_YEAR.matcher(tight);
		if (matcher.matches()) {
			LocalDate date = date(text, Integer.parseInt(matcher.group(4)), month(text, matcher.group(2)).getValue(),
					Integer.parseInt(matcher.group(3)));
			checkWeekday(text, matcher.group(1), date, warnings);
			return DateSpan.day(date);
		}
		throw new DateParseException(text, "not a recognised date style");
	}

	private static int year(String digits) {
		int year = Integer.parseInt(digits);
		if (digits.length() == 2) {
			return (year < TWO_DIGIT_YEAR_BASE % 100) ? 2000 + year : 1900 + year;
		}
		return year;
	}

	private static Month month(String text, String name) {
		Month month = MONTHS.get(name.toLowerCase(Locale.ROOT));
		if (month == null) {
			throw new DateParseException(text, "'" + name + "' is not a month");
		}
		return month;
	}

	private static LocalDate date(String text, int year, int month, int day) {
		try {
			return LocalDate.of(year, month, day);
		}
		catch (DateTimeException ex) {
			throw new DateParseException(text, "no such day: " + ex.getMessage());
		}
	}

	private static YearMonth yearMonth(String text, int year, int month) {
		try {
			return YearMonth.of(year, month);
		}
		catch (DateTimeException ex) {
			throw new DateParseException(text, "no such month: " + ex.getMessage());
		}
	}

	private static void time(String text, String time) {
		try {
			LocalTime.parse(time);
		}
		catch (DateTimeParseException ex) {
			throw new DateParseException(text, "no such time of day: " + time);
		}
	}

	/** A time of day on the 24-hour clock, or on the 12-hour one with AM/PM. */
	private static void clockTime(String text, String hours, String minutes, String seconds, String halfDay) {
		int hour = Integer.parseInt(hours);
		boolean hourValid = (halfDay != null) ? hour >= 1 && hour <= 12 : hour <= 23;
		if (!hourValid || Integer.parseInt(minutes) > 59 || (seconds != null && Integer.parseInt(seconds) > 59)) {
			throw new DateParseException(text, "no such time of day: " + hours + ":" + minutes
					+ ((seconds != null) ? ":" + seconds : "") + ((halfDay != null) ? " " + halfDay : ""));
		}
	}

	/**
	 * The weekday is redundant, so a contradiction is only a warning; a misspelt one
	 * ({@code Thursay}) is read by its first three letters, and anything else in its
	 * place means the cell is not a date in this style.
	 */
	private static void checkWeekday(String text, String name, LocalDate date, List<DateWarning> warnings) {
		if (name == null) {
			return;
		}
		String key = name.toLowerCase(Locale.ROOT);
		DayOfWeek weekday = WEEKDAYS.get(key);
		if (weekday == null) {
			weekday = (key.length() > 3) ? WEEKDAYS.get(key.substring(0, 3)) : null;
			if (weekday == null) {
				throw new DateParseException(text, "'" + name + "' is not a weekday");
			}
			warnings.add(new DateWarning(DateWarning.Code.WEEKDAY_MISSPELT,
					"misspelt weekday '" + name + "' read as " + displayName(weekday)));
		}
		checkWeekday(name, weekday, date, warnings);
	}

	private static void checkWeekday(String name, DayOfWeek weekday, LocalDate date, List<DateWarning> warnings) {
		if (weekday != date.getDayOfWeek()) {
			warnings.add(new DateWarning(DateWarning.Code.WEEKDAY_MISMATCH,
					"weekday '" + name + "' contradicts " + date + ", which is a " + displayName(date.getDayOfWeek())));
		}
	}

	private static String displayName(DayOfWeek weekday) {
		return weekday.getDisplayName(TextStyle.FULL, Locale.ENGLISH);
	}

	private static DateSpan parseWithPattern(DateTimeFormatter formatter, String text, List<DateWarning> warnings) {
		TemporalAccessor parsed = formatter.parseBest(text, LocalDate::from, YearMonth::from, Year::from);
		if (parsed instanceof LocalDate date) {
			TemporalAccessor raw = formatter.parseUnresolved(text, new ParsePosition(0));
			if (raw != null && raw.isSupported(ChronoField.DAY_OF_WEEK)) {
				DayOfWeek weekday = DayOfWeek.of((int) raw.getLong(ChronoField.DAY_OF_WEEK));
				checkWeekday(displayName(weekday), weekday, date, warnings);
			}
			return DateSpan.day(date);
		}
		if (parsed instanceof YearMonth month) {
			return DateSpan.month(month);
		}
		return DateSpan.year(((Year) parsed).getValue());
	}

	/**
	 * A strict, case-insensitive English formatter. The day of the week is left out of
	 * resolution so that a contradicting weekday is reported instead of failing the
	 * parse; the era defaults to AD so that {@code yyyy} works under strict resolution.
	 */
	private static DateTimeFormatter formatter(String pattern) {
		Objects.requireNonNull(pattern, "pattern must not be null");
		DateTimeFormatterBuilder builder = new DateTimeFormatterBuilder().parseCaseInsensitive();
		appendWithYearWindow(builder, pattern);
		return builder.parseDefaulting(ChronoField.ERA, 1)
			.toFormatter(Locale.ENGLISH)
			.withResolverStyle(ResolverStyle.STRICT)
			.withResolverFields(ChronoField.ERA, ChronoField.YEAR_OF_ERA, ChronoField.YEAR, ChronoField.MONTH_OF_YEAR,
					ChronoField.DAY_OF_MONTH);
	}

	/**
	 * Copies the pattern, swapping unquoted {@code yy}/{@code uu} for the 1970-2069
	 * window.
	 */
	private static void appendWithYearWindow(DateTimeFormatterBuilder builder, String pattern) {
		StringBuilder pending = new StringBuilder();
		boolean quoted = false;
		int i = 0;
		while (i < pattern.length()) {
			char c = pattern.charAt(i);
			int run = 1;
			while (i + run < pattern.length() && pattern.charAt(i + run) == c) {
				run++;
			}
			if (!quoted && run == 2 && (c == 'y' || c == 'u')) {
				builder.appendPattern(pending.toString());
				pending.setLength(0);
				builder.appendValueReduced(ChronoField.YEAR, 2, 2, TWO_DIGIT_YEAR_BASE);
			}
			else {
				pending.append(pattern, i, i + run);
			}
			// '' is an escaped quote, so only an odd run of quotes opens or closes text
			if (c == '\'' && run % 2 == 1) {
				quoted = !quoted;
			}
			i += run;
		}
		builder.appendPattern(pending.toString());
	}

	/**
	 * A parsed date and anything suspicious noticed while reading it.
	 *
	 * @param span the date
	 * @param warnings human-readable notes, e.g. a contradicting weekday; empty if none
	 */
	public record ParsedDate(DateSpan span, List<DateWarning> warnings) {

		public ParsedDate {
			Objects.requireNonNull(span, "span must not be null");
			warnings = List.copyOf(warnings);
		}

		/**
		 * Whether anything suspicious was noticed.
		 * @return {@code true} if there are warnings
		 */
		public boolean hasWarnings() {
			return !this.warnings.isEmpty();
		}

	}

}
