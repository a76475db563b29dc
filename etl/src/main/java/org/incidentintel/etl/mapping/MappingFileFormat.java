package org.incidentintel.etl.mapping;

import java.text.ParsePosition;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.incidentintel.domain.common.DatePrecision;
import org.incidentintel.domain.common.DateSpan;
import org.incidentintel.domain.common.GeoPoint;
import org.incidentintel.domain.incident.Casualties;
import org.incidentintel.domain.incident.CasualtyParseException;
import org.incidentintel.domain.incident.CasualtyParser;
import org.incidentintel.domain.incident.CountRange;
import org.incidentintel.domain.incident.DateParseException;
import org.incidentintel.domain.incident.DateParser;
import org.incidentintel.domain.incident.DateWarning;
import org.incidentintel.domain.incident.IncidentKind;
import org.incidentintel.domain.incident.PerpetratorRole;
import org.incidentintel.etl.format.Countries;
import org.incidentintel.etl.format.NormalizedRecord;
import org.incidentintel.etl.format.RecordWarning;
import org.incidentintel.etl.format.RejectReason;
import org.incidentintel.etl.format.ReportedActor;
import org.incidentintel.etl.format.RowRejectedException;
import org.incidentintel.etl.format.SourceFormat;
import org.incidentintel.etl.mapping.Mapping.ActorField;
import org.incidentintel.etl.mapping.Mapping.CountField;
import org.incidentintel.etl.mapping.Mapping.CountryField;
import org.incidentintel.etl.mapping.Mapping.DateField;
import org.incidentintel.etl.mapping.Mapping.Defaults;
import org.incidentintel.etl.mapping.Mapping.Fields;
import org.incidentintel.etl.mapping.Mapping.InvertedRange;
import org.incidentintel.etl.mapping.Mapping.KindField;
import org.incidentintel.etl.mapping.Mapping.ListField;
import org.incidentintel.etl.mapping.Mapping.SkipRow;
import org.incidentintel.etl.mapping.Mapping.TextField;
import org.incidentintel.etl.mapping.MappingFile.ColumnReference;
import org.incidentintel.etl.read.SourceRow;

/**
 * The {@link SourceFormat} a mapping file defines: its name is the mapping's name, and
 * each row is read by the mapping's fields.
 *
 * <p>
 * Call {@link #checkHeader(List)} once with the file's header before reading rows: it
 * names the mapping line of every column the file lacks. Column names match exactly or,
 * failing that, ignoring case and surrounding whitespace.
 *
 * <p>
 * {@link #read(SourceRow)} returns {@code null} for a row that {@code source.skipRows}
 * drops (a totals row): the caller filters it, and {@link #skipReason(SourceRow)} says
 * why. Rows that cannot be loaded are rejected with the column at fault:
 * {@code TRUNCATED_ROW}, {@code MISSING_ID}, {@code BAD_DATE}, {@code BAD_NUMBER},
 * {@code NEGATIVE_COUNT}, {@code RANGE_INVERTED} (only with
 * {@code onInvertedRange: reject}), {@code BAD_COORDINATES}, {@code UNKNOWN_COUNTRY},
 * {@code BAD_CODE} (a kind value the mapping does not know) and {@code MISSING_FIELD} (no
 * kind or country). Rows kept despite a doubt carry warnings: the date's
 * ({@link DateWarning.Code}: {@code WEEKDAY_MISMATCH}, {@code WEEKDAY_MISSPELT}) and
 * {@code RANGE_DROPPED}.
 */
public final class MappingFileFormat implements SourceFormat {

	private static final Pattern AT_LEAST = Pattern.compile("([\\d,.]+) ?\\+");

	private static final Pattern RANGE = Pattern.compile("([\\d,.]+) ?(?:-|\\u2013|\\u2014|to) ?([\\d,.]+)",
			Pattern.CASE_INSENSITIVE);

	private static final Pattern DECIMAL = Pattern.compile("[+-]?(?:\\d+(?:\\.\\d*)?|\\.\\d+)");

	private final MappingFile file;

	private final Fields fields;

	private final List<Skip> skipRows = new ArrayList<>();

