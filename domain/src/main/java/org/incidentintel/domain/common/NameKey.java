package org.incidentintel.domain.common;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
 * <p>
 * {@link #loose(String)} is that looser rule, for searching only (it ranks suggestions
 * and finds a name that one organization alone answers to): it is never stored and never
 * used to resolve a source's names.
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

	// Small words a search may leave out or add ("Islamic State in Khorasan Province")
	private static final Set<String> LOOSE_STOPWORDS = Set.of("of", "in", "and", "for", "de", "du", "le", "la");

	// Transliteration variants, after doubled vowels are collapsed (ee -> i, oo -> u,
	// aa -> a): the spelling on the left reads as the one on the right
	private static final Map<String, String> LOOSE_SPELLINGS = Map.ofEntries(Map.entry("tahrik", "tehrik"),
			Map.entry("tehrick", "tehrik"), Map.entry("tahrick", "tehrik"), Map.entry("tehriq", "tehrik"),
			Map.entry("tahriq", "tehrik"), Map.entry("tehrek", "tehrik"), Map.entry("daish", "daesh"),
			Map.entry("daech", "daesh"), Map.entry("qaeda", "qaida"), Map.entry("qaidah", "qaida"),
			Map.entry("qaedah", "qaida"), Map.entry("taleban", "taliban"), Map.entry("baluch", "baloch"),
			Map.entry("baluchistan", "balochistan"), Map.entry("khurasan", "khorasan"),
			Map.entry("khorassan", "khorasan"), Map.entry("wilayah", "wilayat"), Map.entry("muhammadi", "mohammadi"),
			Map.entry("nifaz", "nafaz"), Map.entry("tawhid", "tauhid"), Map.entry("tawhed", "tauhid"),
			Map.entry("hezb", "hizb"), Map.entry("sind", "sindh"));

	// ISIS, ISIL and IS are one abbreviation: ISIS-K = ISIL-K = IS-K, ISIL-KP = IS-KP
	private static final Pattern LOOSE_ISLAMIC_STATE = Pattern.compile("^isi[sl]");

	private static final Pattern LOOSE_DOUBLED_E = Pattern.compile("e{2,}");

	private static final Pattern LOOSE_DOUBLED_O = Pattern.compile("o{2,}");

	private static final Pattern LOOSE_DOUBLED_A = Pattern.compile("a{2,}");

	private NameKey() {
	}

	/**
	 * Return the loose key of the given name: the {@link #of(String) key}, further
	 * without connectors ({@code -e-}, {@code -i-}, {@code ul}, {@code al}) and small
	 * words ({@code of}, {@code in}, {@code and}), with doubled vowels collapsed and
	 * common transliteration variants read alike
	 * ({@code Tehreek}/{@code Tahreek}/{@code Tehrik}, {@code Daish}/{@code Daesh},
	 * {@code Qaeda}/{@code Qaida}, {@code Taleban}/{@code Taliban}), and
	 * {@code ISIS}/{@code ISIL} read as {@code IS} at the start of a word
	 * ({@code ISIL-KP} = {@code IS-KP}).
	 * <p>
	 * For search only: it may make two different groups look alike, so it ranks
	 * candidates and never decides between organizations on its own.
	 * @param name the name as written by someone searching, or in the reference data
	 * @return the loose key, words sorted and separated by single spaces; the
	 * {@link #of(String) key} itself when nothing but connectors would remain
	 */
	public static String loose(String name) {
		String key = of(name);
		if (key.isEmpty()) {
			return key;
		}
		List<String> words = new ArrayList<>();
		for (String word : key.split(" ")) {
			if (CONNECTORS.contains(word) || LOOSE_STOPWORDS.contains(word)) {
				continue;
			}
			String folded = LOOSE_DOUBLED_E.matcher(word).replaceAll("i");
			folded = LOOSE_DOUBLED_O.matcher(folded).replaceAll("u");
			folded = LOOSE_DOUBLED_A.matcher(folded).replaceAll("a");
			folded = LOOSE_SPELLINGS.getOrDefault(folded, folded);
			folded = LOOSE_ISLAMIC_STATE.matcher(folded).replaceFirst("is");
			words.add(folded);
		}
		if (words.isEmpty()) {
			return key;
		}
		words.sort(null);
		return String.join(" ", words);
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
