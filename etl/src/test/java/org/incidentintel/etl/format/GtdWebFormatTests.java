package org.incidentintel.etl.format;

import java.time.LocalDate;
import java.util.List;

import org.incidentintel.domain.common.DateSpan;
import org.incidentintel.domain.incident.Casualties;
import org.incidentintel.domain.incident.IncidentKind;
import org.incidentintel.domain.incident.PerpetratorRole;
import org.incidentintel.etl.read.SourceRow;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class GtdWebFormatTests {

	private final GtdWebFormat format = new GtdWebFormat();

	private final Fixtures.Table export = Fixtures.csv("gtd-web/search-results.csv");

	@Test
	void feedsTheSameDatasetAsTheCodebookLayout() {
		assertThat(this.format.name()).isEqualTo("gtd-web");
		assertThat(this.format.dataset()).isEqualTo(new GtdFormat().dataset());
		assertThat(this.format.recognizes(this.export.header())).isTrue();
		assertThat(this.format.recognizes(Fixtures.csv("gtd/codebook.csv").header())).isFalse();
		assertThat(this.format.recognizes(Fixtures.csv("ucdp-ged/official.csv").header())).isFalse();
	}

	@Test
	void readsAnExcelSerialDateSeveralGroupsAndTypeLists() throws RowRejectedException {
		NormalizedRecord record = read("201301019001");
		assertThat(record.sourceRecordId()).isEqualTo("201301019001");
		assertThat(record.date()).isEqualTo(DateSpan.day(LocalDate.of(2013, 1, 1)));
		assertThat(record.kind()).isEqualTo(IncidentKind.ATTACK);
		assertThat(record.country()).isEqualTo("PAK");
		assertThat(record.regionName()).isEqualTo("Sindh");
		assertThat(record.place()).isEqualTo("Karachi");
		assertThat(record.location()).isNull();
		// one actor for the whole cell: the organization resolver splits it
		assertThat(record.actors()).containsExactly(
				new ReportedActor("Tehrik-i-Taliban Pakistan (TTP), Lashkar-e-Jhangvi", PerpetratorRole.PERPETRATOR));
		assertThat(record.casualties()).isEqualTo(Casualties.none().withKilled(5).withInjured(12));
		assertThat(record.attackTypes()).containsExactly("Bombing/Explosion", "Suicide attack");
		assertThat(record.targets()).containsExactly("Police", "Private Citizens & Property");
		assertThat(record.summary()).startsWith("01/01/2013: Synthetic fixture.");
	}

	@Test
	void readsFloatIdsAndSerialsAndUnknownCells() throws RowRejectedException {
		NormalizedRecord record = read("201302149002.0");
		assertThat(record.sourceRecordId()).isEqualTo("201302149002");
		assertThat(record.date()).isEqualTo(DateSpan.day(LocalDate.of(2013, 2, 14)));
		assertThat(record.actors()).isEmpty();
		assertThat(record.casualties()).isEqualTo(Casualties.none().withInjured(3));
		assertThat(record.targets()).isEmpty();
		assertThat(record.attackTypes()).containsExactly("Armed Assault", "Hostage Taking (Kidnapping)");
	}

	@Test
	void readsDateTextsAndKeepsMojibake() throws RowRejectedException {
		NormalizedRecord bogota = read("200806159004");
		assertThat(bogota.date()).isEqualTo(DateSpan.day(LocalDate.of(2008, 6, 15)));
		assertThat(bogota.place()).isEqualTo("BogotÃ¡");
		assertThat(bogota.country()).isEqualTo("COL");
		assertThat(bogota.casualties()).isEqualTo(Casualties.none().withKilled(0));
		NormalizedRecord suspected = read("200809209005");
		assertThat(suspected.date()).isEqualTo(DateSpan.day(LocalDate.of(2008, 9, 20)));
		assertThat(suspected.actors()).extracting(ReportedActor::name)
			.containsExactly("Tehrik-i-Taliban Pakistan (TTP) (suspected)");
		assertThat(suspected.casualties()).isEqualTo(Casualties.none().withKilled(17).withInjured(40));
	}

	@Test
	void keepsAnEventWithAFractionalCountRoundedWithAWarning() throws RowRejectedException {
		NormalizedRecord record = this.format
			.read(Fixtures.with(this.export.row("ID", "200809209005"), "FATALITIES", "16.5"));
		assertThat(record.casualties()).isEqualTo(Casualties.none().withKilled(17).withInjured(40));
		assertThat(record.warnings()).singleElement().satisfies((warning) -> {
			assertThat(warning.code()).isEqualTo("FRACTIONAL_COUNT");
			assertThat(warning.field()).isEqualTo("FATALITIES");
			assertThat(warning.message()).startsWith("\"16.5\"");
		});
	}

	@Test
	void rejectsBadRowsNamingTheFieldAndTheReason() {
		List<RowRejectedException> rejects = Fixtures.csv("gtd-web/rejects.csv")
			.rows()
			.stream()
			.map(this::rejected)
			.toList();
		assertThat(rejects).extracting((ex) -> ex.reason() + " " + ex.field())
			.containsExactly("BAD_DATE DATE", "NEGATIVE_COUNT FATALITIES", "UNKNOWN_COUNTRY COUNTRY", "MISSING_ID ID",
					"BAD_DATE DATE");
		assertThat(rejects.get(0).getMessage()).startsWith("\"not a date\" is not a date");
	}

	private NormalizedRecord read(String id) throws RowRejectedException {
		return this.format.read(this.export.row("ID", id));
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
