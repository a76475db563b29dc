package org.incidentintel.etl.read;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class JsonTabularReaderTests {

	@TempDir
	Path dir;

	@Test
	void anArrayOfObjects() throws Exception {
		try (JsonTabularReader reader = new JsonTabularReader(TestFiles.source("read/events-array.json"))) {
			List<SourceRow> rows = TestFiles.readAll(reader);

			assertThat(reader.header()).containsExactly("eventid", "iyear", "city", "nkill", "suicide", "perpetrators",
					"location", "summary");
			assertThat(rows).hasSize(2);
			assertThat(rows.get(0).values()).containsEntry("eventid", "199301220001")
				.containsEntry("nkill", "12.5")
				.containsEntry("suicide", "false")
				.containsEntry("summary", "Line \"quoted\" text");
			// JSON rows are numbered by record, not by text line (API pages are minified)
			assertThat(rows.get(0).lineNumber()).isEqualTo(1);
			assertThat(rows.get(0).rawText()).startsWith("{\n    \"eventid\": 199301220001,").endsWith("text\"\n  }");
			assertThat(rows.get(1).lineNumber()).isEqualTo(2);
		}
	}

	@Test
	void nestedValuesAreTheirJsonTextAndNullsAreAbsent() throws Exception {
		try (JsonTabularReader reader = new JsonTabularReader(TestFiles.source("read/events-array.json"))) {
			List<SourceRow> rows = TestFiles.readAll(reader);

			assertThat(rows.get(0).get("perpetrators")).isEqualTo("[\"Tehrik-i-Taliban Pakistan (TTP)\", \"Unknown\"]");
			assertThat(rows.get(0).get("location")).isEqualTo("{\"lat\": 24.86, \"lon\": 67.01}");
			assertThat(rows.get(1).values()).doesNotContainKey("nkill")
				.containsEntry("perpetrators", "[]")
				.containsEntry("location", "{}")
				.containsEntry("summary", "")
				.containsEntry("extra_field", "only here");
		}
	}

	@Test
	void aUcdpApiPageReadsItsResultArray() throws Exception {
		try (JsonTabularReader reader = new JsonTabularReader(TestFiles.source("read/ucdp-api-page.json"))) {
			List<SourceRow> rows = TestFiles.readAll(reader);

			assertThat(reader.header()).startsWith("id", "relid", "year", "active_year").doesNotContain("TotalCount");
			assertThat(rows).extracting(row -> row.get("id")).containsExactly("244657", "244658", "244659");
			assertThat(rows).extracting(SourceRow::lineNumber).containsExactly(1L, 2L, 3L);
			assertThat(rows.get(0).values()).containsEntry("active_year", "true")
				.containsEntry("latitude", "26.8")
				.doesNotContainKey("adm_2");
			assertThat(rows.get(2).values()).containsEntry("latitude", "15").containsEntry("longitude", "72.5");
			assertThat(rows.get(1).rawText()).startsWith("{\"id\":244658,").endsWith("\"Peshawar district\"}");
		}
	}

	@Test
	void theResultArrayMayComeAfterOtherFieldsOrLast() throws Exception {
		Path path = TestFiles.write(this.dir, "page.json",
				"{\"TotalCount\":1,\"Meta\":{\"Result\":[1]},\"Result\":[{\"id\":1}],\"NextPageUrl\":null}");

		try (JsonTabularReader reader = new JsonTabularReader(SourceFile.of(path))) {
			assertThat(TestFiles.readAll(reader)).singleElement()
				.satisfies(row -> assertThat(row.values()).containsOnlyKeys("id"));
		}
	}

	@Test
	void pagesOneAfterAnotherReadAsOneFileNumberedAcrossPages() throws Exception {
		Path path = TestFiles.write(this.dir, "pages.json",
				"{\"TotalPages\":3,\"Result\":[{\"id\":1},{\"id\":2}],\"NextPageUrl\":\"p2\"}\n"
						+ "{\"TotalPages\":3,\"NextPageUrl\":\"p3\",\"Result\":[]}\n"
						+ "{\"TotalPages\":3,\"Result\":[{\"id\":3,\"city\":\"Quetta\"}],\"NextPageUrl\":\"\"}\n");

		try (JsonTabularReader reader = new JsonTabularReader(SourceFile.of(path))) {
			List<SourceRow> rows = TestFiles.readAll(reader);

			assertThat(rows).extracting(row -> row.get("id")).containsExactly("1", "2", "3");
			assertThat(rows).extracting(SourceRow::lineNumber).containsExactly(1L, 2L, 3L);
			assertThat(rows.get(2).rawText()).isEqualTo("{\"id\":3,\"city\":\"Quetta\"}");
		}
	}

	@Test
	void newlineDelimitedObjects() throws Exception {
		try (JsonTabularReader reader = new JsonTabularReader(TestFiles.source("read/events.ndjson"))) {
			List<SourceRow> rows = TestFiles.readAll(reader);

			assertThat(reader.header()).containsExactly("event_id_cnty", "event_date", "actor1", "fatalities");
			assertThat(rows).extracting(SourceRow::lineNumber).containsExactly(1L, 2L);
			assertThat(rows.get(1).values()).containsEntry("civilian_targeting", "Civilian targeting")
				.containsEntry("fatalities", "0");
			assertThat(rows.get(0).rawText()).isEqualTo(
					"{\"event_id_cnty\":\"PAK1\",\"event_date\":\"2020-05-09\",\"actor1\":\"TTP: Tehreek-i-Taliban Pakistan\",\"fatalities\":3}");
		}
	}

	@Test
	void aBrokenObjectIsUnreadableAndEndsTheFile() throws Exception {
		Path path = TestFiles.write(this.dir, "broken.ndjson", "{\"id\":1}\n{\"id\":2,\"city\":\"Quet\n{\"id\":3}\n");

		try (JsonTabularReader reader = new JsonTabularReader(SourceFile.of(path))) {
			List<Object> outcomes = TestFiles.readAllOutcomes(reader);

			assertThat(outcomes).hasSize(2);
			assertThat(outcomes.get(1)).isInstanceOfSatisfying(UnreadableRowException.class, ex -> {
				assertThat(ex.lineNumber()).isEqualTo(2);
				assertThat(ex.rawText()).startsWith("{\"id\":2,\"city\":\"Quet");
				assertThat(ex.getMessage()).startsWith("Unreadable JSON at line 2");
			});
		}
	}

	@Test
	void aBrokenFirstObjectIsReportedByNext() throws Exception {
		Path path = TestFiles.write(this.dir, "broken.json", "[{\"id\": 1,, }]");

		try (JsonTabularReader reader = new JsonTabularReader(SourceFile.of(path))) {
			assertThat(reader.header()).isEmpty();
			assertThat(TestFiles.readAllOutcomes(reader)).singleElement().isInstanceOf(UnreadableRowException.class);
		}
	}

	@Test
	void anElementThatIsNotAnObjectIsUnreadableAndReadingGoesOn() throws Exception {
		Path path = TestFiles.write(this.dir, "mixed.json", "[{\"id\":1}, [1, 2], \"x\", {\"id\":2}]");

		try (JsonTabularReader reader = new JsonTabularReader(SourceFile.of(path))) {
			List<Object> outcomes = TestFiles.readAllOutcomes(reader);

			assertThat(outcomes).hasSize(4);
			assertThat(outcomes.get(1)).isInstanceOfSatisfying(UnreadableRowException.class,
					ex -> assertThat(ex.rawText()).isEqualTo("[1, 2]"));
			assertThat(outcomes.get(2)).isInstanceOf(UnreadableRowException.class);
			assertThat(((SourceRow) outcomes.get(3)).get("id")).isEqualTo("2");
		}
	}

	@Test
	void anEmptyArrayHasNoRows() throws Exception {
		Path path = TestFiles.write(this.dir, "none.json", "[ ]");

		try (JsonTabularReader reader = new JsonTabularReader(SourceFile.of(path))) {
			assertThat(reader.header()).isEmpty();
			assertThat(reader.next()).isNull();
		}
	}

	@Test
	void anEmptyFileOrAScalarIsNotASource() {
		Path empty = TestFiles.write(this.dir, "empty.json", "  \n");
		Path scalar = TestFiles.write(this.dir, "scalar.json", "42");

		assertThatExceptionOfType(BadHeaderException.class)
			.isThrownBy(() -> new JsonTabularReader(SourceFile.of(empty)))
			.withMessage("empty.json: the file is empty: no JSON objects");
		assertThatExceptionOfType(BadHeaderException.class)
			.isThrownBy(() -> new JsonTabularReader(SourceFile.of(scalar)))
			.withMessage("scalar.json: expected an array of objects or JSON objects but found a number");
	}

	@Test
	void arraysNestedBeyondJacksonsLimitAreNotASource() {
		// 100,000 levels: far beyond StreamReadConstraints' default maximum nesting depth
		Path deep = TestFiles.write(this.dir, "deep.json", "[\n  " + "[".repeat(100_000));

		assertThatExceptionOfType(BadHeaderException.class).isThrownBy(() -> new JsonTabularReader(SourceFile.of(deep)))
			.withMessageMatching("deep\\.json: JSON nested too deeply at line 2, column \\d+: more than \\d+ levels of "
					+ "arrays and objects, Jackson's limit; expected an array of flat records \\(one JSON object per row\\)")
			.withMessageNotContaining("StreamConstraintsException");
	}

	@Test
	void aFirstRecordNestedTooDeeplyIsNotASourceEither() {
		Path deep = TestFiles.write(this.dir, "deep-field.json",
				"[{\"id\": 1,\n \"geo\": " + "{\"a\": ".repeat(10_000) + "1" + "}".repeat(10_000) + "}]");

		assertThatExceptionOfType(BadHeaderException.class).isThrownBy(() -> new JsonTabularReader(SourceFile.of(deep)))
			.withMessageStartingWith("deep-field.json: JSON nested too deeply at line 2, column ");
	}

	@Test
	void aLaterRecordNestedTooDeeplyIsUnreadableAndEndsTheFile() throws Exception {
		Path path = TestFiles.write(this.dir, "late.json",
				"[{\"id\": 1},\n{\"id\": 2},\n{\"id\": 3, \"geo\": " + "[".repeat(100_000));

		try (JsonTabularReader reader = new JsonTabularReader(SourceFile.of(path))) {
			List<Object> outcomes = TestFiles.readAllOutcomes(reader);

			assertThat(outcomes).hasSize(3);
			assertThat(outcomes.get(2)).isInstanceOfSatisfying(UnreadableRowException.class, ex -> {
				assertThat(ex.lineNumber()).isEqualTo(3);
				assertThat(ex.getMessage()).startsWith("JSON nested too deeply at line 3, column ");
			});
		}
	}

	@Test
	void anArrayOfArraysIsNotAnArrayOfRecords() {
		Path rows = TestFiles.write(this.dir, "rows.json", "[\n  [\"id\", \"city\"],\n  [1, \"Quetta\"]\n]");

		assertThatExceptionOfType(BadHeaderException.class).isThrownBy(() -> new JsonTabularReader(SourceFile.of(rows)))
			.withMessageStartingWith("rows.json: Expected a JSON object as record 1 but found an array at line 2, "
					+ "column 3; expected an array of flat records");
	}

	@Test
	void exponentsAreSpelledOut() {
		assertThat(JsonTabularReader.plainNumber("1.99301220001E11")).isEqualTo("199301220001");
		assertThat(JsonTabularReader.plainNumber("1e-5")).isEqualTo("0.00001");
		assertThat(JsonTabularReader.plainNumber("12.50")).isEqualTo("12.50");
	}

}
