package org.incidentintel.etl.mapping;

import java.nio.charset.Charset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import org.incidentintel.domain.incident.DateParser;
import org.incidentintel.etl.format.Countries;
import org.incidentintel.etl.mapping.Mapping.ActorField;
import org.incidentintel.etl.mapping.Mapping.CountField;
import org.incidentintel.etl.mapping.Mapping.CountryField;
import org.incidentintel.etl.mapping.Mapping.DateField;
import org.incidentintel.etl.mapping.Mapping.Fields;
import org.incidentintel.etl.mapping.Mapping.KindField;
import org.incidentintel.etl.mapping.Mapping.ListField;
import org.incidentintel.etl.mapping.Mapping.LocationField;
import org.incidentintel.etl.mapping.Mapping.SkipRow;
import org.incidentintel.etl.mapping.Mapping.Source;
import org.incidentintel.etl.mapping.Mapping.SourceType;
import org.incidentintel.etl.mapping.Mapping.TextField;

/**
 * Checks what a well-shaped mapping means: required fields, one source per field, min/max
 * pairs, date patterns, regular expressions, charsets and countries. Every problem is
 * collected with its path.
 */
final class MappingValidator {

	/** Lowercase words joined by hyphens: the name is typed on the command line. */
	private static final Pattern NAME = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

	private static final YamlPath FIELDS = YamlPath.of("fields");

	/** Encoding labels the reader understands that Java does not. */
	private static final Set<String> ENCODING_LABELS = Set.of("win1252", "windows1252", "utf8", "utf-8-sig");

	/** Names the CSV reader understands besides a single character. */
	private static final Set<String> DELIMITER_NAMES = Set.of("tab", "\\t", "comma", "semicolon", "pipe");

	private final Mapping mapping;

	private final YamlLines lines;

	private final Problems problems;

	MappingValidator(Mapping mapping, YamlLines lines, Problems problems) {
		this.mapping = mapping;
		this.lines = lines;
		this.problems = problems;
	}

	void validate() {
		name(this.mapping.mapping(), "mapping");
		name(this.mapping.dataset(), "dataset");
		source(this.mapping.source());
		if (this.mapping.defaults() != null && this.mapping.defaults().country() != null) {
			country(this.mapping.defaults().country(), YamlPath.of("defaults", "country"));
		}
		Fields fields = this.mapping.fields();
		if (fields == null) {
			this.problems.add(FIELDS, "required: fields: with at least id: and date:");
			return;
		}
		fields(fields);
		if (this.mapping.numbers() != null && this.mapping.numbers().sentinels() != null) {
			List<String> sentinels = this.mapping.numbers().sentinels();
			for (int i = 0; i < sentinels.size(); i++) {
				if (sentinels.get(i) == null || sentinels.get(i).isBlank()) {
					this.problems.add(YamlPath.of("numbers", "sentinels").index(i),
							"a sentinel must not be blank (blank cells are unknown anyway)");
				}
			}
		}
	}

	private void name(String value, String key) {
		if (value == null || value.isBlank()) {
			this.problems.add(YamlPath.of(key), "required");
		}
		else if (!NAME.matcher(value).matches()) {
			this.problems.add(YamlPath.of(key),
					"\"" + value + "\" must be lowercase letters and digits joined by hyphens, e.g. my-source-events");
		}
	}

	private void source(Source source) {
		if (source == null) {
			return;
		}
		YamlPath path = YamlPath.of("source");
		if (source.encoding() != null && !isEncoding(source.encoding())) {
			this.problems.add(path.key("encoding"),
					"unknown encoding \"" + source.encoding() + "\" (try UTF-8 or windows-1252)");
		}
		if (source.delimiter() != null) {
			if (source.formatOrDefault() != SourceType.CSV) {
				this.problems.add(path.key("delimiter"), "applies to csv only");
			}
			else if (!DELIMITER_NAMES.contains(source.delimiter().toLowerCase(Locale.ROOT))
					&& (source.delimiter().length() != 1 || "\"\r\n".contains(source.delimiter()))) {
				this.problems.add(path.key("delimiter"),
						"must be one character other than a quote or line break, or tab, comma, semicolon or pipe");
			}
		}
		if (source.sheet() != null && source.formatOrDefault() != SourceType.XLSX) {
			this.problems.add(path.key("sheet"), "applies to xlsx only");
		}
		if (source.skipLines() != null && source.skipLines() < 0) {
			this.problems.add(path.key("skipLines"), "must not be negative");
		}
		List<SkipRow> skipRows = (source.skipRows() != null) ? source.skipRows() : List.of();
		for (int i = 0; i < skipRows.size(); i++) {
			YamlPath rule = path.key("skipRows").index(i);
			SkipRow skipRow = skipRows.get(i);
			if (skipRow == null) {
				this.problems.add(rule, "expected column: and matches:");
				continue;
			}
			column(skipRow.column(), rule.key("column"), true);
			if (skipRow.matches() == null) {
				this.problems.add(rule.key("matches"), "required: a regular expression the whole cell must match");
			}
			else {
				regex(skipRow.matches(), rule.key("matches"));
			}
		}
	}

