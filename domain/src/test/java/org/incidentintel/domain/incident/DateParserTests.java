package org.incidentintel.domain.incident;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import org.incidentintel.domain.common.DatePrecision;
import org.incidentintel.domain.common.DateSpan;
import org.incidentintel.domain.incident.DateParser.ParsedDate;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link DateParser}.
 */
class DateParserTests {

	private final DateParser parser = DateParser.standard();

	@Nested
	class SingleDays {

		@ParameterizedTest(name = "{0}")
		@CsvSource(delimiter = '|', textBlock = """
				2024-05-10                | 2024-05-10
				1990-10-04 00:00:00.000   | 1990-10-04
				2008-02-29T13:45:00       | 2008-02-29
				9-May-20                  | 2020-05-09
				09-May-2020               | 2020-05-09
				15-Sep-97                 | 1997-09-15
				10 May 2024               | 2024-05-10
				4 January 2005            | 2005-01-04
				4 JANUARY 2005            | 2005-01-04
				'  4   january    2005 '  | 2005-01-04
				Friday, June 18, 2004     | 2004-06-18
				June 18, 2004             | 2004-06-18
				Sept 5, 2004              | 2004-09-05
				39711                     | 2008-09-20
				39711.0                   | 2008-09-20
				""")
		void readsEveryBuiltInStyle(String text, LocalDate expected) {
			assertThat(DateParserTests.this.parser.parse(text)).isEqualTo(DateSpan.day(expected));
		}

		@ParameterizedTest(name = "{0}")
		@CsvSource(delimiter = '|', textBlock = """
				Sunday-November 19-1995   | 1995-11-19
				Monday-November 6-2000    | 2000-11-06
				Wednesday-May 8-2002      | 2002-05-08
				Saturday-October 04-2014  | 2014-10-04
				Sunday-Aug 16-2015        | 2015-08-16
				Tuesday-Sep 01-2015       | 2015-09-01
				Saturday-Apr 16-2016      | 2016-04-16
				Saturday-November-25-2017 | 2017-11-25
				Thursday-October-05-2017  | 2017-10-05
				Wednesday-April-05-2017   | 2017-04-05
				Thursday-Oct-22-2015      | 2015-10-22
				Tuesday-Dec-29-2015       | 2015-12-29
				Tuesday-Feb-7-2017        | 2017-02-07
				Saturday-Nov-26-2016      | 2016-11-26
				Friday-Sept-16-2016       | 2016-09-16
				sunday-NOVEMBER  19-1995  | 1995-11-19
				Sunday - November 19-1995 | 1995-11-19
				""")
		void readsPakistanBodyCountSpellings(String text, LocalDate expected) {
			ParsedDate parsed = DateParserTests.this.parser.inspect(text);
			assertThat(parsed.span()).isEqualTo(DateSpan.day(expected));
			assertThat(parsed.warnings()).isEmpty();
		}

		@ParameterizedTest(name = "{0}")
		@CsvSource(delimiter = '|', textBlock = """
				1-Jan-00  | 2000
				1-Jan-69  | 2069
				1-Jan-70  | 1970
				1-Jan-99  | 1999
				""")
		void pivotsTwoDigitYearsAtSeventy(String text, int year) {
			assertThat(DateParserTests.this.parser.parse(text).start().getYear()).isEqualTo(year);
		}

	}

	@Nested
	class CoarserDates {

		@Test
		void readsAMonth() {
			assertThat(DateParserTests.this.parser.parse("March 2013"))
				.isEqualTo(DateSpan.month(YearMonth.of(2013, 3)));
			assertThat(DateParserTests.this.parser.parse("2013-03")).isEqualTo(DateSpan.month(YearMonth.of(2013, 3)));
		}

		@Test
		void readsAYear() {
			assertThat(DateParserTests.this.parser.parse("2013")).isEqualTo(DateSpan.year(2013));
		}