	private final Text id;

	private final Text region;

	private final Text district;

	private final Text place;

	private final Text summary;

	private final DateParser dates;

	private final List<DateTimeFormatter> strictPatterns;

	private final Set<String> sentinels;

	private final CasualtyParser counts;

	private final InvertedRange onInvertedRange;

	private final Map<String, IncidentKind> kinds;

	private final IncidentKind defaultKind;

	private final Map<String, String> countries;

	private final String defaultCountry;

	private final Items attackTypes;

	private final Items targets;

	private final List<Actors> perpetrators;

	/**
	 * Create the format of a loaded mapping.
	 * @param file the mapping
	 */
	public MappingFileFormat(MappingFile file) {
		this.file = file;
		Mapping mapping = file.mapping();
		this.fields = mapping.fields();
		if (mapping.source() != null && mapping.source().skipRows() != null) {
			mapping.source()
				.skipRows()
				.forEach((rule) -> this.skipRows.add(new Skip(rule, Pattern.compile(rule.matches()))));
		}
		this.id = Text.of(this.fields.id());
		this.region = Text.of(this.fields.region());
		this.district = Text.of(this.fields.district());
		this.place = Text.of(this.fields.place());
		this.summary = Text.of(this.fields.summary());
		DateField date = this.fields.date();
		List<String> patterns = (date.patterns() != null) ? date.patterns() : List.of();
		this.dates = DateParser.withPatterns(patterns);
		this.strictPatterns = Boolean.TRUE.equals(date.strictPatterns())
				? patterns.stream().map(MappingFileFormat::syntaxOnly).toList() : List.of();
		List<String> extraSentinels = (mapping.numbers() != null && mapping.numbers().sentinels() != null)
				? mapping.numbers().sentinels() : List.of();
		this.counts = CasualtyParser.withExtraSentinels(Set.copyOf(extraSentinels));
		Set<String> allSentinels = new HashSet<>(CasualtyParser.DEFAULT_SENTINELS);
		extraSentinels.forEach((sentinel) -> allSentinels.add(key(sentinel)));
		this.sentinels = Set.copyOf(allSentinels);
		this.onInvertedRange = (mapping.numbers() != null && mapping.numbers().onInvertedRange() != null)
				? mapping.numbers().onInvertedRange() : InvertedRange.WARN;
		Defaults defaults = (mapping.defaults() != null) ? mapping.defaults() : new Defaults(null, null);
		KindField kind = this.fields.kind();
		this.kinds = (kind != null) ? keyed(kind.values()) : Map.of();
		this.defaultKind = (kind != null && kind.defaultValue() != null) ? kind.defaultValue() : defaults.kind();
		CountryField country = this.fields.country();
		this.countries = (country != null) ? keyed(country.values()) : Map.of();
		String fallbackCountry = (country != null && country.defaultValue() != null) ? country.defaultValue()
				: defaults.country();
		this.defaultCountry = (fallbackCountry != null) ? Countries.standard().find(fallbackCountry).orElse(null)
				: null;
		this.attackTypes = Items.of(this.fields.attackTypes());
		this.targets = Items.of(this.fields.targets());
		this.perpetrators = (this.fields.perpetrators() != null)
				? this.fields.perpetrators().stream().map(Actors::new).toList() : List.of();
	}

	@Override
	public String name() {
		return this.file.name();
	}

	@Override
	public String dataset() {
		return this.file.dataset();
	}

	/**
	 * The mapping this format applies, e.g. for {@code source:} (encoding, delimiter,
	 * sheet, lines to skip) when opening the file.
	 * @return the mapping file
	 */
	public MappingFile mappingFile() {
		return this.file;
	}

	/**
	 * Whether every column the mapping reads is in the header: conservative, so that
	 * auto-detection only picks a mapping that fits the file.
	 */
	@Override
	public boolean recognizes(List<String> header) {
		return missingColumns(header).isEmpty();
	}