	private static boolean isEncoding(String name) {
		if (ENCODING_LABELS.contains(name.strip().toLowerCase(Locale.ROOT))) {
			return true;
		}
		try {
			return Charset.isSupported(name.strip());
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

	private void fields(Fields fields) {
		if (fields.id() == null) {
			this.problems.add(FIELDS.key("id"), "required: the column that identifies each record");
		}
		else {
			text(fields.id(), FIELDS.key("id"), false);
		}
		if (fields.date() == null) {
			this.problems.add(FIELDS.key("date"), "required: the column with the date");
		}
		else {
			date(fields.date(), FIELDS.key("date"));
		}
		boolean defaultKind = this.mapping.defaults() != null && this.mapping.defaults().kind() != null;
		if (fields.kind() != null) {
			kind(fields.kind(), FIELDS.key("kind"));
		}
		else if (!defaultKind) {
			this.problems.add(FIELDS, "no kind: add defaults.kind (e.g. kind: ATTACK) or fields.kind");
		}
		boolean defaultCountry = this.mapping.defaults() != null && this.mapping.defaults().country() != null;
		if (fields.country() != null) {
			country(fields.country(), FIELDS.key("country"));
		}
		else if (!defaultCountry) {
			this.problems.add(FIELDS, "no country: add defaults.country (e.g. country: PAK) or fields.country");
		}
		optionalText(fields.region(), "region");
		optionalText(fields.district(), "district");
		optionalText(fields.place(), "place");
		optionalText(fields.summary(), "summary");
		if (fields.location() != null) {
			location(fields.location(), FIELDS.key("location"));
		}
		count(fields.killed(), "killed");
		count(fields.injured(), "injured");
		count(fields.civilians(), "civilians");
		count(fields.securityForces(), "securityForces");
		count(fields.militants(), "militants");
		count(fields.unknownKilled(), "unknownKilled");
		if (fields.perpetrators() != null) {
			for (int i = 0; i < fields.perpetrators().size(); i++) {
				actors(fields.perpetrators().get(i), perpetratorPath(this.lines, i));
			}
		}
		if (fields.attackTypes() != null) {
			list(fields.attackTypes(), FIELDS.key("attackTypes"));
		}
		if (fields.targets() != null) {
			list(fields.targets(), FIELDS.key("targets"));
		}
	}

	/** The path of the i-th perpetrator spec: the field itself when it is one mapping. */
	static YamlPath perpetratorPath(YamlLines lines, int index) {
		YamlPath field = FIELDS.key("perpetrators");
		return lines.isList(field) ? field.index(index) : field;
	}

	private void optionalText(TextField field, String name) {
		if (field != null) {
			text(field, FIELDS.key(name), true);
		}
	}

	private void text(TextField field, YamlPath path, boolean constantAllowed) {
		int sources = count(field.column(), field.concat(), field.constant());
		if (sources != 1) {
			this.problems.add(path, ((sources == 0) ? "needs" : "takes only one of")
					+ (constantAllowed ? " column:, concat: or constant:" : " column: or concat:"));
		}
		if (!constantAllowed && field.constant() != null) {
			this.problems.add(path.key("constant"), "must come from the file: a constant id would merge every row");
		}
		column(field.column(), path.key("column"), false);
		columns(field.concat(), path.key("concat"));
		if (field.separator() != null && field.concat() == null) {
			this.problems.add(path.key("separator"), "applies to concat: only");
		}
		if (field.defaultValue() != null && field.column() == null && field.concat() == null) {
			this.problems.add(path.key("default"), "applies to a column: or concat: only");
		}
	}

	private void date(DateField field, YamlPath path) {
		if (field.column() == null) {
			this.problems.add(path, "needs column:");
		}
		column(field.column(), path.key("column"), false);
		column(field.endColumn(), path.key("endColumn"), false);
		List<String> patterns = (field.patterns() != null) ? field.patterns() : List.of();
		for (int i = 0; i < patterns.size(); i++) {
			pattern(patterns.get(i), path.key("patterns").index(i));
		}
		if (Boolean.TRUE.equals(field.strictPatterns()) && patterns.isEmpty()) {
			this.problems.add(path.key("strictPatterns"), "needs patterns: to be strict about");
		}
	}

	private void pattern(String pattern, YamlPath path) {
		if (pattern == null || pattern.isBlank()) {
			this.problems.add(path, "a pattern must not be blank");
			return;
		}
		try {
			DateTimeFormatter.ofPattern(pattern);
			DateParser.withPatterns(List.of(pattern));
		}
		catch (IllegalArgumentException ex) {
			this.problems.add(path, "invalid pattern \"" + pattern + "\": " + ex.getMessage());
			return;
		}
		// Outside quotes, a pattern needs a year (y or u), or no row could ever match it
		String unquoted = pattern.replaceAll("'[^']*'", "");
		if (unquoted.indexOf('y') < 0 && unquoted.indexOf('u') < 0) {
			this.problems.add(path, "invalid pattern \"" + pattern + "\": it has no year (yyyy)");
			return;
		}
		DatePatternLetters.of(pattern).problem().ifPresent((problem) -> this.problems.add(path, problem));
	}

	private void kind(KindField field, YamlPath path) {
		if (field.column() == null) {
			this.problems.add(path,
					"needs column: (for one kind for the whole file, use defaults.kind instead of fields.kind)");
		}
		column(field.column(), path.key("column"), false);
	}

	private void country(CountryField field, YamlPath path) {
		if (field.column() == null) {
			this.problems.add(path,
					"needs column: (for one country for the whole file, use defaults.country instead of fields.country)");
		}
		column(field.column(), path.key("column"), false);
		if (field.values() != null) {
			for (Map.Entry<String, String> value : field.values().entrySet()) {
				if (value.getValue() == null) {
					this.problems.add(path.key("values").key(value.getKey()), "needs a country code or name");
				}
				else {
					country(value.getValue(), path.key("values").key(value.getKey()));
				}
			}
		}
		if (field.defaultValue() != null) {
			country(field.defaultValue(), path.key("default"));
		}
	}

	private void country(String value, YamlPath path) {
		if (Countries.standard().find(value).isEmpty()) {
			this.problems.add(path, "\"" + value + "\" is not an ISO 3166 country code or English country name");
		}
	}

	private void location(LocationField field, YamlPath path) {
		if (field.latitude() == null || field.longitude() == null) {
			this.problems.add(path, "needs both latitude: and longitude: columns");
		}
		column(field.latitude(), path.key("latitude"), false);
		column(field.longitude(), path.key("longitude"), false);
	}

	private void count(CountField field, String name) {
		if (field == null) {
			return;
		}
		YamlPath path = FIELDS.key(name);
		if (field.column() == null && field.sum() == null && field.min() == null && field.max() == null) {
			this.problems.add(path, "needs column:, sum:, or min: and max:");
		}
		if (field.column() != null && field.sum() != null) {
			this.problems.add(path, "takes column: or sum:, not both");
		}
		columns(field.sum(), path.key("sum"));
		if (field.min() != null && field.max() == null) {
			this.problems.add(path.key("min"), "a min: needs a max: (for a single figure, use column:)");
		}
		if (field.max() != null && field.min() == null) {
			this.problems.add(path.key("max"), "a max: needs a min: (for a single figure, use column:)");
		}
		column(field.column(), path.key("column"), false);
		column(field.min(), path.key("min"), false);
		column(field.max(), path.key("max"), false);
	}

	private void list(ListField field, YamlPath path) {
		items(field.column(), field.columns(), field.constant(), field.split(), path);
	}

	private void actors(ActorField field, YamlPath path) {
		if (field == null) {
			this.problems.add(path, "expected column:, columns: or constant:, and role:");
			return;
		}
		items(field.column(), field.columns(), field.constant(), field.split(), path);
	}

	private void items(String column, List<String> columns, List<String> constant, List<String> split, YamlPath path) {
		if (count(column, columns, constant) != 1) {
			this.problems.add(path, "needs exactly one of column:, columns: or constant:");
		}
		column(column, path.key("column"), false);
		columns(columns, path.key("columns"));
		if (constant != null) {
			for (int i = 0; i < constant.size(); i++) {
				if (constant.get(i) == null || constant.get(i).isBlank()) {
					this.problems.add(path.key("constant").index(i), "a constant value must not be blank");
				}
			}
		}
		if (split != null) {
			if (constant != null) {
				this.problems.add(path.key("split"), "applies to columns only, not to constant:");
			}
			for (int i = 0; i < split.size(); i++) {
				if (split.get(i) == null || split.get(i).isEmpty()) {
					this.problems.add(path.key("split").index(i), "a separator must not be empty");
				}
			}
		}
	}

	private void columns(List<String> columns, YamlPath path) {
		if (columns == null) {
			return;
		}
		if (columns.isEmpty()) {
			this.problems.add(path, "needs at least one column");
		}
		for (int i = 0; i < columns.size(); i++) {
			column(columns.get(i), path.index(i), true);
		}
	}

	private void column(String column, YamlPath path, boolean required) {
		if ((column == null && required) || (column != null && column.isBlank())) {
			this.problems.add(path, "needs a column name");
		}
	}

	private void regex(String regex, YamlPath path) {
		try {
			Pattern.compile(regex);
		}
		catch (PatternSyntaxException ex) {
			this.problems.add(path, "invalid regular expression \"" + regex + "\": " + ex.getDescription()
					+ " near index " + ex.getIndex());
		}
	}

	private static int count(Object... values) {
		int given = 0;
		for (Object value : values) {
			given += (value != null) ? 1 : 0;
		}
		return given;
	}

}
