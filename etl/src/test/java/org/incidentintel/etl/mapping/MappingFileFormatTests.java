package org.incidentintel.etl.mapping;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.incidentintel.domain.common.DatePrecision;
import org.incidentintel.domain.common.DateSpan;
import org.incidentintel.domain.common.GeoPoint;
import org.incidentintel.domain.incident.Casualties;
import org.incidentintel.domain.incident.IncidentKind;
import org.incidentintel.domain.incident.PerpetratorRole;
import org.incidentintel.etl.format.NormalizedRecord;
import org.incidentintel.etl.format.RecordWarning;
import org.incidentintel.etl.format.RejectReason;
import org.incidentintel.etl.format.ReportedActor;
import org.incidentintel.etl.format.RowRejectedException;
import org.incidentintel.etl.read.SourceRow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.incidentintel.etl.mapping.Rows.row;
import static org.incidentintel.etl.mapping.Rows.truncated;

/**
 * Each transform of a mapping, applied to hand-made rows.
 */
class MappingFileFormatTests {

	// Dates

	@Test
	void triesDatePatternsInOrderThenTheBuiltInStyles() throws Exception {
		MappingFileFormat format = format("date: { column: Date, patterns: [\"dd/MM/yyyy\", \"MM.yyyy\"] }");

		assertThat(read(format, row("id", "1", "Date", "05/04/2017")).date())
			.isEqualTo(DateSpan.day(LocalDate.of(2017, 4, 5)));
		assertThat(read(format, row("id", "1", "Date", "04.2017")).date().precision()).isEqualTo(DatePrecision.MONTH);
		assertThat(read(format, row("id", "1", "Date", "Thursday-Oct-22-2015")).date())
			.isEqualTo(DateSpan.day(LocalDate.of(2015, 10, 22)));
	}

	@Test
	void readsADateWithATimeOfDayByAPatternThatNamesBoth() throws Exception {
		// The shape of the UCDP explorer export: month/day/year, then a time that is
		// ignored
		MappingFileFormat format = format("date: { column: Date, patterns: [\"MM/dd/yyyy HH:mm:ss\"] }");

		assertThat(read(format, row("id", "1", "Date", "03/27/1990 00:00:00")).date())
			.isEqualTo(DateSpan.day(LocalDate.of(1990, 3, 27)));
	}

	@Test
	void strictPatternsRejectWhatNoPatternReads() throws Exception {
		MappingFileFormat format = format("date: { column: Date, patterns: [\"dd/MM/yyyy\"], strictPatterns: true }");

		assertThat(read(format, row("id", "1", "Date", "05/04/2017")).date().start())
			.isEqualTo(LocalDate.of(2017, 4, 5));
		assertRejected(format, row("id", "1", "Date", "2017-04-05"), RejectReason.BAD_DATE, "Date");
		assertRejected(format, row("id", "1", "Date", "31/02/2017"), RejectReason.BAD_DATE, "Date");
	}

	@Test
	void keepsARowWhoseWeekdayContradictsItsDateWithAWarning() throws Exception {
		MappingFileFormat format = format("date: { column: Date, patterns: [\"EEEE-MMM d-yyyy\"] }");

		NormalizedRecord record = read(format, row("id", "464", "Date", "Saturday-Mar 07-2016"));

		assertThat(record.date()).isEqualTo(DateSpan.day(LocalDate.of(2016, 3, 7)));
		assertThat(record.warnings()).singleElement().satisfies((warning) -> {
			assertThat(warning.code()).isEqualTo("WEEKDAY_MISMATCH");
			assertThat(warning.field()).isEqualTo("Date");
			assertThat(warning.message()).contains("Saturday-Mar 07-2016").contains("Monday");
		});
	}

	@Test
	void readsAMisspeltWeekdayWithAWarning() throws Exception {
		NormalizedRecord record = read(format("date: { column: Date }"),
				row("id", "453", "Date", "Thursay-Aug 27-2015"));

		assertThat(record.date().start()).isEqualTo(LocalDate.of(2015, 8, 27));
		assertThat(record.warnings()).extracting(RecordWarning::code).containsExactly("WEEKDAY_MISSPELT");
	}

