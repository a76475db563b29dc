package org.incidentintel.etl.format;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import org.incidentintel.domain.common.DateSpan;
import org.incidentintel.domain.common.GeoPoint;
import org.incidentintel.domain.incident.Casualties;
import org.incidentintel.domain.incident.IncidentKind;
import org.incidentintel.domain.incident.PerpetratorRole;
import org.incidentintel.etl.read.SourceRow;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AcledFormatTests {

	private final AcledFormat format = new AcledFormat();

	private final Fixtures.Table old = Fixtures.csv("acled/pre-2023.csv");

	private final Fixtures.Table current = Fixtures.csv("acled/current.csv");

	@Test
	void namesItselfAndRecognizesBothLayouts() {
		assertThat(this.format.name()).isEqualTo("acled");
		assertThat(this.format.dataset()).isEqualTo("acled");
		assertThat(this.format.recognizes(this.old.header())).isTrue();
		assertThat(this.format.recognizes(this.current.header())).isTrue();
		assertThat(this.format.recognizes(Fixtures.csv("ucdp-ged/official.csv").header())).isFalse();
		assertThat(this.format.recognizes(Fixtures.csv("gtd/codebook.csv").header())).isFalse();
	}

	@Test
	void readsABattleWithActorNamesVerbatim() throws RowRejectedException {
		NormalizedRecord record = this.format.read(this.old.row("event_id_cnty", "PAK90001"));
		assertThat(record.sourceRecordId()).isEqualTo("PAK90001");
		assertThat(record.date()).isEqualTo(DateSpan.day(LocalDate.of(2020, 5, 9)));
		assertThat(record.kind()).isEqualTo(IncidentKind.CLASH);
		assertThat(record.country()).isEqualTo("PAK");
		assertThat(record.regionName()).isEqualTo("Khyber Pakhtunkhwa");
		assertThat(record.district()).isEqualTo("North Waziristan");
		assertThat(record.place()).isEqualTo("Mir Ali");
		assertThat(record.location()).isEqualTo(GeoPoint.of(33.0231, 70.2712));
		assertThat(record.actors()).containsExactly(
				new ReportedActor("Military Forces of Pakistan (2018-)", PerpetratorRole.SIDE_A),
				new ReportedActor("TTP: Tehreek-i-Taliban Pakistan", PerpetratorRole.SIDE_B));
		assertThat(record.casualties()).isEqualTo(Casualties.none().withKilled(4));
		assertThat(record.attackTypes()).containsExactly("Armed clash");
		assertThat(record.summary()).startsWith("On 9 May 2020, synthetic soldiers");
		assertThat(record.warnings()).isEmpty();
	}

	@Test
	void readsAnExcelResavedDateAndADroneStrike() throws RowRejectedException {
		NormalizedRecord record = this.format.read(this.old.row("event_id_cnty", "PAK90002"));
		// time_precision 2: ACLED codes the event on this day of the week it knows
		assertThat(record.date()).isEqualTo(DateSpan.day(LocalDate.of(2020, 5, 9)));
		assertThat(record.kind()).isEqualTo(IncidentKind.STRIKE);
		assertThat(record.actors()).containsExactly(
				new ReportedActor("Military Forces of Pakistan (2018-) Air Force", PerpetratorRole.PERPETRATOR));
		assertThat(record.targets()).containsExactly("TTP: Tehreek-i-Taliban Pakistan");
	}

	@Test
	void widensAMonthPrecisionDateToTheMonth() throws RowRejectedException {
		NormalizedRecord record = this.format.read(this.old.row("event_id_cnty", "PAK90003"));
		assertThat(record.date()).isEqualTo(DateSpan.month(YearMonth.of(2019, 6)));
		assertThat(record.kind()).isEqualTo(IncidentKind.ATTACK);
		assertThat(record.attackTypes()).containsExactly("Suicide bomb");
		assertThat(record.actors())
			.containsExactly(new ReportedActor("ISKP: Islamic State (Khorasan Province)", PerpetratorRole.PERPETRATOR));
		assertThat(record.targets()).containsExactly("Civilians (Pakistan)");
	}

	@Test
	void readsProtestsAsOtherWithTheirSides() throws RowRejectedException {
		NormalizedRecord record = this.format.read(this.old.row("event_id_cnty", "PAK90004"));
		assertThat(record.kind()).isEqualTo(IncidentKind.OTHER);
		assertThat(record.actors()).containsExactly(new ReportedActor("Protesters (Pakistan)", PerpetratorRole.SIDE_A));
		assertThat(record.attackTypes()).isEmpty();
		assertThat(record.casualties().killed()).isZero();
	}

	@Test
	void fallsBackToTheNumericIsoCodeWithoutIso3() throws RowRejectedException {
		NormalizedRecord record = this.format.read(this.old.row("event_id_cnty", "PAK90005"));
		assertThat(record.country()).isEqualTo("PAK");
		assertThat(record.kind()).isEqualTo(IncidentKind.ATTACK);
	}

	@Test
	void readsALegacyIso3CodeWithoutAWarning() throws RowRejectedException {
		SourceRow row = romania("ROM", "642", "Romania");
		NormalizedRecord record = this.format.read(row);
		assertThat(record.country()).isEqualTo("ROU");
		assertThat(record.warnings()).isEmpty();
	}

	@Test
	void fallsBackToTheNumericCodeAndThenTheNameWhenIso3IsUnknown() throws RowRejectedException {
		NormalizedRecord byNumber = this.format.read(romania("RXX", "642", "Romania"));
		assertThat(byNumber.country()).isEqualTo("ROU");
		assertThat(byNumber.warnings()).singleElement().satisfies((warning) -> {
			assertThat(warning.code()).isEqualTo("COUNTRY_FALLBACK");
			assertThat(warning.field()).isEqualTo("iso3");
			assertThat(warning.message()).isEqualTo("iso3 \"RXX\" is not a known code: country ROU from iso \"642\"");
		});
		// the numeric table lists only some codes: one it lacks is no reason to warn
		NormalizedRecord byName = this.format.read(romania("", "998", "Romania"));
		assertThat(byName.country()).isEqualTo("ROU");
		assertThat(byName.warnings()).isEmpty();
	}

	@Test
	void warnsWhenTheCountryCellsDisagreeAndKeepsTheDocumentedOrder() throws RowRejectedException {
		NormalizedRecord record = this.format.read(romania("ROM", "586", "Romania"));
		assertThat(record.country()).isEqualTo("ROU");
		assertThat(record.warnings()).singleElement().satisfies((warning) -> {
			assertThat(warning.code()).isEqualTo("COUNTRY_CONFLICT");
			assertThat(warning.field()).isEqualTo("iso3");
			assertThat(warning.message()).isEqualTo(
					"the country cells disagree: iso3 \"ROM\" is ROU, iso \"586\" is PAK, country \"Romania\" is ROU;"
							+ " kept ROU from iso3");
		});
	}

	@Test
	void rejectsARowWhoseCountryCellsAreAllUnknown() {
		RowRejectedException ex = rejected(romania("RXX", "999", "Ruritania"));
		assertThat(ex.reason()).isEqualTo(RejectReason.UNKNOWN_COUNTRY);
		assertThat(ex.field()).isEqualTo("country");
		assertThat(ex.getMessage()).isEqualTo("no known country in iso3 \"RXX\", iso \"999\", country \"Ruritania\"");
	}

	private SourceRow romania(String iso3, String iso, String country) {
		SourceRow row = this.old.row("event_id_cnty", "PAK90001");
		return Fixtures.with(Fixtures.with(Fixtures.with(row, "iso3", iso3), "iso", iso), "country", country);
	}

	@Test
	void rejectsATruncatedRow() {
		SourceRow row = this.old.row("event_id_cnty", "PAK90006");
		assertThat(row.complete()).isFalse();
		RowRejectedException ex = rejected(row);
		assertThat(ex.reason()).isEqualTo(RejectReason.TRUNCATED_ROW);
		assertThat(ex.field()).isNull();
	}

	// The exporter cut the record off inside actor2 but still wrote every comma; such a
	// row loaded as an event with unknown fatalities (issue 15)
	@Test
	void rejectsARowCutOffWithAllItsCellsPresentButBlank() {
		SourceRow row = Fixtures.cutOffAfter(this.current.row("event_id_cnty", "PAK91001"), "actor2", "Civilians (");
		assertThat(row.complete()).isTrue();
		RowRejectedException ex = rejected(row);
		assertThat(ex.reason()).isEqualTo(RejectReason.TRUNCATED_ROW);
		assertThat(ex.field()).isNull();
		assertThat(ex.getMessage()).isEqualTo(
				"the row stops after actor2 (\"Civilians (\"): the 20 cells after it are blank, fatalities among them");
	}

	@Test
	void namesALongLastCellOfACutOffRowByItsEnd() {
		String notes = "On 22 February 2024, synthetic gunmen ".repeat(5) + "opened fire on a bus near Bann";
		RowRejectedException ex = rejected(
				Fixtures.cutOffAfter(this.current.row("event_id_cnty", "PAK91001"), "notes", notes));
		assertThat(ex.reason()).isEqualTo(RejectReason.TRUNCATED_ROW);
		assertThat(ex.getMessage()).startsWith("the row stops after notes (\"...")
			.contains("opened fire on a bus near Bann\"): the 3 cells after it are blank, fatalities among them")
			.hasSizeLessThan(160);
	}

	@Test
	void rejectsABlankFatalitiesCellAsAMissingField() {
		RowRejectedException ex = rejected(
				Fixtures.with(this.current.row("event_id_cnty", "PAK91001"), "fatalities", ""));
		assertThat(ex.reason()).isEqualTo(RejectReason.MISSING_FIELD);
		assertThat(ex.field()).isEqualTo("fatalities");
	}

	@Test
	void warnsAboutAnActorNameWithAnUnclosedBracket() throws RowRejectedException {
		SourceRow row = Fixtures.with(this.current.row("event_id_cnty", "PAK91001"), "actor2", "Civilians (Pakistan");
		NormalizedRecord record = this.format.read(row);
		assertThat(record.targets()).containsExactly("Civilians (Pakistan");
		assertThat(record.warnings()).singleElement().satisfies((warning) -> {
			assertThat(warning.code()).isEqualTo("UNBALANCED_BRACKET");
			assertThat(warning.field()).isEqualTo("actor2");
			assertThat(warning.message()).contains("\"Civilians (Pakistan\"");
		});
	}

	@Test
	void readsTheCurrentLayout() throws RowRejectedException {
		NormalizedRecord civilians = this.format.read(this.current.row("event_id_cnty", "PAK91001"));
		assertThat(civilians.date()).isEqualTo(DateSpan.day(LocalDate.of(2023, 1, 5)));
		assertThat(civilians.country()).isEqualTo("PAK");
		assertThat(civilians.kind()).isEqualTo(IncidentKind.ATTACK);
		assertThat(civilians.actors())
			.containsExactly(new ReportedActor("TTP: Tehreek-i-Taliban Pakistan", PerpetratorRole.PERPETRATOR));
		assertThat(civilians.targets()).containsExactly("Civilians (Pakistan)");
		assertThat(civilians.casualties().killed()).isEqualTo(2);

		NormalizedRecord battle = this.format.read(this.current.row("event_id_cnty", "AFG91002"));
		assertThat(battle.country()).isEqualTo("AFG");
		assertThat(battle.kind()).isEqualTo(IncidentKind.CLASH);

		NormalizedRecord arrests = this.format.read(this.current.row("event_id_cnty", "IND91003"));
		assertThat(arrests.date()).isEqualTo(DateSpan.day(LocalDate.of(2023, 5, 9)));
		assertThat(arrests.country()).isEqualTo("IND");
		assertThat(arrests.kind()).isEqualTo(IncidentKind.OTHER);
		assertThat(arrests.actors()).extracting(ReportedActor::role)
			.containsExactly(PerpetratorRole.SIDE_A, PerpetratorRole.SIDE_B);

		// ACLED's iso for Kosovo is 0: the country name decides
		NormalizedRecord riot = this.format.read(this.current.row("event_id_cnty", "XKX91004"));
		assertThat(riot.country()).isEqualTo("XKX");
		assertThat(riot.kind()).isEqualTo(IncidentKind.OTHER);
		assertThat(riot.warnings()).isEmpty();
	}

	@Test
	void addsCiviliansAsTargetWhenOnlyTheFlagSaysSo() throws RowRejectedException {
		SourceRow row = Fixtures.with(this.current.row("event_id_cnty", "PAK91001"), "actor2", "");
		assertThat(this.format.read(row).targets()).containsExactly("Civilians");
	}

	@Test
	void readsAnUnknownEventTypeAsOtherWithAWarning() throws RowRejectedException {
		SourceRow row = Fixtures.with(this.current.row("event_id_cnty", "PAK91001"), "event_type", "Looting");
		NormalizedRecord record = this.format.read(row);
		assertThat(record.kind()).isEqualTo(IncidentKind.OTHER);
		assertThat(record.warnings()).extracting(RecordWarning::code, RecordWarning::field)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("UNKNOWN_EVENT_TYPE", "event_type"));
	}

	@Test
	void rejectsBadRowsNamingTheFieldAndTheReason() {
		List<RowRejectedException> rejects = Fixtures.csv("acled/rejects.csv")
			.rows()
			.stream()
			.map(this::rejected)
			.toList();
		assertThat(rejects).extracting((ex) -> ex.reason() + " " + ex.field())
			.containsExactly("BAD_DATE event_date", "NEGATIVE_COUNT fatalities", "BAD_CODE time_precision",
					"UNKNOWN_COUNTRY country", "MISSING_ID event_id_cnty", "BAD_NUMBER fatalities",
					"TRUNCATED_ROW null");
		assertThat(rejects.get(0).getMessage()).startsWith("\"31 February 2023\" is not a date");
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