		@ParameterizedTest(name = "{0}")
		@CsvSource(delimiter = '|', textBlock = """
				2013-03-05 - 2013-03-10       | 2013-03-05 | 2013-03-10 | DAY
				January 19-24, 1993           | 1993-01-19 | 1993-01-24 | DAY
				January 30 - February 2, 1993 | 1993-01-30 | 1993-02-02 | DAY
				March 2013 to May 2013        | 2013-03-01 | 2013-05-31 | MONTH
				2013-03-05 - April 2013       | 2013-03-05 | 2013-04-30 | MONTH
				""")
		void readsRanges(String text, LocalDate start, LocalDate end, DatePrecision precision) {
			assertThat(DateParserTests.this.parser.parse(text)).isEqualTo(new DateSpan(start, end, precision));
		}

		@Test
		void rejectsARangeThatEndsBeforeItStarts() {
			assertThatExceptionOfType(DateParseException.class)
				.isThrownBy(() -> DateParserTests.this.parser.parse("2013-03-10 - 2013-03-05"))
				.withMessageContaining("ends before it starts");
		}

	}

	@Nested
	class Weekdays {

		@Test
		void reportsAContradictingWeekdayWithoutRejecting() {
			// Real row S# 464: 7 March 2016 was a Monday
			ParsedDate parsed = DateParserTests.this.parser.inspect("Saturday-Mar 07-2016");
			assertThat(parsed.span()).isEqualTo(DateSpan.day(LocalDate.of(2016, 3, 7)));
			assertThat(parsed.hasWarnings()).isTrue();
			assertThat(parsed.warnings()).singleElement().satisfies((warning) -> {
				assertThat(warning.code()).isEqualTo(DateWarning.Code.WEEKDAY_MISMATCH);
				assertThat(warning.message()).contains("Saturday").contains("Monday");
			});
		}

		@Test
		void readsAMisspeltWeekdayByItsFirstLetters() {
			// Real row S# 453
			ParsedDate parsed = DateParserTests.this.parser.inspect("Thursay-Aug 27-2015");
			assertThat(parsed.span()).isEqualTo(DateSpan.day(LocalDate.of(2015, 8, 27)));
			assertThat(parsed.warnings()).singleElement().satisfies((warning) -> {
				assertThat(warning.code()).isEqualTo(DateWarning.Code.WEEKDAY_MISSPELT);
				assertThat(warning.message()).contains("misspelt").contains("Thursday");
			});
		}

		@Test
		void checksTheWeekdayOfTheAmericanStyle() {
			assertThat(DateParserTests.this.parser.inspect("Monday, June 18, 2004").warnings()).singleElement()
				.satisfies((warning) -> {
					assertThat(warning.code()).isEqualTo(DateWarning.Code.WEEKDAY_MISMATCH);
					assertThat(warning.message()).contains("Friday");
				});
		}

		@Test
		void rejectsAWordThatIsNoWeekday() {
			assertThatExceptionOfType(DateParseException.class)
				.isThrownBy(() -> DateParserTests.this.parser.parse("Garbage-November 19-1995"))
				.withMessageContaining("not a weekday");
		}

	}

	@Nested
	class Rejections {

		@ParameterizedTest(name = "{0}")
		@ValueSource(strings = { "2017-02-30", "Monday-February 30-2017", "31 April 2020", "31-Apr-20",
				"February 29, 2023", "2013-13", "2013-00-10", "1990-10-04 25:00:00.000" })
		void rejectsImpossibleDates(String text) {
			assertThatExceptionOfType(DateParseException.class)
				.isThrownBy(() -> DateParserTests.this.parser.parse(text))
				.satisfies((ex) -> assertThat(ex.getInput()).isEqualTo(text))
				.withMessageContaining("no such");
		}

		@ParameterizedTest(name = "{0}")
		@ValueSource(strings = { "yesterday", "N/A", "12", "123", "2.5", "10 Smarch 2020", "Sunday-Smarch 19-1995",
				"06/18/2004", "2024/05/10", "20240510" })
		void rejectsGarbage(String text) {
			assertThatExceptionOfType(DateParseException.class)
				.isThrownBy(() -> DateParserTests.this.parser.parse(text))
				.satisfies((ex) -> assertThat(ex.getInput()).isEqualTo(text));
		}

