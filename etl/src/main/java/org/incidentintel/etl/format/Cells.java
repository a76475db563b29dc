package org.incidentintel.etl.format;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.incidentintel.domain.common.DateSpan;
import org.incidentintel.domain.common.GeoPoint;
import org.incidentintel.domain.incident.Casualties;
import org.incidentintel.domain.incident.CasualtyParseException;
import org.incidentintel.domain.incident.CasualtyParser;
import org.incidentintel.domain.incident.DateParseException;
import org.incidentintel.domain.incident.DateParser;
import org.incidentintel.etl.read.SourceRow;

/**
 * Cell reading shared by the formats: column lookup that tolerates case and a byte order
 * mark, whole numbers that arrive as float strings ({@code "5.0"}), and the mapping of
 * the domain parsers' exceptions to rejects that name the column.
 */
final class Cells {

	private static final Pattern NUMBER = Pattern.compile("[+-]?\\d+(?:\\.\\d+)?(?:[eE][+-]?\\d+)?");

	private Cells() {
	}

	/** A header name as compared by {@code recognizes}: no BOM, trimmed, lower case. */
	static String headerKey(String name) {
		return (name != null) ? name.replace("\uFEFF", "").strip().toLowerCase(Locale.ROOT) : "";
	}

	/** Whether a header has all these columns (case-insensitive). */
	static boolean hasAll(List<String> header, String... columns) {
		List<String> keys = header.stream().map(Cells::headerKey).toList();
		for (String column : columns) {
			if (!keys.contains(headerKey(column))) {
				return false;
			}
		}
		return true;
	}

	/**
	 * The raw value of a column, matched exactly or else case-insensitively (a CSV saved
	 * by Excel may carry a BOM on its first header); null when the row has no such cell.
	 */
	static String raw(SourceRow row, String column) {
		String value = row.get(column);
		if (value != null) {
			return value;
		}
		String wanted = headerKey(column);
		for (Map.Entry<String, String> cell : row.values().entrySet()) {
			if (headerKey(cell.getKey()).equals(wanted)) {
				return cell.getValue();
			}
		}
		return null;
	}

	/**
	 * Checks that a header has the columns a format reads, each given as a name or as
	 * alternatives separated by {@code |}; the message names every one missing.
	 * @throws IllegalArgumentException naming the missing columns
	 */
	static void requireColumns(String format, List<String> header, String... columns) {
		List<String> keys = header.stream().map(Cells::headerKey).toList();
		List<String> missing = new ArrayList<>();
		for (String column : columns) {
			boolean found = false;
			for (String alternative : column.split("\\|")) {
				found = found || keys.contains(headerKey(alternative));
			}
			if (!found) {
				missing.add(column.replace("|", " or "));
			}
		}
		if (!missing.isEmpty()) {
			throw new IllegalArgumentException("line 1 (the header) lacks the column"
					+ ((missing.size() == 1) ? " " : "s ") + String.join(", ", missing) + " that the '" + format
					+ "' format reads; " + describeHeader(header));
		}
	}

	/**
	 * A header for a message: its first names, each cut short, and how many there are (a
	 * header can be a whole file that has no line break).
	 */
	static String describeHeader(List<String> header) {
		List<String> names = new ArrayList<>();
		for (String name : header.subList(0, Math.min(header.size(), 12))) {
			names.add((name.length() <= 40) ? name : name.substring(0, 37) + "...");
		}
		return "the header has " + header.size() + ((header.size() == 1) ? " column: " : " columns: ")
				+ String.join(", ", names) + ((header.size() > names.size()) ? ", ..." : "");
	}

	/** Whether the row has this column at all (even empty). */
	static boolean has(SourceRow row, String column) {
		return raw(row, column) != null;
	}

	/** The stripped value of a column, or null when it is absent or blank. */
	static String text(SourceRow row, String column) {
		String value = raw(row, column);
		if (value == null) {
			return null;
		}
		String stripped = value.strip();
		return stripped.isEmpty() ? null : stripped;
	}

	/** Like {@link #text} but {@code Unknown} (any case) also means nothing. */
	static String known(SourceRow row, String column) {
		String value = text(row, column);
		return (value == null || value.equalsIgnoreCase("unknown")) ? null : value;
	}

	/** The stripped value of the first of these columns the row has. */
	static String first(SourceRow row, String... columns) {
		for (String column : columns) {
			if (has(row, column)) {
				return text(row, column);
			}
		}
		return null;
	}

	/** The first of these columns the row has, or the first one given. */
	static String presentColumn(SourceRow row, String... columns) {
		for (String column : columns) {
			if (has(row, column)) {
				return column;
			}
		}
		return columns[0];
	}

