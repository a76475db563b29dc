package org.incidentintel.domain.incident;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.incidentintel.domain.incident.CasualtyParseException.Reason;

/**
 * Reads casualty count cells: unknown-value sentinels become {@code null}, float strings
 * and thousands separators are accepted, anything else that is not a whole, non-negative
 * number is rejected with a {@link Reason}.
 *
 * <p>
 * The default sentinels, compared case-insensitively after trimming, are {@code Unknown},
 * {@code -9}, {@code -99} (GTD), {@code NA}, {@code N/A}, {@code -}, a blank cell and
 * {@code null}; a numeric sentinel also matches its float form ({@code -9.0}).
 *
 * <p>
 * Ranges: when both bounds are known the best figure is the maximum, because Pakistan
 * Body Count publishes its {@code Killed Max} as the headline count; when only one bound
 * is known it is the best figure. The midpoint is never used, as no source reports it.
 */
public final class CasualtyParser {

	/**
	 * The sentinels every parser knows, in lower case; blank and {@code null} are
	 * implied.
	 */
	public static final Set<String> DEFAULT_SENTINELS = Set.of("unknown", "-9", "-99", "na", "n/a", "-");

	private static final CasualtyParser STANDARD = new CasualtyParser(Set.of());

	private static final BigDecimal MAX_COUNT = BigDecimal.valueOf(Integer.MAX_VALUE);

	private static final Pattern NUMBER = Pattern.compile("[+-]?(?:\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.\\d+)?");

	private static final String BOUND = "([+-]?[\\d,.]+)";

	private static final Pattern RANGE = Pattern.compile(BOUND + " ?(?:-|\\u2013|\\u2014|to) ?" + BOUND,
			Pattern.CASE_INSENSITIVE);

	/** {@code 40+}: at least forty, the upper bound unknown. */
	private static final Pattern AT_LEAST = Pattern.compile("([\\d,.]+) ?\\+");

	private final Set<String> sentinels;

	private CasualtyParser(Set<String> extraSentinels) {
		Set<String> all = new HashSet<>(DEFAULT_SENTINELS);
		extraSentinels.forEach((sentinel) -> all.add(normalize(sentinel).toLowerCase(Locale.ROOT)));
		this.sentinels = Set.copyOf(all);
	}

	/**
	 * The parser with the default sentinels.
	 * @return the shared standard parser
	 */
	public static CasualtyParser standard() {
		return STANDARD;
	}

	/**
	 * A parser that also treats the given values as unknown, e.g. UCDP's {@code -1}.
	 * @param extraSentinels values meaning unknown, compared case-insensitively after
	 * trimming
	 * @return the parser
	 */
	public static CasualtyParser withExtraSentinels(Set<String> extraSentinels) {
		return new CasualtyParser(extraSentinels);
	}

	/**
	 * Read one count cell.
	 * @param cell the cell, may be {@code null}
	 * @return the count, or {@code null} if the cell means unknown
	 * @throws CasualtyParseException if the cell is not a whole number or is negative
	 */
	public Integer parse(String cell) {
		return read(cell, false).count();
	}

	/**
	 * Read one count cell of a source that publishes fractions (GTD's {@code nkill} 19.8,
	 * {@code nwound} 0.33, where a total was shared out between events): a fraction is
	 * rounded half up, and the result says so, so that the caller can warn.
	 * @param cell the cell, may be {@code null}
	 * @return the count ({@code null} if the cell means unknown) and whether it was
	 * rounded
	 * @throws CasualtyParseException if the cell is not a number or is negative
	 */
	public ParsedCount parseRoundingFractions(String cell) {
		return read(cell, true);
	}

	private ParsedCount read(String cell, boolean roundFractions) {
		String text = (cell != null) ? normalize(cell) : "";
		if (isSentinel(text)) {
			return ParsedCount.UNKNOWN;
		}
		if (!NUMBER.matcher(text).matches()) {
			throw new CasualtyParseException(cell, Reason.NOT_A_NUMBER, "not a number");
		}
		BigDecimal value = new BigDecimal(text.replace(",", "")).stripTrailingZeros();
		boolean fraction = value.scale() > 0;
		if (fraction && !roundFractions) {
			throw new CasualtyParseException(cell, Reason.NOT_A_NUMBER, "not a whole number");
		}
		// Sentinels also arrive as float strings, e.g. GTD's "-99.0"
		if (isSentinel(value.toPlainString())) {
			return ParsedCount.UNKNOWN;
		}
		if (value.signum() < 0) {
			throw new CasualtyParseException(cell, Reason.NEGATIVE_COUNT, "a count cannot be negative");
		}
		BigDecimal whole = value.setScale(0, RoundingMode.HALF_UP);
		if (whole.compareTo(MAX_COUNT) > 0) {
			throw new CasualtyParseException(cell, Reason.NOT_A_NUMBER, "too large to be a count");
		}
		return new ParsedCount(whole.intValueExact(), fraction);
	}

	/**
	 * Read a count given as two cells, a minimum and a maximum.
	 * @param min the minimum cell, may be {@code null}
	 * @param max the maximum cell, may be {@code null}
	 * @return the range; best is the maximum, or the minimum when the maximum is unknown
	 * @throws CasualtyParseException if a cell cannot be read or the minimum exceeds the
	 * maximum ({@link Reason#RANGE_INVERTED})
	 */
	public CountRange parseRange(String min, String max) {
		Integer low = parse(min);
		Integer high = parse(max);
		if (low != null && high != null && low > high) {
			throw new CasualtyParseException(min + " .. " + max, Reason.RANGE_INVERTED,
					"the minimum " + low + " is greater than the maximum " + high);
		}
		return new CountRange(low, high, (high != null) ? high : low);
	}

	/**
	 * Read a count cell that may hold a range ({@code 10-15}, {@code 10 to 15}), a lower
	 * bound ({@code 40+}) or a single figure ({@code 12}, which becomes the best figure
	 * without bounds).
	 * @param cell the cell, may be {@code null}
	 * @return the range, every figure {@code null} if the cell means unknown
	 * @throws CasualtyParseException if the cell cannot be read or the range is inverted
	 */
	public CountRange parseRange(String cell) {
		String text = (cell != null) ? normalize(cell) : "";
		Matcher matcher = RANGE.matcher(text);
		if (matcher.matches()) {
			return parseRange(matcher.group(1), matcher.group(2));
		}
		matcher = AT_LEAST.matcher(text);
		if (matcher.matches()) {
			Integer low = parse(matcher.group(1));
			return new CountRange(low, null, low);
		}
		return CountRange.of(parse(cell));
	}

	private boolean isSentinel(String text) {
		return text.isEmpty() || this.sentinels.contains(text.toLowerCase(Locale.ROOT));
	}

	private static String normalize(String text) {
		return text.replaceAll("[\\s\\p{Z}]+", " ").strip();
	}

	/**
	 * A count as read by {@link #parseRoundingFractions(String)}.
	 *
	 * @param count the count, {@code null} if unknown
	 * @param rounded whether the cell held a fraction that was rounded to give it
	 */
	public record ParsedCount(Integer count, boolean rounded) {

		static final ParsedCount UNKNOWN = new ParsedCount(null, false);

	}

}