	@Test
	void rejectsAnUnreadableOrBlankDate() {
		MappingFileFormat format = format("date: { column: Date }");

		assertRejected(format, row("id", "1", "Date", "sometime in spring"), RejectReason.BAD_DATE, "Date");
		assertRejected(format, row("id", "1", "Date", " "), RejectReason.BAD_DATE, "Date");
	}

	@Test
	void spansFromAStartToAnEndColumn() throws Exception {
		MappingFileFormat format = format("date: { column: start, endColumn: end }");

		assertThat(read(format, row("id", "1", "start", "2013-03-05", "end", "2013-03-10")).date())
			.isEqualTo(DateSpan.days(LocalDate.of(2013, 3, 5), LocalDate.of(2013, 3, 10)));
		assertThat(read(format, row("id", "1", "start", "2013-03-05", "end", "")).date())
			.isEqualTo(DateSpan.day(LocalDate.of(2013, 3, 5)));
		assertRejected(format, row("id", "1", "start", "2013-03-05", "end", "2013-03-01"), RejectReason.BAD_DATE,
				"end");
	}

	// Counts

	@Test
	void readsMinMaxRangesWithTheMaxAsTheFigure() throws Exception {
		MappingFileFormat format = format("killed: { min: \"Killed Min\", max: \"Killed Max\" }",
				"injured: { min: \"Injured Min\", max: \"Injured Max\" }");

		NormalizedRecord record = read(format, row("id", "1", "date", "2004-05-07", "Killed Min", "14", "Killed Max",
				"15", "Injured Min", "96", "Injured Max", "200"));
		assertThat(record.casualties()).isEqualTo(Casualties.none().withKilled(15, 14, 15).withInjured(200));

		record = read(format, row("id", "1", "date", "2004-05-07", "Killed Min", "", "Killed Max", "3", "Injured Min",
				"7", "Injured Max", ""));
		assertThat(record.casualties()).isEqualTo(Casualties.none().withKilled(3, null, 3).withInjured(7));
	}

	@Test
	void addsCountColumnsIntoOneField() throws Exception {
		MappingFileFormat format = format("killed: { sum: [\"Killed Civilians\", \"Killed Security\"] }",
				"injured: { sum: [\"Injured Civilians\", \"Injured Security\"] }");

		assertThat(read(format, sumRow("3", "4", "10", "0")).casualties())
			.isEqualTo(Casualties.none().withKilled(7).withInjured(10));
		// An unknown part leaves the known sum as a lower bound, not a zero
		assertThat(read(format, sumRow("3", "", "Unknown", "2")).casualties())
			.isEqualTo(Casualties.none().withKilled(3, 3, null).withInjured(2));
		assertThat(read(format, sumRow("", "-", "", "")).casualties()).isEqualTo(Casualties.none());
		assertRejected(format, sumRow("3", "about 4", "", ""), RejectReason.BAD_NUMBER, "Killed Security");
		assertRejected(format, sumRow("3", "-4", "", ""), RejectReason.NEGATIVE_COUNT, "Killed Security");
	}

	@Test
	void aSumNeedsItsColumnsInTheHeader() {
		MappingFileFormat format = format("killed: { sum: [\"Killed Civilians\", \"Killed Security\"] }");

		assertThat(format.recognizes(List.of("id", "date", "Killed Civilians", "Killed Security"))).isTrue();
		assertThatExceptionOfType(MappingException.class)
			.isThrownBy(() -> format.checkHeader(List.of("id", "date", "Killed Civilians")))
			.satisfies((ex) -> assertThat(ex.problems()).extracting(MappingProblem::toString)
				.containsExactly("test.yaml:8: fields.killed.sum[1]: column \"Killed Security\" is not in the file's "
						+ "header"));
	}

	private static SourceRow sumRow(String civilians, String security, String injuredCivilians,
			String injuredSecurity) {
		return row("id", "1", "date", "2004-05-07", "Killed Civilians", civilians, "Killed Security", security,
				"Injured Civilians", injuredCivilians, "Injured Security", injuredSecurity);
	}

	@Test
	void readsAnOpenEndedMaxAsAtLeast() throws Exception {
		MappingFileFormat format = format("killed: { min: \"Killed Min\", max: \"Killed Max\" }",
				"injured: { min: \"Injured Min\", max: \"Injured Max\" }");

		NormalizedRecord record = read(format, row("id", "458", "date", "2015-10-23", "Killed Min", "", "Killed Max",
				"40+", "Injured Min", "40", "Injured Max", "100 +"));

		assertThat(record.casualties()).isEqualTo(Casualties.none().withKilled(40, 40, null).withInjured(100));
		assertThat(record.warnings()).isEmpty();
	}