	static void requireComplete(SourceRow row) throws RowRejectedException {
		if (!row.complete()) {
			throw new RowRejectedException(RejectReason.TRUNCATED_ROW, null,
					"the row has fewer cells than the header (" + row.values().size() + " cells)");
		}
	}

	/**
	 * Rejects a row that an exporter cut off but padded with every comma: one whose cells
	 * after some point are all blank, a required one among them. A required cell left
	 * blank in the middle of a row is the format's own {@code MISSING_FIELD}.
	 * @param required the columns a record of the format always fills
	 * @throws RowRejectedException with {@link RejectReason#TRUNCATED_ROW}, naming where
	 * the row stops
	 */
	static void requireNotCutOff(SourceRow row, String... required) throws RowRejectedException {
		List<Map.Entry<String, String>> cells = List.copyOf(row.values().entrySet());
		int last = cells.size() - 1;
		while (last >= 0 && isBlank(cells.get(last).getValue())) {
			last--;
		}
		List<String> blankTail = new ArrayList<>();
		for (Map.Entry<String, String> cell : cells.subList(last + 1, cells.size())) {
			blankTail.add(headerKey(cell.getKey()));
		}
		List<String> missing = new ArrayList<>();
		for (String column : required) {
			if (blankTail.contains(headerKey(column))) {
				missing.add(column);
			}
		}
		if (missing.isEmpty()) {
			return;
		}
		String stop = (last >= 0) ? "the row stops after " + cells.get(last).getKey() + " (\""
				+ abbreviate(cells.get(last).getValue().strip()) + "\")" : "the row is blank";
		throw new RowRejectedException(RejectReason.TRUNCATED_ROW, null, stop + ": the " + blankTail.size()
				+ " cells after it are blank, " + String.join(", ", missing) + " among them");
	}

	// The last cell may be a long note: its end is what shows where the row was cut
	private static String abbreviate(String value) {
		return (value.length() <= 60) ? value : "..." + value.substring(value.length() - 57);
	}

	private static boolean isBlank(String value) {
		return value == null || value.isBlank();
	}

	/**
	 * A warning for each of these cells that opens more brackets than it closes
	 * ({@code Civilians (}): a name cut off by the exporter, kept as written.
	 */
	static void warnUnbalancedBrackets(SourceRow row, List<RecordWarning> warnings, String... columns) {
		for (String column : columns) {
			String value = text(row, column);
			if (value != null && (count(value, '(') > count(value, ')') || count(value, '[') > count(value, ']'))) {
				warnings.add(new RecordWarning("UNBALANCED_BRACKET", column,
						"\"" + value + "\" opens a bracket it does not close: the name may be cut off"));
			}
		}
	}

	private static long count(String text, char bracket) {
		return text.chars().filter((c) -> c == bracket).count();
	}

	/**
	 * The record id: a whole number written as a float ({@code "199301220001.0"}) becomes
	 * its integer text; anything else is kept as written.
	 */
	static String recordId(SourceRow row, String column) throws RowRejectedException {
		String value = text(row, column);
		if (value == null) {
			throw new RowRejectedException(RejectReason.MISSING_ID, column, "no record id");
		}
		return integerText(value);
	}

	static String integerText(String value) {
		if (NUMBER.matcher(value).matches()) {
			try {
				return new BigDecimal(value).toBigIntegerExact().toString();
			}
			catch (ArithmeticException ex) {
				// A real fraction is no integer id: keep it verbatim
			}
		}
		return value;
	}

	/**
	 * A whole number such as a code or a year, accepting float strings; null when blank.
	 */
	static Integer integer(SourceRow row, String column, RejectReason reason) throws RowRejectedException {
		String value = text(row, column);
		if (value == null) {
			return null;
		}
		if (NUMBER.matcher(value).matches()) {
			try {
				return new BigDecimal(value).intValueExact();
			}
			catch (ArithmeticException ex) {
				// falls through to the reject below
			}
		}
		throw new RowRejectedException(reason, column, "\"" + value + "\" is not a whole number");
	}

	/** A count read by the given parser, its failure mapped to a reject on the column. */
	static Integer count(SourceRow row, String column, CasualtyParser parser) throws RowRejectedException {
		String value = raw(row, column);
		try {
			return parser.parse(value);
		}
		catch (CasualtyParseException ex) {
			throw countRejected(column, value, ex);
		}
	}