	/**
	 * Check a file's header before reading its rows.
	 * @param header the column names in file order
	 * @throws MappingException naming the mapping line and path of every column the
	 * header lacks
	 */
	@Override
	public void checkHeader(List<String> header) {
		List<ColumnReference> missing = missingColumns(header);
		if (missing.isEmpty()) {
			return;
		}
		Problems problems = new Problems(this.file.file());
		for (ColumnReference reference : missing) {
			problems.add(this.file.line(reference.path()), reference.path(), "column \"" + reference.column()
					+ "\" is not in the file's header" + suggestion(reference, header));
		}
		throw problems.exception("Mapping " + this.file.file() + " does not fit the file's header");
	}

	private List<ColumnReference> missingColumns(List<String> header) {
		Set<String> exact = new HashSet<>(header);
		Map<String, Long> loose = header.stream()
			.collect(Collectors.groupingBy(MappingFileFormat::columnKey, Collectors.counting()));
		return this.file.columns()
			.stream()
			.filter((reference) -> !exact.contains(reference.column())
					&& loose.getOrDefault(columnKey(reference.column()), 0L) != 1L)
			.toList();
	}

	private static String suggestion(ColumnReference reference, List<String> header) {
		String wanted = columnKey(reference.column());
		String closest = null;
		int best = Integer.MAX_VALUE;
		for (String column : header) {
			int distance = MappingReader.distance(wanted, columnKey(column));
			if (distance < best) {
				best = distance;
				closest = column;
			}
		}
		return (closest != null && best <= Math.max(2, wanted.length() / 3)) ? "; did you mean \"" + closest + "\"?"
				: "";
	}

	/**
	 * Why a row is dropped by {@code source.skipRows}.
	 * @param row the row
	 * @return the reason, or null when the row is not skipped
	 */
	@Override
	public String skipReason(SourceRow row) {
		for (int i = 0; i < this.skipRows.size(); i++) {
			SkipRow rule = this.skipRows.get(i).rule();
			String raw = cell(row, rule.column());
			// A cell missing from a short row is not blank: the row is truncated
			if (raw == null) {
				continue;
			}
			String cell = Objects.requireNonNullElse(clean(raw), "");
			if (this.skipRows.get(i).pattern().matcher(cell).matches()) {
				return "source.skipRows[" + i + "]: " + rule.column()
						+ (cell.isEmpty() ? " is blank" : " \"" + cell + "\" matches " + rule.matches());
			}
		}
		return null;
	}

	/**
	 * Read one row by the mapping.
	 * @return the record, or {@code null} for a row that {@code source.skipRows} drops
	 * (see {@link #skipReason(SourceRow)})
	 */
	@Override
	public NormalizedRecord read(SourceRow row) throws RowRejectedException {
		if (skipReason(row) != null) {
			return null;
		}
		if (!row.complete()) {
			throw new RowRejectedException(RejectReason.TRUNCATED_ROW, null, "the row has fewer cells than the header");
		}
		List<RecordWarning> warnings = new ArrayList<>();
		String recordId = this.id.read(row);
		if (recordId == null) {
			throw new RowRejectedException(RejectReason.MISSING_ID, this.id.firstColumn(),
					"no record id in " + this.id.firstColumn());
		}
		DateSpan date = date(row, warnings);
		IncidentKind kind = kind(row);
		String country = country(row);
		GeoPoint location = location(row);
		Casualties casualties = casualties(row, warnings);
		List<ReportedActor> actors = new ArrayList<>();
		for (Actors perpetrator : this.perpetrators) {
			perpetrator.read(row).forEach((name) -> actors.add(new ReportedActor(name, perpetrator.role)));
		}
		return new NormalizedRecord(recordId, date, kind, country, this.region.read(row), this.district.read(row),
				this.place.read(row), location, casualties, actors, this.attackTypes.read(row), this.targets.read(row),
				this.summary.read(row), warnings);
	}

	// Dates

	private DateSpan date(SourceRow row, List<RecordWarning> warnings) throws RowRejectedException {
		DateField field = this.fields.date();
		DateSpan start = date(row, field.column(), warnings);
		if (field.endColumn() == null || isBlank(cell(row, field.endColumn()))) {
			return start;
		}
		DateSpan end = date(row, field.endColumn(), warnings);
		if (end.end().isBefore(start.start())) {
			throw new RowRejectedException(RejectReason.BAD_DATE, field.endColumn(),
					"the end " + end.end() + " is before the start " + start.start());
		}
		DatePrecision coarser = (start.precision().compareTo(end.precision()) >= 0) ? start.precision()
				: end.precision();
		return new DateSpan(start.start(), end.end(), coarser);
	}

