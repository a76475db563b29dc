package org.incidentintel.etl.mapping;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

import org.incidentintel.domain.common.DateSpan;
import org.incidentintel.domain.incident.Casualties;
import org.incidentintel.etl.format.NormalizedRecord;
import org.incidentintel.etl.read.SourceRow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A spreadsheet export of the shape real district-level exports have (fixture
 * {@code mapping-shapes/security-incidents-export.csv}): day/month/year dates, the dead
 * split over three columns, blanks for unknown, and a totals row without an id. Read
 * through its mapping, every incident loads, the totals row is skipped, and the loaded
 * figures add up to the totals the file itself gives: nothing lost, nothing counted
 * twice.
 */
class SplitCountsExportMappingTests {

	private static final Path FILE = Path.of("src/test/resources/mapping-shapes/security-incidents-export.csv");

	@Test
	void loadsEveryIncidentSkipsTheTotalsRowAndAddsUpToTheFilesTotals() throws Exception {
		MappingFileFormat format = MappingFile.load("mapping-shapes/security-incidents.yaml").format();
		CsvRows csv = CsvRows.read(FILE, StandardCharsets.UTF_8);
		format.checkHeader(csv.header());
		List<NormalizedRecord> loaded = new ArrayList<>();
		List<String> skipped = new ArrayList<>();
		for (SourceRow row : csv.rows()) {
			NormalizedRecord record = format.read(row);
			if (record == null) {
				skipped.add(row.lineNumber() + ": " + format.skipReason(row));
			}
			else {
				loaded.add(record);
			}
		}

		assertThat(skipped).containsExactly("6: source.skipRows[0]: Incident No is blank");
		assertThat(loaded).extracting(NormalizedRecord::sourceRecordId)
			.containsExactly("KP-0412", "KP-0413", "KP-0414", "KP-0415");
		assertThat(loaded.get(0).date()).isEqualTo(DateSpan.day(LocalDate.of(2014, 1, 3)));
		// 4 civilians, FC blank (unknown), 2 police: at least 6, not exactly 6
		assertThat(loaded.get(0).casualties())
			.isEqualTo(Casualties.none().withKilled(6, 6, null).withBreakdown(4, 2, null, null).withInjured(11));
		assertThat(loaded.get(2).casualties())
			.isEqualTo(Casualties.none().withKilled(0).withBreakdown(0, 0, null, null).withInjured(2));
		// Totals row: 11 civilians, 3 FC, 3 police killed, 33 injured
		assertThat(sum(loaded, (record) -> record.casualties().killed())).isEqualTo(11 + 3 + 3);
		assertThat(sum(loaded, (record) -> record.casualties().civilians())).isEqualTo(11);
		assertThat(sum(loaded, (record) -> record.casualties().securityForces())).isEqualTo(3 + 3);
		assertThat(sum(loaded, (record) -> record.casualties().injured())).isEqualTo(33);
	}

	@Test
	void theSameMappingWithMinutesForMonthsIsRefusedBeforeAnyRowIsRead() {
		assertThatExceptionOfType(MappingException.class)
			.isThrownBy(() -> MappingFile.load("mapping-shapes/security-incidents-minutes.yaml"))
			.satisfies((ex) -> assertThat(ex.problems()).singleElement()
				.hasToString("security-incidents-minutes.yaml:16: fields.date.patterns[0]: \"dd/mm/yyyy\" has \"mm\" "
						+ "(the minute, a time of day) and no month, so every date would load as its year alone; "
						+ "did you mean \"dd/MM/yyyy\"?"));
	}

	private static int sum(List<NormalizedRecord> records, Function<NormalizedRecord, Integer> count) {
		return records.stream().map(count).filter(Objects::nonNull).mapToInt(Integer::intValue).sum();
	}

}
