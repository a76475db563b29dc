package org.incidentintel.api.curation;

import java.util.Collections;
import java.util.List;

import org.incidentintel.api.error.ApiException;
import org.incidentintel.api.error.ErrorCode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rules of {@link Checks}: bounds, control characters, repeats, and the argument path
 * of each refusal.
 */
class ChecksTests {

	@Test
	void textIsStrippedAndBlankIsNull() {
		assertThat(Checks.optional("  Islamabad \n", 200, "input", "location")).isEqualTo("Islamabad");
		assertThat(Checks.optional(" \t ", 200, "input", "location")).isNull();
		assertThat(Checks.optional(null, 200, "input", "location")).isNull();
	}

	@Test
	void textLongerThanItsBoundIsRefusedWithoutBeingQuoted() {
		ApiException refused = refused(() -> Checks.optional("x".repeat(1_000_001), 300, "input", "title"));

		assertThat(refused.code()).isEqualTo(ErrorCode.BAD_USER_INPUT);
		assertThat(refused.argumentPath()).containsExactly("input", "title");
		assertThat(refused.getMessage()).isEqualTo("at most 300 characters are allowed, got 1,000,001");
		assertThat(Checks.optional("x".repeat(300), 300, "input", "title")).hasSize(300);
	}

	@Test
	void controlCharactersAreRefusedAndFreeTextMayHoldLineBreaksAndTabs() {
		for (String text : List.of("Test\u0000round", "Test\nround", "Test\tround", "Test\u007Fround",
				"Test\u0085round", "Test\u001Bround")) {
			ApiException refused = refused(() -> Checks.optional(text, 300, "input", "title"));
			assertThat(refused.argumentPath()).containsExactly("input", "title");
			assertThat(refused.getMessage()).contains("control characters are not allowed", "at offset 4");
		}
		assertThat(Checks.freeText("Line one.\r\n\tLine two.", 4000, "input", "summary"))
			.isEqualTo("Line one.\r\n\tLine two.");
		assertThat(refused(() -> Checks.freeText("Line\u0000one", 4000, "input", "summary")).getMessage())
			.contains("U+0000", "besides line breaks and tabs");
	}

	@Test
	void formatCharactersAndPairedSurrogatesAreText() {
		// a zero-width non-joiner belongs to Persian and Urdu spellings; an emoji is a
		// pair
		String text = "\u0645\u06CC\u200C\u062E\u0648\u0627\u0647\u0645 \uD83D\uDE00";
		assertThat(Checks.optional(text, 300, "input", "title")).isEqualTo(text);
		assertThat(refused(() -> Checks.optional("Test \uD83D round", 300, "input", "title")).getMessage())
			.contains("half a surrogate pair (U+D83D)");
		assertThat(refused(() -> Checks.optional("Test \uDE00", 300, "input", "title")).getMessage())
			.contains("half a surrogate pair (U+DE00)");
	}

	@Test
	void requiredTextIsNotBlankAndBounded() {
		assertThat(refused(() -> Checks.required(" ", "the title", 300, "input", "title")).getMessage())
			.isEqualTo("the title must not be blank");
		assertThat(refused(() -> Checks.required("a\u0000", "the title", 300, "input", "title")).argumentPath())
			.containsExactly("input", "title");
	}

	@Test
	void aListLongerThanItsBoundIsRefusedOnTheListsPath() {
		List<String> many = Collections.nCopies(100_000, "train police");

		ApiException refused = refused(() -> Checks.list(many, 100, "input", "commitments"));

		assertThat(refused.argumentPath()).containsExactly("input", "commitments");
		assertThat(refused.getMessage()).isEqualTo("at most 100 items are allowed, got 100,000");
		assertThat(Checks.list(null, 100, "input", "commitments")).isEmpty();
		assertThat(Checks.list(many.subList(0, 100), 100, "input", "commitments")).hasSize(100);
	}

	@Test
	void aRepeatIsRefusedAtItsIndex() {
		ApiException refused = refused(
				() -> Checks.distinct(List.of(7L, 8L, 9L, 7L), "organization", "input", "threats"));

		assertThat(refused.code()).isEqualTo(ErrorCode.BAD_USER_INPUT);
		assertThat(refused.argumentPath()).containsExactly("input", "threats", 3);
		assertThat(refused.getMessage()).isEqualTo("items 0 and 3 are the same organization; give each once");
		Checks.distinct(List.of(7L, 8L), "organization", "input", "threats");
	}

	@Test
	void aCountryCodeIsThreeLettersAndALongValueIsNotQuoted() {
		assertThat(Checks.country(" pak ", "input", "hostCountry")).isEqualTo("PAK");
		assertThat(refused(() -> Checks.country("P\u0000K", "input", "hostCountry")).argumentPath())
			.containsExactly("input", "hostCountry");
		assertThat(refused(() -> Checks.country("P".repeat(10_000), "input", "hostCountry")).getMessage())
			.startsWith("a value of 10000 characters is not");
	}

	@Test
	void anIdIsBoundedBeforeItIsDecodedOrQuoted() {
		ApiException refused = refused(() -> Ids.decode("A".repeat(5000), "Organization", "input", "threats", 0));

		assertThat(refused.argumentPath()).containsExactly("input", "threats", 0);
		assertThat(refused.getMessage()).isEqualTo("at most 100 characters are allowed, got 5,000");
	}

	private static ApiException refused(Runnable check) {
		try {
			check.run();
		}
		catch (ApiException ex) {
			return ex;
		}
		throw new AssertionError("not refused");
	}

}
