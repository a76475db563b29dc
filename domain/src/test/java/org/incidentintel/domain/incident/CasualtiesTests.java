package org.incidentintel.domain.incident;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * Tests for {@link Casualties}.
 */
class CasualtiesTests {

	@Test
	void noneKnowsNothingRatherThanZero() {
		assertThat(Casualties.none()).hasAllNullFieldsOrProperties();
	}

	@Test
	void withersSetTheirFieldsAndKeepTheRest() {
		Casualties casualties = Casualties.none().withKilled(12, 10, 15).withBreakdown(7, 3, 1, 1).withInjured(40);
		assertThat(casualties).isEqualTo(new Casualties(12, 10, 15, 7, 3, 1, 1, 40));
		assertThat(casualties.withKilled(5)).isEqualTo(new Casualties(5, null, null, 7, 3, 1, 1, 40));
	}

	@Test
	void takesTheKilledFiguresFromARange() {
		assertThat(Casualties.none().withKilled(new CountRange(8, 9, 9)))
			.isEqualTo(new Casualties(9, 8, 9, null, null, null, null, null));
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "killed", "killedLow", "killedHigh", "civilians", "securityForces", "militants", "unknown",
			"injured" })
	void rejectsANegativeCountNamingTheField(String field) {
		Integer[] values = new Integer[8];
		values[fieldIndex(field)] = -1;
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new Casualties(values[0], values[1], values[2], values[3], values[4], values[5],
					values[6], values[7]))
			.withMessageStartingWith(field + " ");
	}

	@Test
	void rejectsALowAboveTheHigh() {
		assertThatIllegalArgumentException().isThrownBy(() -> Casualties.none().withKilled(null, 11, 10))
			.withMessageContaining("killedLow 11");
	}

	@ParameterizedTest(name = "best {0} in [{1}, {2}]")
	@CsvSource(textBlock = """
			9, 10, 15
			16, 10, 15
			""")
	void rejectsABestOutsideTheRange(int best, int low, int high) {
		assertThatIllegalArgumentException().isThrownBy(() -> Casualties.none().withKilled(best, low, high))
			.withMessageContaining("killed " + best);
	}

	@ParameterizedTest(name = "best {0} in [{1}, {2}]")
	@CsvSource(textBlock = """
			10, 10, 15
			15, 10, 15
			0, 0, 0
			5, 0, 5
			""")
	void acceptsABestOnTheBounds(int best, int low, int high) {
		assertThatNoException().isThrownBy(() -> Casualties.none().withKilled(best, low, high));
	}

	@Test
	void acceptsPartialFigures() {
		assertThat(Casualties.none().withKilled(null, 3, null).killedLow()).isEqualTo(3);
		assertThat(Casualties.none().withKilled(7, null, 9).killed()).isEqualTo(7);
	}

	private static int fieldIndex(String field) {
		List<String> fields = Arrays.stream(Casualties.class.getRecordComponents())
			.map(RecordComponent::getName)
			.toList();
		assertThat(fields).contains(field);
		return fields.indexOf(field);
	}

}