	private DateSpan date(SourceRow row, String column, List<RecordWarning> warnings) throws RowRejectedException {
		String text = cell(row, column);
		if (!this.strictPatterns.isEmpty() && text != null && !isBlank(text)
				&& this.strictPatterns.stream().noneMatch((pattern) -> matchesSyntax(pattern, text))) {
			throw new RowRejectedException(RejectReason.BAD_DATE, column, "\"" + text
					+ "\" matches none of the patterns " + this.fields.date().patterns() + " (strictPatterns: true)");
		}
		DateParser.ParsedDate parsed;
		try {
			parsed = this.dates.inspect(text);
		}
		catch (DateParseException ex) {
			throw new RowRejectedException(RejectReason.BAD_DATE, column, ex.getMessage(), ex);
		}
		for (DateWarning warning : parsed.warnings()) {
			warnings.add(new RecordWarning(warning.code().name(), column, "\"" + text + "\": " + warning.message()));
		}
		return parsed.span();
	}

	/** A formatter that only checks the shape of the text against a pattern. */
	private static DateTimeFormatter syntaxOnly(String pattern) {
		return new DateTimeFormatterBuilder().parseCaseInsensitive().appendPattern(pattern).toFormatter(Locale.ENGLISH);
	}

	private static boolean matchesSyntax(DateTimeFormatter formatter, String text) {
		String normalized = text.replaceAll("[\\u2012\\u2013\\u2014\\u2212]", "-")
			.replaceAll("[\\s\\p{Z}]+", " ")
			.strip();
		ParsePosition position = new ParsePosition(0);
		return formatter.parseUnresolved(normalized, position) != null && position.getErrorIndex() < 0
				&& position.getIndex() == normalized.length();
	}

	// Kind and country

	private IncidentKind kind(SourceRow row) throws RowRejectedException {
		KindField field = this.fields.kind();
		if (field == null) {
			return this.defaultKind;
		}
		String value = clean(cell(row, field.column()));
		if (value != null) {
			IncidentKind mapped = this.kinds.get(key(value));
			if (mapped != null) {
				return mapped;
			}
			for (IncidentKind kind : IncidentKind.values()) {
				if (kind.name().equalsIgnoreCase(value.replace(' ', '_').replace('-', '_'))) {
					return kind;
				}
			}
		}
		if (this.defaultKind != null) {
			return this.defaultKind;
		}
		if (value == null) {
			throw new RowRejectedException(RejectReason.MISSING_FIELD, field.column(),
					"no kind in " + field.column() + " and no default");
		}
		throw new RowRejectedException(RejectReason.BAD_CODE, field.column(),
				"\"" + value + "\" is not a kind the mapping knows; add it to fields.kind.values or set a default");
	}

	private String country(SourceRow row) throws RowRejectedException {
		CountryField field = this.fields.country();
		if (field == null) {
			return this.defaultCountry;
		}
		String value = clean(cell(row, field.column()));
		if (value == null) {
			if (this.defaultCountry == null) {
				throw new RowRejectedException(RejectReason.MISSING_FIELD, field.column(),
						"no country in " + field.column() + " and no default");
			}
			return this.defaultCountry;
		}
		String mapped = this.countries.get(key(value));
		String iso3 = Countries.standard().find((mapped != null) ? mapped : value).orElse(null);
		if (iso3 == null) {
			throw new RowRejectedException(RejectReason.UNKNOWN_COUNTRY, field.column(), "\"" + value
					+ "\" is not an ISO 3166 code or English country name; add it to fields.country.values");
		}
		return iso3;
	}

	// Coordinates

