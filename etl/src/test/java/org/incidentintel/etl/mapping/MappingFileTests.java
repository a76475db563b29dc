package org.incidentintel.etl.mapping;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import org.incidentintel.domain.incident.IncidentKind;
import org.incidentintel.etl.mapping.Mapping.InvertedRange;
import org.incidentintel.etl.mapping.Mapping.SourceType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Loading and validating mapping files: every problem is reported at once, with file,
 * line and field path, before any row is read.
 */
class MappingFileTests {

	@Test
	void loadsTheBundledPakistanBodyCountMapping() {
		MappingFile file = MappingFile.bundled("pakistan-body-count-suicide-attacks");

		assertThat(file.name()).isEqualTo("pakistan-body-count-suicide-attacks");
		assertThat(file.dataset()).isEqualTo("pakistan-body-count");
		assertThat(file.file()).isEqualTo("pakistan-body-count-suicide-attacks.yaml");
		Mapping mapping = file.mapping();
		assertThat(mapping.source().formatOrDefault()).isEqualTo(SourceType.CSV);
		assertThat(mapping.source().encoding()).isEqualTo("windows-1252");
		assertThat(mapping.defaults().kind()).isEqualTo(IncidentKind.ATTACK);
		assertThat(mapping.numbers().onInvertedRange()).isEqualTo(InvertedRange.WARN);
		assertThat(file.format().name()).isEqualTo("pakistan-body-count-suicide-attacks");
		assertThat(file.format().dataset()).isEqualTo("pakistan-body-count");
	}

	@Test
	void loadsByPathAndByClasspathResourceAlike() {
		MappingFile fromDisk = MappingFile
			.load(Path.of("src/main/resources/mappings/pakistan-body-count-suicide-attacks.yaml"));
		MappingFile fromClasspath = MappingFile.load("mappings/pakistan-body-count-suicide-attacks.yaml");

		assertThat(fromDisk.mapping()).isEqualTo(fromClasspath.mapping());
		assertThat(MappingFile.bundled("pakistan-body-count-suicide-attacks.yaml").mapping())
			.isEqualTo(fromClasspath.mapping());
	}

	@Test
	void reportsEveryTypoAndBadEnumValueWithItsLine() {
		assertThatExceptionOfType(MappingException.class).isThrownBy(() -> load("typos"))
			.satisfies((ex) -> assertThat(ex.problems()).extracting(MappingProblem::toString)
				.containsExactly(
						"typos.yaml:3: sorce: unknown key \"sorce\"; did you mean \"source\"? known keys here: "
								+ "mapping, dataset, description, source, defaults, fields, numbers",
						"typos.yaml:7: defaults.kind: \"ATTAK\" is not one of ATTACK, SECURITY_OPERATION, CLASH, "
								+ "STRIKE, OTHER (any case)",
						"typos.yaml:11: fields.place.colum: unknown key \"colum\"; did you mean \"column\"? "
								+ "known keys here: column, concat, separator, constant, trim, values, default",
						"typos.yaml:14: fields.perpetrators[0].role: \"PERP\" is not one of PERPETRATOR, CLAIMED, "
								+ "SIDE_A, SIDE_B (any case)",
						"typos.yaml:16: fields.killed.maximum: unknown key \"maximum\"; known keys here: "
								+ "column, sum, min, max"))
			.withMessageStartingWith("Invalid mapping file typos.yaml (5 problems):")
			.withMessageContaining(System.lineSeparator() + "  typos.yaml:11: fields.place.colum: ");
	}

	@Test
	void requiresIdAndDate() {
		assertThatExceptionOfType(MappingException.class).isThrownBy(() -> load("missing-required"))
			.satisfies((ex) -> assertThat(ex.problems()).extracting(MappingProblem::toString)
				.containsExactly("missing-required.yaml:7: fields.date: required: the column with the date",
						"missing-required.yaml:7: fields.id: required: the column that identifies each record"));
	}

	@Test
	void reportsInvalidValuesPatternsAndRegexes() {
		assertThatExceptionOfType(MappingException.class).isThrownBy(() -> load("invalid-values"))
			.satisfies((ex) -> assertThat(ex.problems()).extracting(MappingProblem::toString)
				.containsExactly(
						"invalid-values.yaml:1: mapping: \"Invalid Values\" must be lowercase letters and digits "
								+ "joined by hyphens, e.g. my-source-events",
						"invalid-values.yaml:5: source.encoding: unknown encoding \"windows-9999\" (try UTF-8 or windows-1252)",
						"invalid-values.yaml:6: source.delimiter: applies to csv only",
						"invalid-values.yaml:9: source.skipRows[0].matches: invalid regular expression "
								+ "\"(?i)total(.*\": Unclosed group near index 12",
						"invalid-values.yaml:11: defaults.country: \"Atlantis\" is not an ISO 3166 country code or "
								+ "English country name",
						"invalid-values.yaml:12: fields: no kind: add defaults.kind (e.g. kind: ATTACK) or fields.kind",
						"invalid-values.yaml:13: fields.id.constant: must come from the file: a constant id would "
								+ "merge every row",
						"invalid-values.yaml:16: fields.date.patterns[1]: invalid pattern \"EEEE-MMMMMM-dd-yyyy\": "
								+ "Too many pattern letters: M",
						"invalid-values.yaml:16: fields.date.patterns[2]: invalid pattern \"dd MMMM\": it has no "
								+ "year (yyyy)",
						"invalid-values.yaml:17: fields.killed.min: a min: needs a max: (for a single figure, use "
								+ "column:)",
						"invalid-values.yaml:18: fields.injured.max: a max: needs a min: (for a single figure, use "
								+ "column:)",
						"invalid-values.yaml:19: fields.location: needs both latitude: and longitude: columns",
						"invalid-values.yaml:20: fields.summary: takes only one of column:, concat: or constant:",
						"invalid-values.yaml:21: fields.targets: needs exactly one of column:, columns: or constant:"));
	}