		@ParameterizedTest(name = "[{0}]")
		@ValueSource(strings = { "", "   " })
		void rejectsBlank(String text) {
			assertThatExceptionOfType(DateParseException.class)
				.isThrownBy(() -> DateParserTests.this.parser.parse(text))
				.withMessageContaining("blank");
		}

		@Test
		void rejectsNull() {
			assertThatExceptionOfType(DateParseException.class)
				.isThrownBy(() -> DateParserTests.this.parser.parse(null));
		}

	}

	@Nested
	class ExcelSerials {

		@ParameterizedTest(name = "{0}")
		@CsvSource(textBlock = """
				1,     1900-01-01
				59,    1900-02-28
				61,    1900-03-01
				39711, 2008-09-20
				39711.75, 2008-09-20
				45422, 2024-05-10
				2958465, 9999-12-31
				""")
		void followExcelsNineteenHundredDateSystem(double serial, LocalDate expected) {
			assertThat(DateParser.excelSerial(serial)).isEqualTo(DateSpan.day(expected));
		}

		@Test
		void rejectTheLotusLeapDay() {
			assertThatExceptionOfType(DateParseException.class).isThrownBy(() -> DateParser.excelSerial(60))
				.withMessageContaining("29 February 1900");
		}

		@ParameterizedTest(name = "{0}")
		@ValueSource(doubles = { 0, -1, 0.5, 2958466, Double.NaN, Double.POSITIVE_INFINITY })
		void rejectOutOfRange(double serial) {
			assertThatExceptionOfType(DateParseException.class).isThrownBy(() -> DateParser.excelSerial(serial));
		}

	}

	@Nested
	class GlobalTerrorismDatabase {

		@Test
		void readsAKnownDay() {
			assertThat(DateParser.gtd(1993, 1, 22, null)).isEqualTo(DateSpan.day(LocalDate.of(1993, 1, 22)));
		}

		@Test
		void treatsDayZeroAsTheWholeMonth() {
			assertThat(DateParser.gtd(1993, 1, 0, "")).isEqualTo(DateSpan.month(YearMonth.of(1993, 1)));
		}

		@Test
		void treatsMonthZeroAsTheWholeYear() {
			assertThat(DateParser.gtd(1993, 0, 0, null)).isEqualTo(DateSpan.year(1993));
		}

		@ParameterizedTest(name = "{3}")
		@CsvSource(delimiter = '|', textBlock = """
				1993 | 1 | 0 | January 19-24, 1993     | 1993-01-19 | 1993-01-24 | DAY
				2013 | 3 | 0 | 2013-03-05 - 2013-03-10 | 2013-03-05 | 2013-03-10 | DAY
				2013 | 0 | 0 | March 2013              | 2013-03-01 | 2013-03-31 | MONTH
				""")
		void narrowsWithAReadableApproxdate(int year, int month, int day, String approxdate, LocalDate start,
				LocalDate end, DatePrecision precision) {
			assertThat(DateParser.gtd(year, month, day, approxdate)).isEqualTo(new DateSpan(start, end, precision));
		}

		@ParameterizedTest(name = "{0}")
		@ValueSource(strings = { "late January 1993", "February 2-3, 1993", "1992" })
		void ignoresAnApproxdateItCannotReadOrThatContradictsTheCodedFields(String approxdate) {
			assertThat(DateParser.gtd(1993, 1, 0, approxdate)).isEqualTo(DateSpan.month(YearMonth.of(1993, 1)));
		}

		@Test
		void keepsAKnownDayWhateverTheApproxdateSays() {
			assertThat(DateParser.gtd(1993, 1, 19, "January 19-24, 1993"))
				.isEqualTo(DateSpan.day(LocalDate.of(1993, 1, 19)));
		}

