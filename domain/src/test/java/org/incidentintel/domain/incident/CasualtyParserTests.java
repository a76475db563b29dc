package org.incidentintel.domain.incident;

import java.util.Set;

import org.incidentintel.domain.incident.CasualtyParseException.Reason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link CasualtyParser}.
 */
class CasualtyParserTests {

	private final CasualtyParser parser = CasualtyParser.standard();

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			0         | 0
			12        | 12
			12.0      | 12
			12.00     | 12
			' 7 '     | 7
			1,234     | 1234
			1,234,567 | 1234567
			+3        | 3
			-0        | 0
			""")
	void readsCounts(String cell, int expected) {
		assertThat(this.parser.parse(cell)).isEqualTo(expected);
	}

	@ParameterizedTest(name = "[{0}]")
	@NullAndEmptySource
	@ValueSource(strings = { "   ", "Unknown", "unknown", "UNKNOWN", "-9", "-99", "-9.0", "-99.0", "NA", "na", "N/A",
			"n/a", "-", " - " })
	void readsSentinelsAsUnknown(String cell) {
		assertThat(this.parser.parse(cell)).isNull();
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "2.5", "12.01", "many", "twelve", "12 dead", "1,2", "12,34", "1.234,5", "40+",
			"http://www.samaa.tv/pakistan/29-Jun-2015/shootout-after-suicide-attack-in-lahore", "99999999999" })
	void rejectsWhatIsNotAWholeNumber(String cell) {
		assertThatExceptionOfType(CasualtyParseException.class).isThrownBy(() -> this.parser.parse(cell))
			.satisfies((ex) -> assertThat(ex.getReason()).isEqualTo(Reason.NOT_A_NUMBER))
			.satisfies((ex) -> assertThat(ex.getInput()).isEqualTo(cell));
	}

	// GTD carries nkill 19.8 or nwound 0.33 (issue 15: such events were rejected whole)
	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			19.8   | 20 | true
			0.33   | 0  | true
			2.5    | 3  | true
			1,234.5| 1235| true
			12.0   | 12 | false
			7      | 7  | false
			""")
	void roundsAFractionWhenAskedAndSaysSo(String cell, int count, boolean rounded) {
		assertThat(this.parser.parseRoundingFractions(cell)).isEqualTo(new CasualtyParser.ParsedCount(count, rounded));
	}

	@ParameterizedTest(name = "[{0}]")
	@NullAndEmptySource
	@ValueSource(strings = { "Unknown", "-9", "-99.0" })
	void readsSentinelsAsUnknownWhenRounding(String cell) {
		assertThat(this.parser.parseRoundingFractions(cell)).isEqualTo(new CasualtyParser.ParsedCount(null, false));
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			-0.5     | NEGATIVE_COUNT
			-19.8    | NEGATIVE_COUNT
			many     | NOT_A_NUMBER
			1.2.3    | NOT_A_NUMBER
			""")
	void stillRejectsWhatIsNoCountWhenRounding(String cell, Reason reason) {
		assertThatExceptionOfType(CasualtyParseException.class)
			.isThrownBy(() -> this.parser.parseRoundingFractions(cell))
			.satisfies((ex) -> assertThat(ex.getReason()).isEqualTo(reason));
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "-1", "-5", "-10", "-98", "-100", "-1,000", "-5.0" })
	void rejectsNegativeCountsThatAreNoSentinel(String cell) {
		assertThatExceptionOfType(CasualtyParseException.class).isThrownBy(() -> this.parser.parse(cell))
			.satisfies((ex) -> assertThat(ex.getReason()).isEqualTo(Reason.NEGATIVE_COUNT));
	}

	@Test
	void acceptsExtraSentinelsOnTopOfTheDefaults() {
		CasualtyParser ucdp = CasualtyParser.withExtraSentinels(Set.of("-1", " Not Reported "));
		assertThat(ucdp.parse("-1")).isNull();
		assertThat(ucdp.parse("-1.0")).isNull();
		assertThat(ucdp.parse("not reported")).isNull();
		assertThat(ucdp.parse("Unknown")).isNull();
		assertThat(ucdp.parse("4")).isEqualTo(4);
		assertThatExceptionOfType(CasualtyParseException.class).isThrownBy(() -> this.parser.parse("-1"));
	}

	@ParameterizedTest(name = "[{0}] to [{1}]")
	@CsvSource(textBlock = """
			8,   9,   8,    9,    9
			0,   0,   0,    0,    0
			'',  11,  ,     11,   11
			,    11,  ,     11,   11
			12,  '',  12,   ,     12
			'',  '',  ,     ,
			NA,  4.0, ,     4,    4
			""")
	void readsMinAndMaxCellsWithTheMaximumAsBest(String min, String max, Integer low, Integer high, Integer best) {
		assertThat(this.parser.parseRange(min, max)).isEqualTo(new CountRange(low, high, best));
	}

	@Test
	void rejectsAnInvertedRange() {
		// Real row S# 129 of the Pakistan Body Count file: Killed Min 11, Killed Max 10
		assertThatExceptionOfType(CasualtyParseException.class).isThrownBy(() -> this.parser.parseRange("11", "10"))
			.satisfies((ex) -> assertThat(ex.getReason()).isEqualTo(Reason.RANGE_INVERTED))
			.withMessageContaining("11")
			.withMessageContaining("10");
	}

	@Test
	void passesOnTheReasonOfABadBound() {
		assertThatExceptionOfType(CasualtyParseException.class).isThrownBy(() -> this.parser.parseRange("-3", "10"))
			.satisfies((ex) -> assertThat(ex.getReason()).isEqualTo(Reason.NEGATIVE_COUNT));
	}

	@ParameterizedTest(name = "[{0}]")
	@CsvSource(delimiter = '|', textBlock = """
			10-15       | 10 | 15 | 15
			10 - 15     | 10 | 15 | 15
			10 to 15    | 10 | 15 | 15
			10 TO 15    | 10 | 15 | 15
			10\u201315  | 10 | 15 | 15
			1,000-1,200 | 1000 | 1200 | 1200
			40+         | 40 |    | 40
			100 +       | 100 |   | 100
			12          |    |    | 12
			12.0        |    |    | 12
			Unknown     |    |    |
			-           |    |    |
			''          |    |    |
			""")
	void readsARangeInOneCell(String cell, Integer low, Integer high, Integer best) {
		assertThat(this.parser.parseRange(cell)).isEqualTo(new CountRange(low, high, best));
	}

	@ParameterizedTest(name = "[{0}]")
	@CsvSource(delimiter = '|', textBlock = """
			15-10    | RANGE_INVERTED
			10 to -5 | NEGATIVE_COUNT
			-5       | NEGATIVE_COUNT
			10-15-20 | NOT_A_NUMBER
			a to b   | NOT_A_NUMBER
			2.5+     | NOT_A_NUMBER
			""")
	void rejectsABadRangeInOneCell(String cell, Reason reason) {
		assertThatExceptionOfType(CasualtyParseException.class).isThrownBy(() -> this.parser.parseRange(cell))
			.satisfies((ex) -> assertThat(ex.getReason()).isEqualTo(reason));
	}

	@Test
	void readsNullAsAnUnknownRange() {
		assertThat(this.parser.parseRange(null)).isEqualTo(CountRange.unknown());
	}

}
