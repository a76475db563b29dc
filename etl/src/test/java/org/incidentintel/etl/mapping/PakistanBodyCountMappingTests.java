package org.incidentintel.etl.mapping;

import java.nio.charset.Charset;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.incidentintel.domain.common.DateSpan;
import org.incidentintel.domain.common.GeoPoint;
import org.incidentintel.domain.incident.Casualties;
import org.incidentintel.domain.incident.IncidentKind;
import org.incidentintel.etl.format.NormalizedRecord;
import org.incidentintel.etl.format.RecordWarning;
import org.incidentintel.etl.format.RowRejectedException;
import org.incidentintel.etl.read.SourceRow;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real Pakistan Body Count file (Ver 11, 496 attacks) read through the shipped
 * mapping: the mechanism proven on a messy source.
 */
class PakistanBodyCountMappingTests {

	private static final Path FILE = Path
		.of("src/main/resources/samples/pakistan-body-count/PakistanSuicideAttacks Ver 11 (30-November-2017).csv");

	private static MappingFileFormat format;

	private static CsvRows csv;

	private static final Map<String, NormalizedRecord> loaded = new TreeMap<>();

	private static final List<Reject> rejects = new ArrayList<>();

	@BeforeAll
	static void readTheWholeFile() throws Exception {
		MappingFile mapping = MappingFile.bundled("pakistan-body-count-suicide-attacks");
		format = mapping.format();
		csv = CsvRows.read(FILE, Charset.forName(mapping.mapping().source().encoding()));
		format.checkHeader(csv.header());
		for (SourceRow row : csv.rows()) {
			try {
				NormalizedRecord record = format.read(row);
				loaded.put(record.sourceRecordId(), record);
			}
			catch (RowRejectedException ex) {
				rejects.add(new Reject(row.get("S#"), row.lineNumber(), ex));
			}
		}
	}

	@Test
	void recognizesTheFileByItsHeader() {
		assertThat(format.recognizes(csv.header())).isTrue();
		assertThat(format.recognizes(csv.header().subList(0, 20))).isFalse();
	}

	@Test
	void loadsEveryAttackButTheOneWithAUrlForACount() {
		assertThat(csv.rows()).hasSize(496);
		assertThat(loaded).hasSize(495);
		assertThat(rejects).singleElement().satisfies((reject) -> {
			assertThat(reject.id()).isEqualTo("450");
			assertThat(reject.line()).isEqualTo(540);
			assertThat(reject.exception().reason().name()).isEqualTo("BAD_NUMBER");
			assertThat(reject.exception().field()).isEqualTo("Injured Max");
			assertThat(reject.exception().getMessage()).contains("http://www.samaa.tv/");
		});
	}

	@Test
	void warnsAboutWhatItRepaired() {
		Map<String, List<String>> warnings = new TreeMap<>();
		loaded.values()
			.forEach((record) -> record.warnings()
				.forEach((warning) -> warnings.computeIfAbsent(warning.code(), (code) -> new ArrayList<>())
					.add(record.sourceRecordId())));

		assertThat(warnings).containsOnly(Map.entry("RANGE_DROPPED", List.of("129", "328")),
				Map.entry("WEEKDAY_MISMATCH", List.of("464")), Map.entry("WEEKDAY_MISSPELT", List.of("453")));
	}

	@Test
	void sumsTheBestCountOfTheDead() {
		assertThat(loaded.values()
			.stream()
			.map((record) -> record.casualties().killed())
			.filter(Objects::nonNull)
			.mapToInt(Integer::intValue)
			.sum()).isEqualTo(7315);
		assertThat(loaded.values().stream().filter((record) -> record.casualties().killed() == null)).hasSize(12);
		assertThat(loaded.values().stream().filter((record) -> record.casualties().injured() == null)).hasSize(25);
	}

	@Test
	void readsTheFirstAttack() {
		NormalizedRecord first = loaded.get("1");

		assertThat(first.date()).isEqualTo(DateSpan.day(LocalDate.of(1995, 11, 19)));
		assertThat(first.kind()).isEqualTo(IncidentKind.ATTACK);
		assertThat(first.country()).isEqualTo("PAK");
		assertThat(first.regionName()).isEqualTo("Capital");
		assertThat(first.place()).isEqualTo("Islamabad");
		assertThat(first.location()).isEqualTo(GeoPoint.of(33.718, 73.0718));
		assertThat(first.casualties()).isEqualTo(Casualties.none().withKilled(15, 14, 15).withInjured(60));
		assertThat(first.attackTypes()).containsExactly("Suicide bombing");
		assertThat(first.targets()).containsExactly("Foreigner");
		assertThat(first.summary()).isEqualTo("Egyptian Embassy | Foreigner");
		assertThat(first.actors()).isEmpty();
		assertThat(first.warnings()).isEmpty();
	}

	@Test
	void repairsTheFilesQuirks() {
		assertThat(loaded.get("3").place()).isEqualTo("Karachi");
		assertThat(loaded.get("3").summary())
			.isEqualTo("Pakistan Navy bus Parked outside Five Star Sheraton Hotel | Foreigner | Christian");
		assertThat(loaded.get("483").date().start()).isEqualTo(LocalDate.of(2017, 4, 5));
		assertThat(loaded.get("457").date().start()).isEqualTo(LocalDate.of(2015, 10, 22));
		assertThat(loaded.get("453").date().start()).isEqualTo(LocalDate.of(2015, 8, 27));
		assertThat(loaded.get("458").casualties()).isEqualTo(Casualties.none().withKilled(23, 22, 23).withInjured(40));
		assertThat(loaded.get("129").casualties()).isEqualTo(Casualties.none().withKilled(10).withInjured(5));
		assertThat(loaded.get("479").location()).isEqualTo(GeoPoint.of(33.986111, 71.456944));
		assertThat(loaded.get("493").location()).isNull();
		assertThat(loaded.values()).extracting(NormalizedRecord::regionName)
			.containsOnly("Capital", "Sindh", "Baluchistan", "Balochistan", "Punjab", "FATA", "Fata", "KPK", "AJK");
		assertThat(loaded.values()).flatExtracting(NormalizedRecord::targets).doesNotContain("Unknown", "");
		assertThat(loaded.values()).extracting(NormalizedRecord::place)
			.allSatisfy((place) -> assertThat(place).isEqualTo(place.strip()));
		assertThat(loaded.values()).flatExtracting(NormalizedRecord::warnings)
			.extracting(RecordWarning::field)
			.containsOnly("Date", "Killed Min");
	}

	private record Reject(String id, long line, RowRejectedException exception) {
	}

}