		@ParameterizedTest(name = "{0}-{1}-{2}")
		@CsvSource(textBlock = """
				2017, 2, 30
				1993, 13, 1
				1993, 0, 5
				1993, -1, 0
				1993, 1, 32
				0, 1, 1
				""")
		void rejectsFieldsNamingNoRealDate(int year, int month, int day) {
			assertThatExceptionOfType(DateParseException.class).isThrownBy(() -> DateParser.gtd(year, month, day, null))
				.satisfies((ex) -> assertThat(ex.getInput()).contains("iyear=" + year));
		}

	}

	@Nested
	class Ucdp {

		@ParameterizedTest(name = "date_prec {2}")
		@CsvSource(textBlock = """
				1990-10-04 00:00:00.000, 1990-10-04 00:00:00.000, 1, DAY
				2008-02-03 00:00:00.000, 2008-02-07 00:00:00.000, 2, DAY
				2008-02-01 00:00:00.000, 2008-02-07 00:00:00.000, 3, DAY
				2008-02-01 00:00:00.000, 2008-02-29 00:00:00.000, 4, MONTH
				2008-01-01 00:00:00.000, 2008-12-31 00:00:00.000, 5, YEAR
				""")
		void keepsTheGivenBoundsAndMapsThePrecision(String start, String end, int datePrec, DatePrecision precision) {
			DateSpan span = DateParser.ucdp(start, end, datePrec);
			assertThat(span).isEqualTo(new DateSpan(LocalDate.parse(start.substring(0, 10)),
					LocalDate.parse(end.substring(0, 10)), precision));
		}

		@Test
		void treatsABlankEndAsTheStart() {
			assertThat(DateParser.ucdp("1990-10-04 00:00:00.000", "", 1))
				.isEqualTo(DateSpan.day(LocalDate.of(1990, 10, 4)));
		}

		@Test
		void rejectsAnEndBeforeTheStart() {
			assertThatExceptionOfType(DateParseException.class)
				.isThrownBy(() -> DateParser.ucdp("2008-02-07 00:00:00.000", "2008-02-03 00:00:00.000", 2))
				.withMessageContaining("before date_start");
		}

		@ParameterizedTest(name = "date_prec {0}")
		@ValueSource(ints = { 0, 6, -1 })
		void rejectsAnUnknownPrecisionCode(int datePrec) {
			assertThatExceptionOfType(DateParseException.class)
				.isThrownBy(() -> DateParser.ucdp("2008-02-03 00:00:00.000", "2008-02-03 00:00:00.000", datePrec))
				.withMessageContaining("date_prec");
		}

		// The UCDP explorer export writes month/day/year with a time (issue 15: every row
		// of a real export was rejected)
		@ParameterizedTest(name = "{0}")
		@CsvSource(textBlock = """
				03/27/1990 00:00:00,    1990-03-27
				3/27/1990 12:00:00 AM,  1990-03-27
				12/01/2015 00:00:00,    2015-12-01
				02/29/2016 00:00,       2016-02-29
				01/05/2016,             2016-01-05
				""")
		void readsTheExplorerExportsUsDatesWithATime(String cell, LocalDate day) {
			assertThat(DateParser.ucdp(cell, cell, 1)).isEqualTo(DateSpan.day(day));
		}

		@Test
		void keepsTheExplorerExportsDaySpanAndPrecision() {
			assertThat(DateParser.ucdp("02/01/2008 00:00:00", "02/29/2008 00:00:00", 4))
				.isEqualTo(new DateSpan(LocalDate.of(2008, 2, 1), LocalDate.of(2008, 2, 29), DatePrecision.MONTH));
		}

		@ParameterizedTest(name = "{0}")
		@ValueSource(strings = { "27/03/1990 00:00:00", "02/30/2016 00:00:00", "03/27/1990 25:00:00",
				"03/27/1990 13:00:00 PM", "03/27/90 00:00:00" })
		void rejectsAUsDateThatNamesNoRealDayOrTime(String cell) {
			assertThatExceptionOfType(DateParseException.class).isThrownBy(() -> DateParser.ucdp(cell, cell, 1))
				.satisfies((ex) -> assertThat(ex.getInput()).isEqualTo(cell));
		}