	/**
	 * A count of a source that publishes fractions: rounded, with a
	 * {@code FRACTIONAL_COUNT} warning carrying the cell as written (the raw record keeps
	 * it too), so that one odd cell never costs the event.
	 */
	static Integer countRoundingFractions(SourceRow row, String column, List<RecordWarning> warnings)
			throws RowRejectedException {
		String value = raw(row, column);
		try {
			CasualtyParser.ParsedCount count = CasualtyParser.standard().parseRoundingFractions(value);
			if (count.rounded()) {
				warnings.add(new RecordWarning("FRACTIONAL_COUNT", column,
						"\"" + value.strip() + "\" is not a whole number: stored " + count.count()));
			}
			return count.count();
		}
		catch (CasualtyParseException ex) {
			throw countRejected(column, value, ex);
		}
	}

	static RowRejectedException countRejected(String column, String value, CasualtyParseException ex) {
		RejectReason reason = switch (ex.getReason()) {
			case NEGATIVE_COUNT -> RejectReason.NEGATIVE_COUNT;
			case RANGE_INVERTED -> RejectReason.RANGE_INVERTED;
			case NOT_A_NUMBER -> RejectReason.BAD_NUMBER;
		};
		String detail = switch (ex.getReason()) {
			case NEGATIVE_COUNT -> "is negative";
			case RANGE_INVERTED -> "is an inverted range";
			case NOT_A_NUMBER -> "is not a count";
		};
		return new RowRejectedException(reason, column, "\"" + value + "\" " + detail, ex);
	}

	static RowRejectedException dateRejected(String column, String value, DateParseException ex) {
		return new RowRejectedException(RejectReason.BAD_DATE, column,
				"\"" + value + "\" is not a date: " + ex.getReason(), ex);
	}

	/** A date cell read by the standard parser. */
	static DateSpan date(SourceRow row, String column, DateParser parser) throws RowRejectedException {
		String value = text(row, column);
		if (value == null) {
			throw new RowRejectedException(RejectReason.BAD_DATE, column, "no date given");
		}
		try {
			return parser.parse(value);
		}
		catch (DateParseException ex) {
			throw dateRejected(column, value, ex);
		}
	}

	/**
	 * Coordinates, or null when both cells are blank.
	 */
	static GeoPoint location(SourceRow row, String latitudeColumn, String longitudeColumn) throws RowRejectedException {
		String latitude = text(row, latitudeColumn);
		String longitude = text(row, longitudeColumn);
		if (latitude == null && longitude == null) {
			return null;
		}
		double lat = coordinate(latitudeColumn, latitude);
		double lon = coordinate(longitudeColumn, longitude);
		if (!(lat >= -90 && lat <= 90)) {
			throw new RowRejectedException(RejectReason.BAD_COORDINATES, latitudeColumn,
					"\"" + latitude + "\" is outside -90..90");
		}
		if (!(lon >= -180 && lon <= 180)) {
			throw new RowRejectedException(RejectReason.BAD_COORDINATES, longitudeColumn,
					"\"" + longitude + "\" is outside -180..180");
		}
		return GeoPoint.of(lat, lon);
	}

	private static double coordinate(String column, String value) throws RowRejectedException {
		if (value == null) {
			throw new RowRejectedException(RejectReason.BAD_COORDINATES, column,
					"one coordinate is given without the other");
		}
		if (!NUMBER.matcher(value).matches()) {
			throw new RowRejectedException(RejectReason.BAD_COORDINATES, column, "\"" + value + "\" is not a number");
		}
		return Double.parseDouble(value);
	}

	/**
	 * Build casualties, turning the compact constructor's complaint into a reject.
	 */
	static Casualties casualties(String field, Integer killed, Integer low, Integer high, Integer civilians,
			Integer securityForces, Integer militants, Integer unknown, Integer injured) throws RowRejectedException {
		try {
			return new Casualties(killed, low, high, civilians, securityForces, militants, unknown, injured);
		}
		catch (IllegalArgumentException ex) {
			throw new RowRejectedException(RejectReason.RANGE_INVERTED, field, ex.getMessage(), ex);
		}
	}

	/** The non-blank values of these columns, without {@code Unknown}, in order. */
	static List<String> knownValues(SourceRow row, String... columns) {
		List<String> values = new ArrayList<>();
		for (String column : columns) {
			String value = known(row, column);
			if (value != null && !values.contains(value)) {
				values.add(value);
			}
		}
		return values;
	}

	/** A cell holding a list ({@code A, B; C}) split into its non-blank, known parts. */
	static List<String> splitList(String cell) {
		List<String> values = new ArrayList<>();
		if (cell == null) {
			return values;
		}
		for (String part : cell.split("[,;]")) {
			String value = part.strip();
			if (!value.isEmpty() && !value.equalsIgnoreCase("unknown") && !values.contains(value)) {
				values.add(value);
			}
		}
		return values;
	}

}
