package org.incidentintel.domain.common;

import java.time.LocalDate;
import java.time.YearMonth;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

/**
 * Tests for {@link DateSpan}.
 */
class DateSpanTests {

	private static final LocalDate MAY_10 = LocalDate.of(2024, 5, 10);

	@Test
	void dayIsASingleDayWithDayPrecision() {
		DateSpan span = DateSpan.day(MAY_10);
		assertThat(span.start()).isEqualTo(MAY_10);
		assertThat(span.end()).isEqualTo(MAY_10);
		assertThat(span.precision()).isEqualTo(DatePrecision.DAY);
		assertThat(span.isSingleDay()).isTrue();
	}

	@Test
	void daysKeepsBothEndsWithDayPrecision() {
		DateSpan span = DateSpan.days(MAY_10, MAY_10.plusDays(4));
		assertThat(span).isEqualTo(new DateSpan(MAY_10, LocalDate.of(2024, 5, 14), DatePrecision.DAY));
		assertThat(span.isSingleDay()).isFalse();
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(textBlock = """
			2024-02, 2024-02-01, 2024-02-29
			2023-02, 2023-02-01, 2023-02-28
			2024-04, 2024-04-01, 2024-04-30
			2024-12, 2024-12-01, 2024-12-31
			""")
	void monthSpansTheWholeMonthRatherThanInventingADay(String month, LocalDate start, LocalDate end) {
		assertThat(DateSpan.month(YearMonth.parse(month))).isEqualTo(new DateSpan(start, end, DatePrecision.MONTH));
	}

	@Test
	void yearSpansTheWholeYear() {
		assertThat(DateSpan.year(1995))
			.isEqualTo(new DateSpan(LocalDate.of(1995, 1, 1), LocalDate.of(1995, 12, 31), DatePrecision.YEAR));
	}

	@Test
	void rejectsAnEndBeforeTheStart() {
		assertThatIllegalArgumentException().isThrownBy(() -> DateSpan.days(MAY_10, MAY_10.minusDays(1)))
			.withMessageContaining("before start");
	}

	@Test
	void rejectsNulls() {
		assertThatNullPointerException().isThrownBy(() -> new DateSpan(null, MAY_10, DatePrecision.DAY))
			.withMessageContaining("start");
		assertThatNullPointerException().isThrownBy(() -> new DateSpan(MAY_10, null, DatePrecision.DAY))
			.withMessageContaining("end");
		assertThatNullPointerException().isThrownBy(() -> new DateSpan(MAY_10, MAY_10, null))
			.withMessageContaining("precision");
	}

	@Test
	void isWithinComparesBothEnds() {
		DateSpan may = DateSpan.month(YearMonth.of(2024, 5));
		assertThat(DateSpan.day(MAY_10).isWithin(may)).isTrue();
		assertThat(may.isWithin(may)).isTrue();
		assertThat(DateSpan.days(LocalDate.of(2024, 4, 30), MAY_10).isWithin(may)).isFalse();
		assertThat(DateSpan.days(MAY_10, LocalDate.of(2024, 6, 1)).isWithin(may)).isFalse();
		assertThat(may.isWithin(DateSpan.day(MAY_10))).isFalse();
	}

}