	@Test
	void refusesDatePatternsWhoseLettersAreTimesOfDayInPlaceOfTheDate() {
		// Real mistake: lower-case mm is the minute, so every date loaded as its year
		// alone
		String yaml = """
				mapping: slashes
				dataset: slashes
				defaults: { country: PAK, kind: ATTACK }
				fields:
				  id: { column: id }
				  date:
				    column: Date
				    patterns:
				      - dd/mm/yyyy
				      - "MM/dd/yyyy hh:mm a"
				      - HH.MM.yyyy
				      - DD/MM/yyyy
				      - dd-yyyy
				      - "yyyy-'W'ww"
				""";
		assertThatExceptionOfType(MappingException.class).isThrownBy(() -> MappingFile.parse(yaml, "slashes.yaml"))
			.satisfies((ex) -> assertThat(ex.problems()).extracting(MappingProblem::toString)
				.containsExactly(
						"slashes.yaml:9: fields.date.patterns[0]: \"dd/mm/yyyy\" has \"mm\" (the minute, a time "
								+ "of day) and no month, so every date would load as its year alone; did you mean "
								+ "\"dd/MM/yyyy\"?",
						"slashes.yaml:11: fields.date.patterns[2]: \"HH.MM.yyyy\" has \"HH\" (the hour of the "
								+ "day, a time of day) and no day, so every date would load as its month alone; "
								+ "write the day of the month as dd",
						"slashes.yaml:12: fields.date.patterns[3]: \"DD/MM/yyyy\" has \"DD\" (the day of the "
								+ "year), which is not read; write the day of the month as dd",
						"slashes.yaml:13: fields.date.patterns[4]: \"dd-yyyy\" has a day but no month " + "(MM or MMM)",
						"slashes.yaml:14: fields.date.patterns[5]: \"yyyy-'W'ww\" has \"ww\" (the week of the "
								+ "year), which is not read; write the date with dd, MM and yyyy"));
	}

	@Test
	void acceptsATimeOfDayAfterAFullDate() {
		MappingFile file = MappingFile.parse("""
				mapping: with-time
				dataset: with-time
				defaults: { country: PAK, kind: ATTACK }
				fields:
				  id: { column: id }
				  date: { column: Date, patterns: ["MM/dd/yyyy HH:mm:ss", "d MMM yyyy 'at' h:mm a"] }
				""", "with-time.yaml");

		assertThat(file.mapping().fields().date().patterns()).hasSize(2);
	}

	@Test
	void aSumTakesColumnsInsteadOfOneColumn() {
		String yaml = """
				mapping: sums
				dataset: sums
				defaults: { country: PAK, kind: ATTACK }
				fields:
				  id: { column: id }
				  date: { column: Date }
				  killed: { column: Killed, sum: [Civilians, Police] }
				  injured: { sum: [] }
				  civilians: { sum: Civilians }
				""";
		assertThatExceptionOfType(MappingException.class).isThrownBy(() -> MappingFile.parse(yaml, "sums.yaml"))
			.satisfies((ex) -> assertThat(ex.problems()).extracting(MappingProblem::toString)
				.containsExactly("sums.yaml:7: fields.killed: takes column: or sum:, not both",
						"sums.yaml:8: fields.injured.sum: needs at least one column"));
	}

	@Test
	void reportsValuesOfTheWrongShape() {
		assertThatExceptionOfType(MappingException.class).isThrownBy(() -> load("shapes"))
			.satisfies((ex) -> assertThat(ex.problems()).extracting(MappingProblem::toString)
				.containsExactly(
						"shapes.yaml:6: fields.id: expected a mapping with the keys column, concat, separator, "
								+ "constant, trim, values, default but found a list",
						"shapes.yaml:7: fields.date: expected a mapping with the keys column, endColumn, patterns, "
								+ "strictPatterns but found \"Date\"",
						"shapes.yaml:8: fields.place.trim: expected true or false but found \"maybe\"",
						"shapes.yaml:10: numbers.onInvertedRange: \"ignore\" is not one of WARN, REJECT (any case)"));
	}