	private GeoPoint location(SourceRow row) throws RowRejectedException {
		if (this.fields.location() == null) {
			return null;
		}
		String latitudeColumn = this.fields.location().latitude();
		String longitudeColumn = this.fields.location().longitude();
		Double latitude = coordinate(row, latitudeColumn);
		Double longitude = coordinate(row, longitudeColumn);
		if (latitude == null && longitude == null) {
			return null;
		}
		if (latitude == null || longitude == null) {
			throw new RowRejectedException(RejectReason.BAD_COORDINATES,
					(latitude == null) ? latitudeColumn : longitudeColumn,
					"only one of " + latitudeColumn + " and " + longitudeColumn + " is given");
		}
		try {
			return GeoPoint.of(latitude, longitude);
		}
		catch (IllegalArgumentException ex) {
			String column = (latitude < -90 || latitude > 90) ? latitudeColumn : longitudeColumn;
			throw new RowRejectedException(RejectReason.BAD_COORDINATES, column, ex.getMessage());
		}
	}

	private Double coordinate(SourceRow row, String column) throws RowRejectedException {
		String value = clean(cell(row, column));
		if (value == null || this.sentinels.contains(key(value))) {
			return null;
		}
		if (!DECIMAL.matcher(value).matches()) {
			throw new RowRejectedException(RejectReason.BAD_NUMBER, column,
					"\"" + value + "\" is not a coordinate in decimal degrees");
		}
		return Double.valueOf(value);
	}

	// Casualties

	private Casualties casualties(SourceRow row, List<RecordWarning> warnings) throws RowRejectedException {
		Casualties casualties = Casualties.none();
		CountRange killed = range(this.fields.killed(), row, warnings);
		if (killed != null) {
			casualties = casualties.withKilled(killed);
		}
		return casualties
			.withBreakdown(best(this.fields.civilians(), row, warnings),
					best(this.fields.securityForces(), row, warnings), best(this.fields.militants(), row, warnings),
					best(this.fields.unknownKilled(), row, warnings))
			.withInjured(best(this.fields.injured(), row, warnings));
	}

	private Integer best(CountField field, SourceRow row, List<RecordWarning> warnings) throws RowRejectedException {
		CountRange range = range(field, row, warnings);
		return (range != null) ? range.best() : null;
	}

	/**
	 * A count from a figure, a min/max pair, or both. The best figure is the figure
	 * column, else the max, else the min; a max of {@code 40+} means at least 40 (best
	 * 40, no high).
	 */
	private CountRange range(CountField field, SourceRow row, List<RecordWarning> warnings)
			throws RowRejectedException {
		if (field == null) {
			return null;
		}
		CountRange figure = (field.column() != null) ? figure(field.column(), row, warnings)
				: (field.sum() != null) ? sum(field.sum(), row) : null;
		if (field.min() == null) {
			return figure;
		}
		Integer min = count(field.min(), cell(row, field.min()));
		String maxCell = clean(cell(row, field.max()));
		Matcher atLeast = (maxCell != null) ? AT_LEAST.matcher(maxCell) : null;
		boolean openEnded = atLeast != null && atLeast.matches();
		Integer max = count(field.max(), openEnded ? atLeast.group(1) : maxCell);
		Integer best = (figure != null && figure.best() != null) ? figure.best() : (max != null) ? max : min;
		Integer low = (min != null || !openEnded) ? min : max;
		return consistent(low, openEnded ? null : max, best, field.min(), field.max(), warnings);
	}

	private CountRange figure(String column, SourceRow row, List<RecordWarning> warnings) throws RowRejectedException {
		String cell = cell(row, column);
		try {
			return this.counts.parseRange(cell);
		}
		catch (CasualtyParseException ex) {
			Matcher range = RANGE.matcher(clean(cell));
			if (ex.getReason() != CasualtyParseException.Reason.RANGE_INVERTED || !range.matches()) {
				throw rejected(column, ex);
			}
			Integer high = count(column, range.group(2));
			return consistent(count(column, range.group(1)), high, high, column, column, warnings);
		}
	}

