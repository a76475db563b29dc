package org.incidentintel.domain.common;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The normalized lookup key of a name: insensitive to case, accents, punctuation and word
 * order.
 * <p>
 * Rules, in order: Unicode accents and invisible format characters (soft hyphens) are
 * dropped; apostrophes vanish ({@code Qa'ida} = {@code Qaida}) and so do the dots of
 * initials ({@code U.S.} = {@code US}); {@code &} reads as {@code and}; a hyphenated pair
 * whose second part is a one- or two-letter code is joined ({@code ISIS-K} =
 * {@code ISISK}, {@code IS-KP} = {@code ISKP}); all other punctuation separates words;
 * the article {@code the} is dropped; the Urdu/Persian izafat connector {@code i} reads
 * as {@code e} ({@code Lashkar-i-Jhangvi} = {@code Lashkar-e-Jhangvi}); the words are
 * sorted.
 * <p>
 * Other transliteration variants ({@code Tehreek}/{@code Tehrik},
 * {@code Qaeda}/{@code Qaida}) are not guessed by rules: they are listed as aliases in
 * the reference data, because a looser rule would start merging different groups.
 */
public final class NameKey {

	// Connectors of transliterated names stay words of their own after a hyphen, so that
	// "Hizb-i Islami" keeps matching "Hizb-i-Islami"
	private static final Set<String> CONNECTORS = Set.of("e", "i", "o", "u", "ul", "al", "el", "ud", "ut", "us", "ur",
			"un", "ush", "yi", "ye", "wa", "ka", "ki", "ke", "ad", "as", "ar", "az", "at", "an");

	private static final Pattern MARKS = Pattern.compile("[\\p{M}\\p{Cf}]+");

	private static final Pattern APOSTROPHES = Pattern.compile("['\u2018\u2019\u02bc\u02bb`\u00b4]");

	private static final Pattern INITIAL_DOTS = Pattern.compile("(?<![\\p{L}\\p{N}])(\\p{L})\\.");

	private static final Pattern HYPHENS = Pattern.compile("[-\u2010\u2011]");

	private static final Pattern SEPARATORS = Pattern.compile("[^\\p{L}\\p{N}\\-\u2010\u2011]+");

	private NameKey() {
	}

	/**
	 * Return the key of the given name; blank or {@code null} gives the empty key.
	 * @param name the name as written in a source
	 * @return the key, words sorted and separated by single spaces
	 */
	public static String of(String name) {
		if (name == null) {
			return "";
		}
		String text = Normalizer.normalize(name, Normalizer.Form.NFKD);
		text = MARKS.matcher(text).replaceAll("");
		text = APOSTROPHES.matcher(text).replaceAll("");
		text = INITIAL_DOTS.matcher(text).replaceAll("$1");
		text = text.toLowerCase(Locale.ROOT).replace("&", " and ");
		List<String> words = new ArrayList<>();
		for (String token : SEPARATORS.split(text)) {
			addWords(token, words);
		}
		words.sort(null);
		return String.join(" ", words);
	}

	private static void addWords(String token, List<String> words) {
		String[] parts = Arrays.stream(HYPHENS.split(token)).filter((part) -> !part.isEmpty()).toArray(String[]::new);
		if (parts.length == 2 && parts[1].length() <= 2 && !CONNECTORS.contains(parts[1])
				&& !CONNECTORS.contains(parts[0])) {
			words.add(parts[0] + parts[1]);
			return;
		}
		for (String part : parts) {
			if (part.equals("the")) {
				continue;
			}
			words.add(part.equals("i") ? "e" : part);
		}
	}

}