	@Test
	void keepsAnInvertedRangeAsItsMaxWithAWarningByDefault() throws Exception {
		MappingFileFormat format = format("killed: { min: \"Killed Min\", max: \"Killed Max\" }");

		NormalizedRecord record = read(format,
				row("id", "129", "date", "2008-10-26", "Killed Min", "11", "Killed Max", "10"));

		assertThat(record.casualties()).isEqualTo(Casualties.none().withKilled(10));
		assertThat(record.warnings()).singleElement().satisfies((warning) -> {
			assertThat(warning.code()).isEqualTo("RANGE_DROPPED");
			assertThat(warning.field()).isEqualTo("Killed Min");
			assertThat(warning.message())
				.isEqualTo("Killed Min 11 is above Killed Max 10: kept 10 as the figure and dropped the range");
		});
	}

	@Test
	void rejectsAnInvertedRangeWhenTheMappingSaysSo() {
		MappingFileFormat format = format(List.of("killed: { min: \"Killed Min\", max: \"Killed Max\" }"),
				"numbers: { onInvertedRange: reject }");

		assertRejected(format, row("id", "129", "date", "2008-10-26", "Killed Min", "11", "Killed Max", "10"),
				RejectReason.RANGE_INVERTED, "Killed Min");
		assertRejected(format, row("id", "130", "date", "2008-10-26", "Killed Min", "50", "Killed Max", "40+"),
				RejectReason.RANGE_INVERTED, "Killed Min");
	}

	@Test
	void readsSingleCountCellsWithRangesAndBounds() throws Exception {
		MappingFileFormat format = format("killed: { column: deaths }");

		assertThat(killed(format, "12")).isEqualTo(Casualties.none().withKilled(12));
		assertThat(killed(format, "10-15")).isEqualTo(Casualties.none().withKilled(15, 10, 15));
		assertThat(killed(format, "40+")).isEqualTo(Casualties.none().withKilled(40, 40, null));
		assertThat(killed(format, "Unknown")).isEqualTo(Casualties.none());
		NormalizedRecord inverted = read(format, row("id", "1", "date", "2001-01-01", "deaths", "15-10"));
		assertThat(inverted.casualties()).isEqualTo(Casualties.none().withKilled(10));
		assertThat(inverted.warnings()).extracting(RecordWarning::code).containsExactly("RANGE_DROPPED");
	}

	@Test
	void readsABestFigureWithLowAndHighColumns() throws Exception {
		MappingFileFormat format = format("killed: { column: best, min: low, max: high }");

		assertThat(
				read(format, row("id", "1", "date", "2001-01-01", "best", "12", "low", "0", "high", "20")).casualties())
			.isEqualTo(Casualties.none().withKilled(12, 0, 20));
		NormalizedRecord outside = read(format,
				row("id", "1", "date", "2001-01-01", "best", "25", "low", "10", "high", "20"));
		assertThat(outside.casualties()).isEqualTo(Casualties.none().withKilled(25));
		assertThat(outside.warnings()).singleElement()
			.satisfies((warning) -> assertThat(warning.message()).startsWith("the figure 25 is above high 20"));
	}

	@Test
	void treatsSentinelsAsUnknown() throws Exception {
		MappingFileFormat format = format(List.of("killed: { column: deaths }", "injured: { column: hurt }"),
				"numbers: { sentinels: [\"?\", -1] }");

		NormalizedRecord record = read(format, row("id", "1", "date", "2001-01-01", "deaths", "?", "hurt", "-1"));
		assertThat(record.casualties()).isEqualTo(Casualties.none());
		record = read(format, row("id", "1", "date", "2001-01-01", "deaths", "NA", "hurt", "-9"));
		assertThat(record.casualties()).isEqualTo(Casualties.none());
	}

