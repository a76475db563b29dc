package org.incidentintel.domain.source;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.entry;

class RowLayoutTests {

	@Test
	void aCsvRecordWithQuotedDelimitersAndLineBreaksComesBackAsItsColumnsInOrder() {
		RowLayout layout = RowLayout.csv(',', List.of("id", "where", "note"), 3);

		Map<String, Object> row = layout.row("7,\"Peshawar, KP\",\"two\nlines and \"\"quotes\"\"\"");

		assertThat(row).containsExactly(entry("id", "7"), entry("where", "Peshawar, KP"),
				entry("note", "two\nlines and \"quotes\""));
	}

	@Test
	void theDelimiterTheReaderUsedSplitsTheRecordAndSurroundingSpacesStay() {
		RowLayout layout = RowLayout.csv(';', List.of("id", "place"), 2);

		assertThat(layout.row("1; Quetta ,x")).containsExactly(entry("id", "1"), entry("place", " Quetta ,x"));
	}

	@Test
	void aShortCsvRecordLacksItsMissingColumnsAndCellsBeyondTheHeaderAreExtras() {
		RowLayout layout = RowLayout.csv(',', List.of("id", "place", "killed"), 3);

		assertThat(layout.row("1,Quetta")).containsExactly(entry("id", "1"), entry("place", "Quetta"));
		assertThat(layout.row("1,Quetta,3,,late")).containsExactly(entry("id", "1"), entry("place", "Quetta"),
				entry("killed", "3"), entry("_extra1", ""), entry("_extra2", "late"));
	}

	@Test
	void theEmptyCellUnderATrailingCommaDroppedFromTheHeaderIsNoExtra() {
		// "id,place," on every line: the reader dropped the empty third name
		RowLayout layout = RowLayout.csv(',', List.of("id", "place"), 3);

		assertThat(layout.row("1,Quetta,")).containsExactly(entry("id", "1"), entry("place", "Quetta"));
		assertThat(layout.row("1,Quetta,,x")).containsExactly(entry("id", "1"), entry("place", "Quetta"),
				entry("_extra1", "x"));
	}

	@Test
	void aSheetRowIsStoredTabSeparatedAndItsAwkwardCellsComeBack() {
		RowLayout layout = RowLayout.xlsx(List.of("a", "b", "c", "d", "e"));
		List<String> cells = Arrays.asList("", "tab\there", "say \"hi\"", null, "line\nbreak");

		String text = RowLayout.sheetRowText(cells);

		assertThat(layout.row(text)).containsExactly(entry("a", ""), entry("b", "tab\there"), entry("c", "say \"hi\""),
				entry("d", ""), entry("e", "line\nbreak"));
	}

	@Test
	void aPlainSheetRowReadsAsItsCellsJoinedByTabs() {
		assertThat(RowLayout.sheetRowText(Arrays.asList("199301220002", null, "", "1.5")))
			.isEqualTo("199301220002\t\t\t1.5");
	}

	@Test
	void aSheetRowEndingEarlyReadsEmptyCellsAndItsEmptyCellsBeyondTheHeaderAreNoExtras() {
		RowLayout layout = RowLayout.xlsx(List.of("id", "place", "killed"));

		assertThat(layout.row("1")).containsExactly(entry("id", "1"), entry("place", ""), entry("killed", ""));
		assertThat(layout.row("1\tQuetta\t3\t\tlate")).containsExactly(entry("id", "1"), entry("place", "Quetta"),
				entry("killed", "3"), entry("_extra1", "late"));
	}

	@Test
	void aJsonRecordIsItsObjectAsWrittenKeysInOrder() {
		RowLayout layout = RowLayout.json(List.of("id", "best"));

		Map<String, Object> row = layout
			.row("{\"id\": 244657, \"best\": 3, \"latitude\": 33.700, \"side_b\": null, \"active\": true, "
					+ "\"tags\": [\"a\"], \"relid\": \"PAK-2019\"}");

		Map<String, Object> expected = new LinkedHashMap<>();
		expected.put("id", 244657);
		expected.put("best", 3);
		expected.put("latitude", new BigDecimal("33.700"));
		expected.put("side_b", null);
		expected.put("active", true);
		expected.put("tags", List.of("a"));
		expected.put("relid", "PAK-2019");
		assertThat(row).containsExactlyEntriesOf(expected);
	}

	@Test
	void textThatIsNotOneRecordOfTheLayoutIsRefusedWithWhatItIs() {
		assertThatIllegalArgumentException().isThrownBy(() -> RowLayout.csv(',', List.of("id"), 1).row("1\n2"))
			.withMessageContaining("2 records");
		assertThatIllegalArgumentException().isThrownBy(() -> RowLayout.csv(',', List.of("id"), 1).row("\"open"))
			.withMessageContaining("not a record of CSV");
		assertThatIllegalArgumentException().isThrownBy(() -> RowLayout.json(List.of("id")).row("[1, 2]"))
			.withMessageContaining("not a JSON object");
	}

	@Test
	void aLayoutSurvivesItsStoredJson() {
		for (RowLayout layout : List.of(RowLayout.csv('\t', List.of("id", "name \"quoted\""), 3),
				RowLayout.xlsx(List.of("eventid", "iyear")), RowLayout.json(List.of("id")))) {
			assertThat(RowLayout.fromJson(layout.toJson())).isEqualTo(layout);
		}
		assertThat(RowLayout.csv(',', List.of("id", "place"), 2).toJson())
			.isEqualTo("{\"kind\":\"CSV\",\"delimiter\":\",\",\"columns\":[\"id\",\"place\"],\"headerWidth\":2}");
		assertThatIllegalArgumentException().isThrownBy(() -> RowLayout.fromJson("{\"kind\":\"CSV\"}"))
			.withMessageContaining("not a row layout");
	}

	@Test
	void aDelimiterBelongsToCsvOnly() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new RowLayout(RowLayout.Kind.XLSX, ',', List.of("id"), 1));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new RowLayout(RowLayout.Kind.CSV, null, List.of("id"), 1));
	}

}