	/**
	 * The sum of the columns' counts: exact when every part is known, at least the known
	 * sum when some are not (unknown is not zero), unknown when none is known.
	 */
	private CountRange sum(List<String> columns, SourceRow row) throws RowRejectedException {
		int total = 0;
		boolean anyKnown = false;
		boolean anyUnknown = false;
		for (String column : columns) {
			Integer part = count(column, cell(row, column));
			anyKnown |= part != null;
			anyUnknown |= part == null;
			try {
				total = Math.addExact(total, (part != null) ? part : 0);
			}
			catch (ArithmeticException ex) {
				throw new RowRejectedException(RejectReason.BAD_NUMBER, column,
						"the sum of " + columns + " is too large");
			}
		}
		if (!anyKnown) {
			return null;
		}
		return anyUnknown ? new CountRange(total, null, total) : CountRange.of(total);
	}

	private Integer count(String column, String cell) throws RowRejectedException {
		try {
			return this.counts.parse(cell);
		}
		catch (CasualtyParseException ex) {
			throw rejected(column, ex);
		}
	}

	private static RowRejectedException rejected(String column, CasualtyParseException ex) {
		RejectReason reason = switch (ex.getReason()) {
			case NEGATIVE_COUNT -> RejectReason.NEGATIVE_COUNT;
			case RANGE_INVERTED -> RejectReason.RANGE_INVERTED;
			case NOT_A_NUMBER -> RejectReason.BAD_NUMBER;
		};
		return new RowRejectedException(reason, column, ex.getMessage(), ex);
	}

	/**
	 * The range, or, when its figures contradict each other, the best figure alone with a
	 * RANGE_DROPPED warning ({@code onInvertedRange: warn}) or a RANGE_INVERTED reject.
	 */
	private CountRange consistent(Integer low, Integer high, Integer best, String lowColumn, String highColumn,
			List<RecordWarning> warnings) throws RowRejectedException {
		String problem = null;
		if (low != null && high != null && low > high) {
			problem = lowColumn + " " + low + " is above " + highColumn + " " + high;
		}
		else if (best != null && low != null && best < low) {
			problem = "the figure " + best + " is below " + lowColumn + " " + low;
		}
		else if (best != null && high != null && best > high) {
			problem = "the figure " + best + " is above " + highColumn + " " + high;
		}
		if (problem == null) {
			return new CountRange(low, high, best);
		}
		if (this.onInvertedRange == InvertedRange.REJECT) {
			throw new RowRejectedException(RejectReason.RANGE_INVERTED, lowColumn, problem);
		}
		warnings.add(new RecordWarning("RANGE_DROPPED", lowColumn,
				problem + ": kept " + best + " as the figure and dropped the range"));
		return CountRange.of(best);
	}

	// Cells

	/**
	 * A cell by column name: exactly, else ignoring case and surrounding whitespace; null
	 * when the row has no such column.
	 */
	static String cell(SourceRow row, String column) {
		String value = row.get(column);
		if (value != null || row.values().containsKey(column)) {
			return value;
		}
		String wanted = columnKey(column);
		for (Map.Entry<String, String> entry : row.values().entrySet()) {
			if (columnKey(entry.getKey()).equals(wanted)) {
				return entry.getValue();
			}
		}
		return null;
	}

	private static String columnKey(String column) {
		return column.replace("\uFEFF", "").replaceAll("[\\s\\p{Z}]+", " ").strip().toLowerCase(Locale.ROOT);
	}

	/**
	 * The cell stripped of surrounding whitespace (non-breaking spaces included), line
	 * breaks and runs of spaces folded into one space; null when blank.
	 */
	static String clean(String cell) {
		if (cell == null) {
			return null;
		}
		String cleaned = cell.replaceAll("[\\s\\p{Z}]+", " ").strip();
		return cleaned.isEmpty() ? null : cleaned;
	}

	private static boolean isBlank(String cell) {
		return clean(cell) == null;
	}

	private static String key(String value) {
		return clean(value).toLowerCase(Locale.ROOT);
	}

	private static <V> Map<String, V> keyed(Map<String, V> values) {
		if (values == null) {
			return Map.of();
		}
		Map<String, V> keyed = new HashMap<>();
		values.forEach((value, replacement) -> keyed.put((clean(value) != null) ? key(value) : "", replacement));
		return Collections.unmodifiableMap(keyed);
	}