	@Test
	void rejectsCountsThatAreNotNumbersOrAreNegative() {
		MappingFileFormat format = format("killed: { min: \"Killed Min\", max: \"Killed Max\" }",
				"injured: { min: \"Injured Min\", max: \"Injured Max\" }");

		SourceRow url = row("id", "450", "date", "2015-06-29", "Killed Min", "1", "Killed Max", "4", "Injured Min", "",
				"Injured Max", "http://www.samaa.tv/pakistan/29-Jun-2015/shootout-after-suicide-attack-in-lahore");
		assertRejected(format, url, RejectReason.BAD_NUMBER, "Injured Max");
		SourceRow negative = row("id", "1", "date", "2015-06-29", "Killed Min", "-3", "Killed Max", "4", "Injured Min",
				"", "Injured Max", "");
		assertRejected(format, negative, RejectReason.NEGATIVE_COUNT, "Killed Min");
	}

	@Test
	void readsTheBreakdownOfTheDead() throws Exception {
		MappingFileFormat format = format("civilians: { column: civ }", "securityForces: { column: sf }",
				"militants: { column: mil }", "unknownKilled: { column: unk }");

		NormalizedRecord record = read(format,
				row("id", "1", "date", "2001-01-01", "civ", "3", "sf", "2", "mil", "5", "unk", ""));

		assertThat(record.casualties()).isEqualTo(Casualties.none().withBreakdown(3, 2, 5, null));
	}

	// Text, lists and actors

	@Test
	void trimsConcatenatesAndReplacesText() throws Exception {
		MappingFileFormat format = format("place: { column: City }", "district: { column: District, trim: false }",
				"region: { constant: Sindh }",
				"summary: { concat: [Location, Target, Sect], values: { None: \"\", NA: ~ } }");

		NormalizedRecord record = read(format, row("id", "1", "date", "2001-01-01", "City", " Karachi \r\n", "District",
				" Saddar ", "Location", "Near the\nmosque ", "Target", "Religious", "Sect", "None"));

		assertThat(record.place()).isEqualTo("Karachi");
		assertThat(record.district()).isEqualTo(" Saddar ");
		assertThat(record.regionName()).isEqualTo("Sindh");
		assertThat(record.summary()).isEqualTo("Near the mosque | Religious");
	}

	@Test
	void fallsBackToTheDefaultForABlankCell() throws Exception {
		MappingFileFormat format = format("place: { column: City, default: Unknown place, values: { \"-\": \"\" } }",
				"summary: { concat: [a, b], separator: \"; \" }");

		NormalizedRecord record = read(format, row("id", "1", "date", "2001-01-01", "City", "-", "a", "", "b", " "));

		assertThat(record.place()).isEqualTo("Unknown place");
		assertThat(record.summary()).isNull();
		assertThat(read(format, row("id", "1", "date", "2001-01-01", "City", "", "a", "x", "b", "y")).summary())
			.isEqualTo("x; y");
	}

	@Test
	void readsListsFromColumnsSplitsAndConstants() throws Exception {
		MappingFileFormat format = format(
				"targets: { columns: [target1, target2], split: [\" & \", \",\"], "
						+ "values: { Unknown: \"\", civilian: Civilians } }",
				"attackTypes: { constant: Suicide bombing }");

		NormalizedRecord record = read(format,
				row("id", "1", "date", "2001-01-01", "target1", "Police & Rangers", "target2", "civilian, Unknown"));

		assertThat(record.targets()).containsExactly("Police", "Rangers", "Civilians");
		assertThat(record.attackTypes()).containsExactly("Suicide bombing");
	}

	@Test
	void readsPerpetratorsVerbatimWithTheirRole() throws Exception {
		MappingFileFormat single = format("perpetrators: { column: group, split: \",\" }");

		assertThat(read(single, row("id", "1", "date", "2001-01-01", "group", "TTP, Lashkar-e-Jhangvi (suspected)"))
			.actors()).containsExactly(new ReportedActor("TTP", PerpetratorRole.PERPETRATOR),
					new ReportedActor("Lashkar-e-Jhangvi (suspected)", PerpetratorRole.PERPETRATOR));

		MappingFileFormat sides = format("perpetrators:", "    - { column: side_a, role: SIDE_A }",
				"    - { column: side_b, role: side_b }", "    - { column: claim, role: CLAIMED }");
		assertThat(read(sides,
				row("id", "1", "date", "2001-01-01", "side_a", "Government of Pakistan", "side_b", "TTP", "claim", ""))
			.actors()).containsExactly(new ReportedActor("Government of Pakistan", PerpetratorRole.SIDE_A),
					new ReportedActor("TTP", PerpetratorRole.SIDE_B));
	}

	// Kind and country

