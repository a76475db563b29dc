package org.incidentintel.etl.format;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.incidentintel.domain.common.DatePrecision;
import org.incidentintel.domain.common.DateSpan;
import org.incidentintel.domain.common.GeoPoint;
import org.incidentintel.domain.incident.Casualties;
import org.incidentintel.domain.incident.IncidentKind;
import org.incidentintel.domain.incident.PerpetratorRole;
import org.incidentintel.etl.read.SourceRow;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class UcdpGedFormatTests {

	private final UcdpGedFormat format = new UcdpGedFormat();

	private final Fixtures.Table official = Fixtures.csv("ucdp-ged/official.csv");

	@Test
	void namesItself() {
		assertThat(this.format.name()).isEqualTo("ucdp-ged");
		assertThat(this.format.dataset()).isEqualTo("ucdp-ged");
	}

	@Test
	void recognizesEveryLayoutByColumnName() {
		assertThat(this.format.recognizes(this.official.header())).isTrue();
		assertThat(this.format.recognizes(Fixtures.csv("ucdp-ged/hdx-extract.csv").header())).isTrue();
		assertThat(this.format.recognizes(Fixtures.csv("ucdp-ged/explorer.csv").header())).isTrue();
		assertThat(this.format.recognizes(Fixtures.json("ucdp-ged/api-page.json").header())).isTrue();
		assertThat(this.format.recognizes(Fixtures.csv("gtd/codebook.csv").header())).isFalse();
		assertThat(this.format.recognizes(Fixtures.csv("acled/current.csv").header())).isFalse();
	}

	@Test
	void readsAStateBasedEventWithAGovernmentAsSideA() throws RowRejectedException {
		NormalizedRecord record = read("900001");
		assertThat(record.sourceRecordId()).isEqualTo("900001");
		assertThat(record.date()).isEqualTo(DateSpan.day(LocalDate.of(2009, 5, 10)));
		assertThat(record.kind()).isEqualTo(IncidentKind.CLASH);
		assertThat(record.country()).isEqualTo("PAK");
		assertThat(record.regionName()).isEqualTo("North-West Frontier Province");
		assertThat(record.district()).isEqualTo("Swat district");
		assertThat(record.place()).isEqualTo("Mingora town");
		assertThat(record.location()).isEqualTo(GeoPoint.of(34.775, 72.36));
		assertThat(record.casualties()).isEqualTo(new Casualties(13, 13, 15, 1, 2, 10, 0, null));
		assertThat(record.actors()).containsExactly(new ReportedActor("Government of Pakistan", PerpetratorRole.SIDE_A),
				new ReportedActor("TTP", PerpetratorRole.SIDE_B));
		assertThat(record.attackTypes()).isEmpty();
		assertThat(record.targets()).isEmpty();
		assertThat(record.summary()).isEqualTo("Synthetic headline: soldiers and militants clash near Mingora");
		assertThat(record.warnings()).isEmpty();
	}

	@Test
	void readsOneSidedViolenceOverSeveralDays() throws RowRejectedException {
		NormalizedRecord record = read("900002");
		assertThat(record.date())
			.isEqualTo(new DateSpan(LocalDate.of(2009, 5, 10), LocalDate.of(2009, 5, 14), DatePrecision.DAY));
		assertThat(record.kind()).isEqualTo(IncidentKind.ATTACK);
		assertThat(record.actors()).containsExactly(new ReportedActor("TTP", PerpetratorRole.PERPETRATOR));
		assertThat(record.targets()).containsExactly("Civilians");
		// no where_coordinates and no headline: the description serves for both
		assertThat(record.place()).isEqualTo("Market area, several villages of the district");
		assertThat(record.summary()).isEqualTo("Market area, several villages of the district");
		assertThat(record.casualties()).isEqualTo(new Casualties(25, 20, 30, 25, null, null, 0, null));
	}

	@Test
	void readsAUnitedStatesDroneStrikeInPakistanAsAStrike() throws RowRejectedException {
		NormalizedRecord record = read("900003");
		assertThat(record.kind()).isEqualTo(IncidentKind.STRIKE);
		assertThat(record.country()).isEqualTo("PAK");
		assertThat(record.regionName()).isEqualTo("Federally Administered Tribal Areas");
		assertThat(record.actors()).extracting(ReportedActor::name)
			.containsExactly("Government of United States of America", "al-Qaida");
		assertThat(record.casualties().securityForces()).isZero();
		assertThat(record.casualties().militants()).isEqualTo(4);
	}

	@Test
	void dropsAnInvertedLowHighRangeWithAWarningButKeepsBest() throws RowRejectedException {
		NormalizedRecord record = read("900004");
		assertThat(record.casualties().killed()).isEqualTo(4);
		assertThat(record.casualties().killedLow()).isNull();
		assertThat(record.casualties().killedHigh()).isNull();
		assertThat(record.warnings()).singleElement().satisfies((warning) -> {
			assertThat(warning.code()).isEqualTo("RANGE_DROPPED");
			assertThat(warning.field()).isEqualTo("low/high");
			assertThat(warning.message()).contains("low 5", "high 3", "best 4");
		});
	}

	@Test
	void dropsARangeThatDoesNotBracketBest() throws RowRejectedException {
		NormalizedRecord record = read("900005");
		assertThat(record.casualties()).isEqualTo(new Casualties(6, null, null, 0, 2, 4, 0, null));
		assertThat(record.warnings()).extracting(RecordWarning::code).containsExactly("RANGE_DROPPED");
	}

	@Test
	void leavesTheSidesUnattributedInNonStateConflictsAndReadsMinusOneAsUnknown() throws RowRejectedException {
		NormalizedRecord record = read("900006");
		assertThat(record.kind()).isEqualTo(IncidentKind.CLASH);
		assertThat(record.actors()).containsExactly(new ReportedActor("Mohajir", PerpetratorRole.SIDE_A),
				new ReportedActor("Sindhi", PerpetratorRole.SIDE_B));
		assertThat(record.casualties()).isEqualTo(new Casualties(5, 5, 5, 0, null, null, null, null));
	}

	@Test
	void countsBothSidesOfAnInterstateClashAsSecurityForces() throws RowRejectedException {
		NormalizedRecord record = read("900007");
		assertThat(record.casualties()).isEqualTo(new Casualties(4, 4, 4, 1, 3, null, 0, null));
		assertThat(record.regionName()).isEqualTo("Azad Jammu & Kashmir");
	}

	@Test
	void readsOneSidedViolenceByAGovernmentAsOther() throws RowRejectedException {
		NormalizedRecord record = read("900008");
		assertThat(record.kind()).isEqualTo(IncidentKind.OTHER);
		assertThat(record.actors())
			.containsExactly(new ReportedActor("Government of Afghanistan", PerpetratorRole.PERPETRATOR));
	}

	@Test
	void readsHistoricalCountryNamesAndMonthPrecision() throws RowRejectedException {
		NormalizedRecord record = read("900009");
		assertThat(record.country()).isEqualTo("COD");
		assertThat(record.date())
			.isEqualTo(new DateSpan(LocalDate.of(1997, 3, 1), LocalDate.of(1997, 3, 31), DatePrecision.MONTH));
		assertThat(record.regionName()).isNull();
		assertThat(record.district()).isNull();
	}

	@Test
	void readsTheWholeOfficialFixture() {
		assertThat(this.official.rows()).hasSize(9).allSatisfy((row) -> assertThat(this.format.read(row)).isNotNull());
	}

	@Test
	void rejectsBadRowsNamingTheFieldAndTheReason() {
		List<RowRejectedException> rejects = Fixtures.csv("ucdp-ged/rejects.csv")
			.rows()
			.stream()
			.map(this::rejected)
			.toList();
		assertThat(rejects).extracting((ex) -> ex.reason() + " " + ex.field())
			.containsExactly("BAD_DATE date_start", "BAD_DATE date_end", "BAD_DATE date_prec",
					"NEGATIVE_COUNT deaths_b", "BAD_NUMBER best", "BAD_COORDINATES latitude", "UNKNOWN_COUNTRY country",
					"BAD_CODE type_of_violence", "MISSING_ID id", "NEGATIVE_COUNT deaths_unknown");
		assertThat(rejects.get(0).getMessage()).startsWith("\"1990-13-04 00:00:00.000\" is not a date");
		assertThat(rejects.get(1).getMessage())
			.isEqualTo("\"1990-05-01 00:00:00.000\" is before date_start \"1990-05-04 00:00:00.000\"");
		assertThat(rejects.get(3).getMessage()).contains("\"-3\"", "negative");
		assertThat(rejects.get(6).getMessage()).isEqualTo("\"Atlantis\" is not a known country");
	}

	@Test
	void rejectsARowCutOffWithAllItsCellsPresentButBlankAsTruncated() {
		SourceRow row = Fixtures.cutOffAfter(this.official.row("id", "900002"), "where_description", "Market ar");
		RowRejectedException ex = rejected(row);
		assertThat(ex.reason()).isEqualTo(RejectReason.TRUNCATED_ROW);
		assertThat(ex.getMessage()).startsWith("the row stops after where_description (\"Market ar\")")
			.contains("date_start, date_prec among them");
	}

	@Test
	void rejectsATruncatedRow() {
		SourceRow row = new SourceRow(7, Map.of("id", "1", "relid", "PAK-1990"), "1,PAK-1990", false);
		RowRejectedException ex = rejected(row);
		assertThat(ex.reason()).isEqualTo(RejectReason.TRUNCATED_ROW);
		assertThat(ex.field()).isNull();
	}

	@Test
	void readsTheHdxExtractSkippingItsHxlRowAndUsingIso3() throws RowRejectedException {
		Fixtures.Table hdx = Fixtures.csv("ucdp-ged/hdx-extract.csv");
		assertThat(hdx.header()).contains("iso3");
		assertThat(hdx.rows()).hasSize(2);
		NormalizedRecord first = this.format.read(hdx.rows().get(0));
		assertThat(first.sourceRecordId()).isEqualTo("920001");
		assertThat(first.country()).isEqualTo("PAK");
		assertThat(first.casualties().militants()).isEqualTo(20);
		// a blank iso3 falls back to the country name
		NormalizedRecord second = this.format.read(hdx.rows().get(1));
		assertThat(second.country()).isEqualTo("PAK");
		assertThat(second.actors()).containsExactly(new ReportedActor("LeJ", PerpetratorRole.PERPETRATOR));
	}

	@Test
	void readsTheExplorerExportWithUsDatesEstimateColumnsBooleansAndTrailingCommas() throws RowRejectedException {
		Fixtures.Table explorer = Fixtures.csv("ucdp-ged/explorer.csv");
		assertThat(explorer.header()).contains("best_est", "low_est", "high_est").last().isEqualTo("");
		assertThat(explorer.rows()).allMatch(SourceRow::complete);
		NormalizedRecord first = this.format.read(explorer.row("id", "930001"));
		// date_start "03/02/2015 00:00:00": month first, as the explorer writes it
		assertThat(first.date()).isEqualTo(DateSpan.day(LocalDate.of(2015, 3, 2)));
		assertThat(first.casualties()).isEqualTo(new Casualties(8, 8, 10, 0, 2, 6, 0, null));
		assertThat(first.warnings()).isEmpty();
		NormalizedRecord second = this.format.read(explorer.row("id", "930002"));
		assertThat(second.kind()).isEqualTo(IncidentKind.ATTACK);
		assertThat(second.casualties().killed()).isEqualTo(45);
		assertThat(second.warnings()).singleElement().satisfies((warning) -> {
			assertThat(warning.code()).isEqualTo("RANGE_DROPPED");
			assertThat(warning.message()).contains("low 46");
		});
	}

	@Test
	void readsAnApiPage() throws RowRejectedException {
		Fixtures.Table page = Fixtures.json("ucdp-ged/api-page.json");
		assertThat(page.rows()).hasSize(2);
		NormalizedRecord first = this.format.read(page.rows().get(0));
		assertThat(first.sourceRecordId()).isEqualTo("940001");
		assertThat(first.date()).isEqualTo(DateSpan.day(LocalDate.of(2016, 8, 8)));
		assertThat(first.location()).isEqualTo(GeoPoint.of(34.008, 71.578));
		assertThat(first.casualties()).isEqualTo(new Casualties(6, 6, 9, 0, 1, 5, 0, null));
		assertThat(first.summary()).isEqualTo("Synthetic API headline");
		NormalizedRecord second = this.format.read(page.rows().get(1));
		assertThat(second.kind()).isEqualTo(IncidentKind.ATTACK);
		assertThat(second.district()).isNull();
		assertThat(second.casualties().unknown()).isNull();
		assertThat(second.casualties().civilians()).isEqualTo(70);
	}

	private NormalizedRecord read(String id) throws RowRejectedException {
		return this.format.read(this.official.row("id", id));
	}

	private RowRejectedException rejected(SourceRow row) {
		try {
			NormalizedRecord record = this.format.read(row);
			throw new AssertionError("Row " + row.lineNumber() + " was not rejected: " + record);
		}
		catch (RowRejectedException ex) {
			return ex;
		}
	}

}