	/**
	 * Replaces a value by the value map; an empty Optional drops it. A replacement of
	 * {@code ""}, {@code null} or {@code ~} drops the value ({@code ~} is null in YAML
	 * 1.1 but text in the YAML 1.2 JSON schema the reader uses, so both readings are
	 * honoured).
	 */
	private static Optional<String> replace(Map<String, String> values, String value) {
		String lookup = key(value);
		if (values.containsKey(lookup)) {
			String replacement = clean(values.get(lookup));
			return ("~".equals(replacement)) ? Optional.empty() : Optional.ofNullable(replacement);
		}
		return Optional.of(value);
	}

	/** A compiled {@link SkipRow}. */
	private record Skip(SkipRow rule, Pattern pattern) {
	}

	/** A compiled {@link TextField}. */
	private record Text(String column, List<String> concat, String separator, String constant, boolean trim,
			Map<String, String> values, String defaultValue) {

		private static final Text NONE = new Text(null, null, null, null, true, Map.of(), null);

		static Text of(TextField field) {
			if (field == null) {
				return NONE;
			}
			return new Text(field.column(), field.concat(), (field.separator() != null) ? field.separator() : " | ",
					field.constant(), !Boolean.FALSE.equals(field.trim()), keyed(field.values()), field.defaultValue());
		}

		String firstColumn() {
			return (this.column != null) ? this.column : this.concat.get(0);
		}

		String read(SourceRow row) {
			if (this.constant != null) {
				return this.constant;
			}
			if (this.column != null) {
				String value = value(cell(row, this.column));
				return (value != null) ? value : this.defaultValue;
			}
			if (this.concat != null) {
				List<String> parts = new ArrayList<>();
				for (String part : this.concat) {
					String value = value(cell(row, part));
					if (value != null) {
						parts.add(value);
					}
				}
				return parts.isEmpty() ? this.defaultValue : String.join(this.separator, parts);
			}
			return null;
		}

		private String value(String cell) {
			if (clean(cell) == null) {
				return null;
			}
			String value = this.trim ? clean(cell) : cell;
			return replace(this.values, value).orElse(null);
		}

	}

	/** A compiled {@link ListField}: each cell of each column, split, is one value. */
	private record Items(List<String> columns, List<String> constant, Pattern split, boolean trim,
			Map<String, String> values) {

		private static final Items NONE = new Items(List.of(), List.of(), null, true, Map.of());

		static Items of(ListField field) {
			if (field == null) {
				return NONE;
			}
			return new Items(columns(field.column(), field.columns()), field.constant(), separators(field.split()),
					!Boolean.FALSE.equals(field.trim()), keyed(field.values()));
		}

		static List<String> columns(String column, List<String> columns) {
			return (column != null) ? List.of(column) : (columns != null) ? columns : List.of();
		}

		static Pattern separators(List<String> split) {
			if (split == null || split.isEmpty()) {
				return null;
			}
			return Pattern.compile(split.stream().map(Pattern::quote).collect(Collectors.joining("|")));
		}

		List<String> read(SourceRow row) {
			if (this.constant != null) {
				return this.constant;
			}
			List<String> items = new ArrayList<>();
			for (String column : this.columns) {
				String cell = cell(row, column);
				if (clean(cell) == null) {
					continue;
				}
				String[] pieces = (this.split != null) ? this.split.split(cell) : new String[] { cell };
				for (String piece : pieces) {
					if (clean(piece) != null) {
						String item = this.trim ? clean(piece) : piece;
						replace(this.values, item).ifPresent(items::add);
					}
				}
			}
			return items;
		}

	}

	/** A compiled {@link ActorField}. */
	private static final class Actors {

		private final Items items;

		private final PerpetratorRole role;

		Actors(ActorField field) {
			this.items = new Items(Items.columns(field.column(), field.columns()), field.constant(),
					Items.separators(field.split()), !Boolean.FALSE.equals(field.trim()), Map.of());
			this.role = (field.role() != null) ? field.role() : PerpetratorRole.PERPETRATOR;
		}

		List<String> read(SourceRow row) {
			return this.items.read(row);
		}

	}

}