	@Test
	void mapsKindValuesWithADefault() throws Exception {
		MappingFileFormat format = format("kind: { column: type, values: { Drone: STRIKE }, default: ATTACK }");

		assertThat(kind(format, "drone ")).isEqualTo(IncidentKind.STRIKE);
		assertThat(kind(format, "Security operation")).isEqualTo(IncidentKind.SECURITY_OPERATION);
		assertThat(kind(format, "Bombing")).isEqualTo(IncidentKind.ATTACK);
		assertThat(kind(format, "")).isEqualTo(IncidentKind.ATTACK);
	}

	@Test
	void rejectsAKindItDoesNotKnowWithoutADefault() {
		MappingFileFormat format = format(List.of("kind: { column: type, values: { Drone: STRIKE } }"),
				"defaults: { country: PAK }");

		assertRejected(format, row("id", "1", "date", "2001-01-01", "type", "Bombing"), RejectReason.BAD_CODE, "type");
		assertRejected(format, row("id", "1", "date", "2001-01-01", "type", ""), RejectReason.MISSING_FIELD, "type");
	}

	@Test
	void readsCountriesAsCodesOrEnglishNames() throws Exception {
		MappingFileFormat format = format("country: { column: country, values: { Pak.: PAK }, default: PAK }");

		assertThat(country(format, "AFG")).isEqualTo("AFG");
		assertThat(country(format, "in")).isEqualTo("IND");
		assertThat(country(format, "Iran")).isEqualTo("IRN");
		assertThat(country(format, "pakistan")).isEqualTo("PAK");
		assertThat(country(format, "Pak.")).isEqualTo("PAK");
		assertThat(country(format, "")).isEqualTo("PAK");
		assertRejected(format, row("id", "1", "date", "2001-01-01", "country", "Waziristan"),
				RejectReason.UNKNOWN_COUNTRY, "country");
	}

	// Rows

	@Test
	void rejectsTruncatedRowsAndRowsWithoutAnId() {
		MappingFileFormat format = format("place: { column: City }");

		assertRejected(format, truncated("id", "1", "date", "2001-01-01"), RejectReason.TRUNCATED_ROW, null);
		assertRejected(format, row("id", " ", "date", "2001-01-01", "City", "Quetta"), RejectReason.MISSING_ID, "id");
	}

	@Test
	void skipsRowsTheMappingDrops() throws Exception {
		MappingFileFormat format = format(List.of("killed: { column: deaths }"),
				"source: { skipRows: [ { column: id, matches: \"(?i)total.*\" }, { column: date, matches: \"#.*\" } ] }");

		SourceRow totals = row("id", "Total ", "date", "", "deaths", "7315");
		assertThat(format.read(totals)).isNull();
		assertThat(format.skipReason(totals)).isEqualTo("source.skipRows[0]: id \"Total\" matches (?i)total.*");
		assertThat(format.read(row("id", "", "date", "#date", "deaths", "#affected+killed"))).isNull();
		assertThat(format.skipReason(row("id", "1", "date", "2001-01-01", "deaths", "3"))).isNull();
	}

	@Test
	void skipsATotalsRowWhoseIdIsBlank() throws Exception {
		// The totals row of a spreadsheet export: no id, the sums in the count columns
		MappingFileFormat format = format(List.of("killed: { column: deaths }"),
				"source: { skipRows: [ { column: id, matches: \"\" } ] }");

		SourceRow totals = row("id", " ", "date", "", "deaths", "7315");
		assertThat(format.read(totals)).isNull();
		assertThat(format.skipReason(totals)).isEqualTo("source.skipRows[0]: id is blank");
		assertThat(format.read(row("id", "1", "date", "2001-01-01", "deaths", "3")).casualties().killed()).isEqualTo(3);
		// A cell missing from a short row is not blank: the row is rejected as truncated
		assertThat(format.skipReason(truncated("date", "2001-01-01"))).isNull();
	}

	@Test
	void readsCoordinates() throws Exception {
		MappingFileFormat format = format("location: { latitude: Latitude, longitude: Longitude }");

		assertThat(location(format, "33.986111", "\u00a071.456944")).isEqualTo(GeoPoint.of(33.986111, 71.456944));
		assertThat(location(format, "", " ")).isNull();
		assertRejected(format, locationRow("33.9", ""), RejectReason.BAD_COORDINATES, "Longitude");
		assertRejected(format, locationRow("133.9", "71.4"), RejectReason.BAD_COORDINATES, "Latitude");
		assertRejected(format, locationRow("33,9", "71.4"), RejectReason.BAD_NUMBER, "Latitude");
	}

