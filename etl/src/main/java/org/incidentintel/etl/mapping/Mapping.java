package org.incidentintel.etl.mapping;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.incidentintel.domain.incident.IncidentKind;
import org.incidentintel.domain.incident.PerpetratorRole;

/**
 * The contents of a mapping file, exactly as a data engineer writes it: every key of the
 * YAML is a component of one of these records, so this file doubles as the schema.
 * {@link MappingFile} reads and validates it; {@link MappingFileFormat} applies it.
 *
 * @param mapping the mapping's name, also the format's name on the command line
 * @param dataset the dataset its records belong to (records are unique per dataset and
 * id)
 * @param description free text for people
 * @param source how to read the file; optional (CSV with detected encoding)
 * @param defaults values for the whole file when no column gives them
 * @param fields canonical field to column(s) and transform
 * @param numbers how counts are read
 */
public record Mapping(String mapping, String dataset, String description, Source source, Defaults defaults,
		Fields fields, Numbers numbers) {

	/**
	 * How the file is read; the reader uses it, the format does not.
	 *
	 * @param format csv, xlsx or json; csv when absent
	 * @param encoding a charset name such as {@code windows-1252}; detected when absent
	 * @param delimiter one character, or tab, comma, semicolon or pipe (csv); detected
	 * when absent
	 * @param sheet the sheet name (xlsx); the first sheet when absent
	 * @param skipLines lines before the header (csv, xlsx)
	 * @param skipRows rows to drop, e.g. a trailing totals row
	 */
	public record Source(SourceType format, String encoding, String delimiter, String sheet, Integer skipLines,
			List<SkipRow> skipRows) {

		/** The effective format: CSV unless told otherwise. */
		public SourceType formatOrDefault() {
			return (this.format != null) ? this.format : SourceType.CSV;
		}

		/** The effective number of lines before the header. */
		public int skipLinesOrDefault() {
			return (this.skipLines != null) ? this.skipLines : 0;
		}

	}

	/** The kinds of file a mapping can read. */
	public enum SourceType {

		CSV, XLSX, JSON

	}

	/**
	 * A row to drop: one whose cell in {@code column} matches the regular expression
	 * {@code matches} in full. The cell is tested trimmed, a blank one as {@code ""}, so
	 * {@code matches: ""} drops a row whose cell is blank (a totals row without an id).
	 *
	 * @param column the column to test
	 * @param matches a Java regular expression, e.g. {@code (?i)total.*}
	 */
	public record SkipRow(String column, String matches) {
	}

	/**
	 * Values for the whole file.
	 *
	 * @param country ISO 3166 alpha-3 (an alpha-2 code or English name is accepted)
	 * @param kind what every row describes, unless {@code fields.kind} says otherwise
	 */
	public record Defaults(String country, IncidentKind kind) {
	}

	/**
	 * Canonical field to column(s). Only {@code id} and {@code date} are required; a
	 * field left out stays unknown.
	 *
	 * @param id the source record id
	 * @param date the date, or start date
	 * @param kind a column whose values map to incident kinds
	 * @param country a column holding the country
	 * @param region admin1, passed through verbatim (the load resolves it)
	 * @param district admin2 or district
	 * @param place city or place
	 * @param location latitude and longitude columns
	 * @param killed the dead: a figure, a min/max range, or both
	 * @param injured the injured
	 * @param civilians civilians killed
	 * @param securityForces security personnel killed
	 * @param militants militants killed
	 * @param unknownKilled dead of unknown affiliation
	 * @param perpetrators actors, one spec or a list of specs (passed through verbatim)
	 * @param attackTypes attack types
	 * @param targets targets or target types
	 * @param summary free text, often a concatenation
	 */
	public record Fields(TextField id, DateField date, KindField kind, CountryField country, TextField region,
			TextField district, TextField place, LocationField location, CountField killed, CountField injured,
			CountField civilians, CountField securityForces, CountField militants, CountField unknownKilled,
			List<ActorField> perpetrators, ListField attackTypes, ListField targets, TextField summary) {
	}

	/**
	 * A text value: exactly one of {@code column}, {@code concat} or {@code constant}.
	 *
	 * @param column the column
	 * @param concat columns whose non-blank values are joined
	 * @param separator what joins the {@code concat} values; {@code " | "} when absent
	 * @param constant the same value for every row
	 * @param trim strip surrounding whitespace and fold line breaks and runs of spaces
	 * into one space; true when absent
	 * @param values replacements, matched case-insensitively on the trimmed cell; an
	 * empty or null replacement drops the value
	 * @param defaultValue the value for a blank cell
	 */
	public record TextField(String column, List<String> concat, String separator, String constant, Boolean trim,
			Map<String, String> values, @JsonProperty("default") String defaultValue) {
	}

	/**
	 * A date column.
	 *
	 * @param column the column
	 * @param endColumn a column with the last day, for sources that give a start and an
	 * end
	 * @param patterns {@link java.time.format.DateTimeFormatter} patterns tried in order,
	 * before the built-in styles
	 * @param strictPatterns true to reject a date that no pattern reads, instead of
	 * falling back to the built-in styles
	 */
	public record DateField(String column, String endColumn, List<String> patterns, Boolean strictPatterns) {
	}

	/**
	 * A count: {@code column} (a figure, {@code 10-15} or {@code 40+}) or {@code sum}
	 * (the figure is the sum of several columns), a {@code min}/{@code max} pair of
	 * columns, or the figure with the pair (best, low, high).
	 *
	 * @param column the figure
	 * @param sum columns whose counts add up to the figure, e.g. civilians and police
	 * killed; an unknown part leaves the known sum as a lower bound
	 * @param min the column with the lowest estimate
	 * @param max the column with the highest estimate, which is the headline figure
	 */
	public record CountField(String column, List<String> sum, String min, String max) {
	}

	/**
	 * Coordinates in decimal degrees.
	 *
	 * @param latitude the latitude column
	 * @param longitude the longitude column
	 */
	public record LocationField(String latitude, String longitude) {
	}

	/**
	 * The incident kind from a column.
	 *
	 * @param column the column
	 * @param values cell value (case-insensitive) to kind; a kind's own name is
	 * understood without an entry
	 * @param defaultValue the kind for any other value, blank included; without it such a
	 * row is rejected
	 */
	public record KindField(String column, Map<String, IncidentKind> values,
			@JsonProperty("default") IncidentKind defaultValue) {
	}

	/**
	 * The country from a column holding ISO codes or English names.
	 *
	 * @param column the column
	 * @param values cell value (case-insensitive) to ISO code or name, for spellings the
	 * standard names miss
	 * @param defaultValue the country for a blank cell
	 */
	public record CountryField(String column, Map<String, String> values,
			@JsonProperty("default") String defaultValue) {
	}

	/**
	 * A list of values: exactly one of {@code column}, {@code columns} (each non-blank
	 * cell is one value) or {@code constant}.
	 *
	 * @param column the column
	 * @param columns several columns
	 * @param constant the same values for every row
	 * @param split literal separators that split a cell into several values
	 * @param trim as for {@link TextField}; true when absent
	 * @param values replacements as for {@link TextField}
	 */
	public record ListField(String column, List<String> columns, List<String> constant, List<String> split,
			Boolean trim, Map<String, String> values) {
	}

	/**
	 * Actors named in a column, with the part they played: as {@link ListField}, plus a
	 * role.
	 *
	 * @param column the column
	 * @param columns several columns
	 * @param constant the same actors for every row
	 * @param role the part they played; PERPETRATOR when absent
	 * @param split literal separators between several actors in one cell
	 * @param trim as for {@link TextField}; true when absent
	 */
	public record ActorField(String column, List<String> columns, List<String> constant, PerpetratorRole role,
			List<String> split, Boolean trim) {
	}

	/**
	 * How counts are read.
	 *
	 * @param sentinels cell values meaning unknown, on top of {@code Unknown},
	 * {@code NA}, {@code N/A}, {@code -}, {@code -9}, {@code -99} and blank
	 * @param onInvertedRange what to do with a min above its max: keep the row with the
	 * max as the figure and drop the range ({@code warn}, the default), or reject the row
	 */
	public record Numbers(List<String> sentinels, InvertedRange onInvertedRange) {
	}

	/** What to do with a range whose minimum exceeds its maximum. */
	public enum InvertedRange {

		/** Keep the row, the maximum as the figure, the range dropped, with a warning. */
		WARN,
		/** Reject the row with RANGE_INVERTED. */
		REJECT

	}

}
