package org.incidentintel.etl.format;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.incidentintel.domain.incident.IncidentKind;
import org.incidentintel.etl.read.SourceRow;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs {@link UcdpGedFormat} over every row of the bundled real UCDP GED Pakistan extract
 * (HDX, GED 22.1), whose figures SOURCES.md documents.
 */
class UcdpGedSampleTests {

	private static final Path SAMPLE = Path.of("src/main/resources/samples/ucdp-ged/conflict_data_pak.csv");

	@Test
	void loadsEveryRealRowKeepingBestAndDroppingTheInconsistentRanges() {
		Fixtures.Table sample = Fixtures.csv(SAMPLE);
		UcdpGedFormat format = new UcdpGedFormat();
		List<NormalizedRecord> loaded = new ArrayList<>();
		Map<RejectReason, Integer> rejectedByReason = new TreeMap<>();
		long rejectedBest = 0;
		for (SourceRow row : sample.rows()) {
			try {
				loaded.add(format.read(row));
			}
			catch (RowRejectedException ex) {
				rejectedByReason.merge(ex.reason(), 1, Integer::sum);
				rejectedBest += Long.parseLong(row.get("best"));
			}
		}
		Map<String, Integer> warningsByCode = new TreeMap<>();
		Map<IncidentKind, Integer> byKind = new TreeMap<>();
		long best = 0;
		for (NormalizedRecord record : loaded) {
			record.warnings().forEach((warning) -> warningsByCode.merge(warning.code(), 1, Integer::sum));
			byKind.merge(record.kind(), 1, Integer::sum);
			best += record.casualties().killed();
		}

		assertThat(sample.rows()).hasSize(6416);
		assertThat(rejectedByReason).isEmpty();
		assertThat(loaded).hasSize(6416);
		assertThat(best).isEqualTo(43_225 - rejectedBest).isEqualTo(43_225);
		// 137 rows with low > high and 63 with best outside low..high
		assertThat(warningsByCode).containsExactly(Map.entry("RANGE_DROPPED", 200));
		// 411 United States strikes (state-based, in Pakistan), 2 one-sided events by a
		// government
		assertThat(byKind).containsExactly(Map.entry(IncidentKind.ATTACK, 557), Map.entry(IncidentKind.CLASH, 5446),
				Map.entry(IncidentKind.STRIKE, 411), Map.entry(IncidentKind.OTHER, 2));
		assertThat(loaded).allSatisfy((record) -> {
			assertThat(record.country()).isEqualTo("PAK");
			assertThat(record.location()).isNotNull();
		});
		assertThat(loaded).filteredOn((record) -> record.regionName() == null).hasSize(45);
	}

}