	// Header

	@Test
	void namesTheMappingLineOfEveryColumnTheHeaderLacks() {
		MappingFileFormat format = MappingFile.load("mappings-broken/missing-columns.yaml").format();
		List<String> header = List.of("S#", "Date", "City", "Killed Min", "Killed Max", "Location");

		assertThat(format.recognizes(header)).isFalse();
		assertThatExceptionOfType(MappingException.class).isThrownBy(() -> format.checkHeader(header))
			.withMessageStartingWith("Mapping missing-columns.yaml does not fit the file's header (3 problems):")
			.satisfies((ex) -> assertThat(ex.problems()).extracting(MappingProblem::toString)
				.containsExactly(
						"missing-columns.yaml:9: fields.place.column: column \"Town\" is not in the file's header",
						"missing-columns.yaml:10: fields.killed.max: column \"Killed Maximum\" is not in the file's "
								+ "header; did you mean \"Killed Max\"?",
						"missing-columns.yaml:11: fields.summary.concat[1]: column \"Target\" is not in the file's "
								+ "header"));
	}

	@Test
	void matchesColumnsIgnoringCaseAndSurroundingSpaces() throws Exception {
		MappingFileFormat format = format("place: { column: City }");
		List<String> header = List.of("\uFEFFID", "date ", "city");

		assertThat(format.recognizes(header)).isTrue();
		format.checkHeader(header);
		assertThat(read(format, row("\uFEFFID", "7", "date ", "2001-01-01", "city", "Quetta")).place())
			.isEqualTo("Quetta");
		assertThat(format.recognizes(List.of("id", "date"))).isFalse();
		assertThat(format.recognizes(List.of("id", "date", "City", "CITY"))).isTrue();
		assertThat(format.recognizes(List.of("id", "date", "city ", "CITY"))).isFalse();
	}

	// Helpers

	private static MappingFileFormat format(String... fields) {
		return format(List.of(fields), "");
	}

	private static MappingFileFormat format(List<String> fields, String tail) {
		StringBuilder yaml = new StringBuilder("""
				mapping: test-source
				dataset: test
				""");
		if (!tail.startsWith("defaults:")) {
			yaml.append("defaults: { country: PAK, kind: ATTACK }\n");
		}
		yaml.append(tail).append('\n');
		yaml.append("fields:\n  id: { column: id }\n");
		if (fields.stream().noneMatch((field) -> field.startsWith("date:"))) {
			yaml.append("  date: { column: date }\n");
		}
		fields.forEach((field) -> yaml.append(field.startsWith(" ") ? field : "  " + field).append('\n'));
		return MappingFile.parse(yaml.toString(), "test.yaml").format();
	}

	private static NormalizedRecord read(MappingFileFormat format, SourceRow row) throws RowRejectedException {
		return format.read(row);
	}

	private static void assertRejected(MappingFileFormat format, SourceRow row, RejectReason reason, String field) {
		assertThatExceptionOfType(RowRejectedException.class).isThrownBy(() -> format.read(row)).satisfies((ex) -> {
			assertThat(ex.reason()).isEqualTo(reason);
			assertThat(ex.field()).isEqualTo(field);
		});
	}

	private static Casualties killed(MappingFileFormat format, String deaths) throws RowRejectedException {
		return read(format, row("id", "1", "date", "2001-01-01", "deaths", deaths)).casualties();
	}

	private static IncidentKind kind(MappingFileFormat format, String type) throws RowRejectedException {
		return read(format, row("id", "1", "date", "2001-01-01", "type", type)).kind();
	}

	private static String country(MappingFileFormat format, String country) throws RowRejectedException {
		return read(format, row("id", "1", "date", "2001-01-01", "country", country)).country();
	}

	private static SourceRow locationRow(String latitude, String longitude) {
		return row("id", "1", "date", "2001-01-01", "Latitude", latitude, "Longitude", longitude);
	}

	private static GeoPoint location(MappingFileFormat format, String latitude, String longitude)
			throws RowRejectedException {
		return read(format, locationRow(latitude, longitude)).location();
	}

}
