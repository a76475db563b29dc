package org.incidentintel.etl.format;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import org.incidentintel.domain.common.DatePrecision;
import org.incidentintel.domain.common.DateSpan;
import org.incidentintel.domain.common.GeoPoint;
import org.incidentintel.domain.incident.Casualties;
import org.incidentintel.domain.incident.IncidentKind;
import org.incidentintel.domain.incident.PerpetratorRole;
import org.incidentintel.etl.read.SourceRow;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class GtdFormatTests {

	private final GtdFormat format = new GtdFormat();

	private final Fixtures.Table codebook = Fixtures.csv("gtd/codebook.csv");

	@Test
	void namesItselfAndRecognizesTheCodebookLayout() {
		assertThat(this.format.name()).isEqualTo("gtd");
		assertThat(this.format.dataset()).isEqualTo("gtd");
		assertThat(this.codebook.header()).hasSize(135).startsWith("eventid", "iyear").endsWith("INT_ANY", "related");
		assertThat(this.format.recognizes(this.codebook.header())).isTrue();
		assertThat(this.format.recognizes(Fixtures.csv("gtd-web/search-results.csv").header())).isFalse();
		assertThat(this.format.recognizes(Fixtures.csv("ucdp-ged/official.csv").header())).isFalse();
	}

	@Test
	void readsASuicideBombing() throws RowRejectedException {
		NormalizedRecord record = read("201301019001");
		assertThat(record.sourceRecordId()).isEqualTo("201301019001");
		assertThat(record.date()).isEqualTo(DateSpan.day(LocalDate.of(2013, 1, 1)));
		assertThat(record.kind()).isEqualTo(IncidentKind.ATTACK);
		assertThat(record.country()).isEqualTo("PAK");
		assertThat(record.regionName()).isEqualTo("Sindh");
		assertThat(record.district()).isNull();
		assertThat(record.place()).isEqualTo("Karachi");
		assertThat(record.location()).isEqualTo(GeoPoint.of(24.891115, 67.143311));
		assertThat(record.casualties()).isEqualTo(new Casualties(5, null, null, null, null, 1, null, 12));
		assertThat(record.actors())
			.containsExactly(new ReportedActor("Tehrik-i-Taliban Pakistan (TTP)", PerpetratorRole.PERPETRATOR));
		assertThat(record.attackTypes()).containsExactly("Bombing/Explosion", "Suicide attack");
		assertThat(record.targets()).containsExactly("Police");
		assertThat(record.summary()).startsWith("01/01/2013: Synthetic fixture.");
		assertThat(record.warnings()).isEmpty();
	}

	@Test
	void readsFloatStringsUnknownCodesApproximateDatesAndSuspectedGroups() throws RowRejectedException {
		NormalizedRecord record = read("199301229002.0");
		assertThat(record.sourceRecordId()).isEqualTo("199301229002");
		// iday 0: the approxdate narrows January 1993 to the 19th-24th
		assertThat(record.date())
			.isEqualTo(new DateSpan(LocalDate.of(1993, 1, 19), LocalDate.of(1993, 1, 24), DatePrecision.DAY));
		assertThat(record.regionName()).isEqualTo("North-West Frontier Province");
		assertThat(record.location()).isEqualTo(GeoPoint.of(34.0, 71.5));
		assertThat(record.casualties()).isEqualTo(Casualties.none().withKilled(2));
		assertThat(record.actors()).containsExactly(
				new ReportedActor("Lashkar-e-Jhangvi (suspected)", PerpetratorRole.PERPETRATOR),
				new ReportedActor("Tehrik-i-Taliban Pakistan (TTP)", PerpetratorRole.PERPETRATOR));
		assertThat(record.attackTypes()).containsExactly("Armed Assault", "Hostage Taking (Kidnapping)");
		assertThat(record.targets()).containsExactly("Private Citizens & Property", "Government (General)");
	}

	@Test
	void leavesUnknownsOut() throws RowRejectedException {
		NormalizedRecord record = read("201305009003");
		assertThat(record.date()).isEqualTo(DateSpan.month(YearMonth.of(2013, 5)));
		assertThat(record.actors()).isEmpty();
		assertThat(record.place()).isNull();
		assertThat(record.regionName()).isEqualTo("Balochistan");
		assertThat(record.location()).isNull();
		assertThat(record.casualties()).isEqualTo(Casualties.none());
		assertThat(record.attackTypes()).isEmpty();
		assertThat(record.targets()).isEmpty();
		assertThat(record.summary()).isNull();
	}

	@Test
	void keepsMojibakeAndReadsThreeGroups() throws RowRejectedException {
		NormalizedRecord record = read("200806159004");
		assertThat(record.country()).isEqualTo("COL");
		assertThat(record.place()).isEqualTo("BogotÃ¡");
		assertThat(record.kind()).isEqualTo(IncidentKind.ATTACK);
		assertThat(record.attackTypes()).containsExactly("Unarmed Assault");
		assertThat(record.actors()).extracting(ReportedActor::name)
			.containsExactly("Revolutionary Armed Forces of Colombia (FARC)",
					"National Liberation Army of Colombia (ELN) (suspected)", "Gunmen");
		assertThat(record.casualties()).isEqualTo(new Casualties(0, null, null, null, null, null, null, 3));
	}

	@Test
	void mapsStatesThatNoLongerExist() throws RowRejectedException {
		assertThat(read("197805209005").country()).isEqualTo("DEU");
		NormalizedRecord soviet = read("198407119006");
		assertThat(soviet.country()).isEqualTo("SUN");
		assertThat(soviet.casualties()).isEqualTo(Casualties.none().withKilled(1));
	}

	@Test
	void ignoresAnApproxdateItCannotRead() throws RowRejectedException {
		assertThat(read("200403009007").date()).isEqualTo(DateSpan.month(YearMonth.of(2004, 3)));
	}

	// Real extracts carry nkill 19.8 or nwound 0.33 (issue 15: 22 of 747 events were
	// lost)
	@Test
	void keepsAnEventWithFractionalCountsRoundedWithAWarningCarryingTheRawValue() throws RowRejectedException {
		SourceRow row = Fixtures.with(Fixtures.with(this.codebook.row("eventid", "201301019001"), "nkill", "19.8"),
				"nwound", "0.33");
		NormalizedRecord record = this.format.read(row);
		assertThat(record.casualties().killed()).isEqualTo(20);
		assertThat(record.casualties().injured()).isZero();
		assertThat(record.warnings()).extracting(RecordWarning::code, RecordWarning::field, RecordWarning::message)
			.containsExactly(tuple("FRACTIONAL_COUNT", "nkill", "\"19.8\" is not a whole number: stored 20"),
					tuple("FRACTIONAL_COUNT", "nwound", "\"0.33\" is not a whole number: stored 0"));
	}

	// Cut off after the summary, it would load with every casualty count unknown
	@Test
	void rejectsARowCutOffWithAllItsCellsPresentButBlankAsTruncated() {
		SourceRow row = Fixtures.cutOffAfter(this.codebook.row("eventid", "201301019001"), "summary",
				"01/01/2013: Synthetic fixture. A suicide bomber att");
		RowRejectedException ex = rejected(row);
		assertThat(ex.reason()).isEqualTo(RejectReason.TRUNCATED_ROW);
		assertThat(ex.getMessage()).startsWith("the row stops after summary").contains("dbsource, INT_ANY among them");
	}

	@Test
	void rejectsBadRowsNamingTheFieldAndTheReason() {
		List<RowRejectedException> rejects = Fixtures.csv("gtd/rejects.csv")
			.rows()
			.stream()
			.map(this::rejected)
			.toList();
		assertThat(rejects).extracting((ex) -> ex.reason() + " " + ex.field())
			.containsExactly("MISSING_ID eventid", "BAD_DATE imonth", "BAD_DATE iday", "BAD_DATE iyear",
					"NEGATIVE_COUNT nkill", "BAD_NUMBER nwound", "UNKNOWN_COUNTRY country_txt",
					"BAD_COORDINATES latitude", "TRUNCATED_ROW null");
		assertThat(rejects.get(2).getMessage()).contains("iyear=2013 imonth=2 iday=30", "is not a date");
		assertThat(rejects.get(3).getMessage()).isEqualTo("\"19x3\" is not a whole number");
		assertThat(rejects.get(4).getMessage()).isEqualTo("\"-5\" is negative");
		assertThat(rejects.get(6).getMessage()).isEqualTo("\"International\" is not a known country");
	}

	private NormalizedRecord read(String eventid) throws RowRejectedException {
		return this.format.read(this.codebook.row("eventid", eventid));
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