		@Test
		void rejectsADateThatIsNotASingleDay() {
			assertThatExceptionOfType(DateParseException.class)
				.isThrownBy(() -> DateParser.ucdp("2008-02", "2008-02-03 00:00:00.000", 4))
				.withMessageContaining("single day");
		}

	}

	@Nested
	class ExplicitPatterns {

		@Test
		void readsAmericanDatesOnlyWhenDeclared() {
			DateParser american = DateParser.withPatterns(List.of("MM/dd/yyyy"));
			assertThat(american.parse("06/18/2004")).isEqualTo(DateSpan.day(LocalDate.of(2004, 6, 18)));
			assertThatExceptionOfType(DateParseException.class)
				.isThrownBy(() -> DateParserTests.this.parser.parse("06/18/2004"));
		}

		@Test
		void triesPatternsInOrder() {
			DateParser european = DateParser.withPatterns(List.of("dd/MM/yyyy", "MM/dd/yyyy"));
			assertThat(european.parse("06/05/2004")).isEqualTo(DateSpan.day(LocalDate.of(2004, 5, 6)));
			assertThat(european.parse("06/18/2004")).isEqualTo(DateSpan.day(LocalDate.of(2004, 6, 18)));
		}

		@Test
		void fallsBackToTheBuiltInStyles() {
			DateParser american = DateParser.withPatterns(List.of("MM/dd/yyyy"));
			assertThat(american.parse("Sunday-November 19-1995")).isEqualTo(DateSpan.day(LocalDate.of(1995, 11, 19)));
		}

		@Test
		void areStrictAndSayWhy() {
			DateParser american = DateParser.withPatterns(List.of("MM/dd/yyyy"));
			assertThatExceptionOfType(DateParseException.class).isThrownBy(() -> american.parse("02/30/2017"))
				.withMessageContaining("MM/dd/yyyy")
				.withMessageContaining("FEBRUARY 30");
		}

		@Test
		void areCaseInsensitiveAndEnglish() {
			DateParser parser = DateParser.withPatterns(List.of("dd.MMMM.yyyy"));
			assertThat(parser.parse("18.JUNE.2004")).isEqualTo(DateSpan.day(LocalDate.of(2004, 6, 18)));
		}

		@ParameterizedTest(name = "{0}")
		@CsvSource(textBlock = """
				05/01/69, 2069-05-01
				05/01/70, 1970-05-01
				05/01/20, 2020-05-01
				""")
		void useTheSeventyPivotForTwoDigitYears(String text, LocalDate expected) {
			assertThat(DateParser.withPatterns(List.of("MM/dd/yy")).parse(text)).isEqualTo(DateSpan.day(expected));
		}

		@Test
		void leaveQuotedLettersAlone() {
			assertThat(DateParser.withPatterns(List.of("'yy'yy/MM/dd")).parse("yy95/05/01"))
				.isEqualTo(DateSpan.day(LocalDate.of(1995, 5, 1)));
		}

		@Test
		void giveCoarserSpansForPatternsWithoutADay() {
			assertThat(DateParser.withPatterns(List.of("MM/yyyy")).parse("03/2013"))
				.isEqualTo(DateSpan.month(YearMonth.of(2013, 3)));
			assertThat(DateParser.withPatterns(List.of("'FY'yyyy")).parse("FY2013")).isEqualTo(DateSpan.year(2013));
		}

		@Test
		void reportAContradictingWeekday() {
			ParsedDate parsed = DateParser.withPatterns(List.of("EEEE, MM/dd/yyyy")).inspect("Monday, 06/18/2004");
			assertThat(parsed.span()).isEqualTo(DateSpan.day(LocalDate.of(2004, 6, 18)));
			assertThat(parsed.warnings()).singleElement().satisfies((warning) -> {
				assertThat(warning.code()).isEqualTo(DateWarning.Code.WEEKDAY_MISMATCH);
				assertThat(warning.message()).contains("Friday");
			});
		}

		@Test
		void rejectAnInvalidPattern() {
			assertThatIllegalArgumentException().isThrownBy(() -> DateParser.withPatterns(List.of("dd/MM/yyyy{")));
		}

	}

}