	@Test
	void reportsBrokenYamlWithItsLine() {
		assertThatExceptionOfType(MappingException.class).isThrownBy(() -> load("not-yaml"))
			.satisfies((ex) -> assertThat(ex.problems()).singleElement()
				.satisfies((problem) -> assertThat(problem.toString())
					.startsWith("not-yaml.yaml:5: is not valid YAML: ")));
	}

	@Test
	void reportsDuplicateKeys() {
		String yaml = """
				mapping: twice
				dataset: twice
				defaults: { country: PAK, kind: ATTACK }
				fields:
				  id: { column: id }
				  date: { column: Date }
				  date: { column: Other }
				""";
		assertThatExceptionOfType(MappingException.class).isThrownBy(() -> MappingFile.parse(yaml, "twice.yaml"))
			.satisfies((ex) -> assertThat(ex.problems()).singleElement()
				.satisfies((problem) -> assertThat(problem.toString()).startsWith("twice.yaml:7: ").contains("date")));
	}

	@Test
	void acceptsForgivingSpellings() {
		MappingFile file = MappingFile.parse("""
				mapping: forgiving
				dataset: forgiving
				source: { format: XLSX, sheet: Events }
				defaults: { country: Pakistan, kind: attack }
				fields:
				  id: { column: id }
				  date: { column: Date, patterns: "dd/MM/yyyy" }
				  perpetrators: { column: Group, role: claimed }
				numbers: { sentinels: [-1, "?"], onInvertedRange: Reject }
				""", "forgiving.yaml");

		assertThat(file.mapping().fields().date().patterns()).containsExactly("dd/MM/yyyy");
		assertThat(file.mapping().fields().perpetrators()).hasSize(1);
		assertThat(file.mapping().numbers().sentinels()).containsExactly("-1", "?");
		assertThat(file.mapping().numbers().onInvertedRange()).isEqualTo(InvertedRange.REJECT);
	}

	@Test
	void acceptsTheDelimiterAndEncodingNamesTheReaderKnows() {
		for (String delimiter : new String[] { "tab", "\\t", "\t", ";", "pipe" }) {
			MappingFile file = MappingFile.parse("""
					mapping: named
					dataset: named
					source: { encoding: latin1, delimiter: "%s" }
					defaults: { country: PAK, kind: ATTACK }
					fields: { id: { column: id }, date: { column: Date } }
					""".formatted(delimiter.replace("\\", "\\\\").replace("\t", "\\t")), "named.yaml");
			assertThat(file.mapping().source().delimiter()).isEqualTo(delimiter);
		}
		String yaml = """
				mapping: quote
				dataset: quote
				source: { encoding: win1252, delimiter: '"' }
				defaults: { country: PAK, kind: ATTACK }
				fields:
				  id: { column: id }
				  date: { column: Date, strictPatterns: true }
				  perpetrators: { column: group, split: "" }
				""";
		assertThatExceptionOfType(MappingException.class).isThrownBy(() -> MappingFile.parse(yaml, "quote.yaml"))
			.isInstanceOf(IllegalArgumentException.class)
			.satisfies((ex) -> assertThat(ex.problems()).extracting(MappingProblem::toString)
				.containsExactly(
						"quote.yaml:3: source.delimiter: must be one character other than a quote or line break, "
								+ "or tab, comma, semicolon or pipe",
						"quote.yaml:7: fields.date.strictPatterns: needs patterns: to be strict about",
						"quote.yaml:8: fields.perpetrators.split[0]: a separator must not be empty"));
	}

	@Test
	void requiresAKindAndACountry() {
		String yaml = """
				mapping: nothing-by-default
				dataset: nothing-by-default
				fields:
				  id: { column: id }
				  date: { column: Date }
				""";
		assertThatExceptionOfType(MappingException.class)
			.isThrownBy(() -> MappingFile.parse(yaml, "nothing-by-default.yaml"))
			.satisfies((ex) -> assertThat(ex.problems()).extracting(MappingProblem::toString)
				.containsExactlyInAnyOrder(
						"nothing-by-default.yaml:3: fields: no kind: add defaults.kind (e.g. kind: ATTACK) or "
								+ "fields.kind",
						"nothing-by-default.yaml:3: fields: no country: add defaults.country (e.g. country: PAK) or "
								+ "fields.country"));
	}

	@Test
	void namesTheFileThatCannotBeFound() {
		assertThatExceptionOfType(MappingException.class)
			.isThrownBy(() -> MappingFile.load(Path.of("no/such/mapping.yaml")))
			.withMessageContaining("mapping.yaml: cannot be read");
		assertThatExceptionOfType(MappingException.class).isThrownBy(() -> MappingFile.bundled("no-such-mapping"))
			.withMessageContaining(
					"no-such-mapping.yaml: no such resource on the classpath: " + "mappings/no-such-mapping.yaml");
	}

	private static MappingFile load(String name) {
		return MappingFile.load("mappings-broken/" + name + ".yaml");
	}

}
