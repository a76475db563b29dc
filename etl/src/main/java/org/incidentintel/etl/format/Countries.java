package org.incidentintel.etl.format;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.incidentintel.domain.common.NameKey;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Maps the country names and codes the sources write to ISO 3166 alpha-3.
 *
 * <p>
 * Every current country comes from {@link Locale}: its alpha-2 and alpha-3 codes and its
 * English name. The alias table {@code countries/aliases.yaml} adds the names sources
 * write instead (UCDP's {@code DR Congo (Zaire)}, GTD's {@code West Germany (FRG)},
 * ACLED's {@code eSwatini}), states that no longer exist, former and alternate codes
 * (ACLED's {@code ROM} for Romania, {@code ZAR}, {@code TMP}), ISO numeric codes (ACLED's
 * {@code iso}) and Gleditsch-Ward numbers (UCDP's {@code country_id}). Names are compared
 * by {@link NameKey} (case, accents, punctuation and word order do not matter), with
 * {@code Saint} read as {@code St.}; a name {@code X (Y)} that is not known as a whole
 * falls back to {@code X}.
 */
public final class Countries {

	/** The bundled alias table on the classpath. */
	public static final String ALIASES_RESOURCE = "countries/aliases.yaml";

	private static final Pattern CODE = Pattern.compile("[A-Za-z]{2,3}");

	private static final Pattern TABLE_CODE = Pattern.compile("[A-Z]{2,3}");

	private static final Pattern PARENTHESIZED = Pattern.compile("^(.+?)\\s*\\([^()]*\\)$");

	private static final Pattern SAINT = Pattern.compile("(?i)\\bsaint\\b");

	private static final Countries STANDARD = load();

	private final Map<String, String> byCode;

	private final Map<String, String> byName;

	private final Map<Integer, String> byNumeric;

	private final Map<Integer, String> byGleditschWard;

	private Countries(Map<String, String> byCode, Map<String, String> byName, Map<Integer, String> byNumeric,
			Map<Integer, String> byGleditschWard) {
		this.byCode = Map.copyOf(byCode);
		this.byName = Map.copyOf(byName);
		this.byNumeric = Map.copyOf(byNumeric);
		this.byGleditschWard = Map.copyOf(byGleditschWard);
	}

	/**
	 * The countries of {@link Locale} with the bundled alias table.
	 * @return the shared instance
	 */
	public static Countries standard() {
		return STANDARD;
	}

	/**
	 * The alpha-3 code of a country name, alpha-2 or alpha-3 code.
	 * @param nameOrCode the cell, may be {@code null}
	 * @return the alpha-3 code, or empty if the country is not known
	 */
	public Optional<String> find(String nameOrCode) {
		if (nameOrCode == null || nameOrCode.isBlank()) {
			return Optional.empty();
		}
		String text = nameOrCode.strip();
		if (CODE.matcher(text).matches()) {
			String code = this.byCode.get(text.toUpperCase(Locale.ROOT));
			if (code != null) {
				return Optional.of(code);
			}
		}
		String found = this.byName.get(key(text));
		if (found == null) {
			Matcher parenthesized = PARENTHESIZED.matcher(text);
			if (parenthesized.matches()) {
				found = this.byName.get(key(parenthesized.group(1)));
			}
		}
		return Optional.ofNullable(found);
	}

	/**
	 * The alpha-3 code of an ISO 3166 numeric code, as ACLED's {@code iso} column gives
	 * it. Only the codes in the alias table are known.
	 * @param numeric the code as text ({@code 586}, {@code 004}, {@code 586.0})
	 * @return the alpha-3 code, or empty if the code is not known or not a number
	 */
	public Optional<String> findNumeric(String numeric) {
		return number(numeric).map(this.byNumeric::get);
	}

	/**
	 * The alpha-3 code of a Gleditsch-Ward state number, as UCDP's {@code country_id}
	 * gives it. Only the numbers in the alias table are known.
	 * @param number the number as text ({@code 770})
	 * @return the alpha-3 code, or empty if the number is not known or not a number
	 */
	public Optional<String> findGleditschWard(String number) {
		return number(number).map(this.byGleditschWard::get);
	}

	/**
	 * The Gleditsch-Ward state numbers of an alpha-3 code, the codes the UCDP API filters
	 * countries by. Only the numbers in the alias table are known.
	 * @param alpha3 the code, e.g. {@code PAK}
	 * @return the numbers in ascending order ({@code [770]}), empty if none is known
	 */
	public List<Integer> gleditschWardNumbers(String alpha3) {
		return this.byGleditschWard.entrySet()
			.stream()
			.filter((entry) -> entry.getValue().equals(alpha3))
			.map(Map.Entry::getKey)
			.sorted()
			.toList();
	}

	/**
	 * The alpha-3 code of a country name or code, or a reject naming the column.
	 * @param nameOrCode the cell
	 * @param field the column it came from
	 * @return the alpha-3 code
	 * @throws RowRejectedException with {@link RejectReason#UNKNOWN_COUNTRY} or
	 * {@link RejectReason#MISSING_FIELD} for a blank cell
	 */
	public String iso3(String nameOrCode, String field) throws RowRejectedException {
		if (nameOrCode == null || nameOrCode.isBlank()) {
			throw new RowRejectedException(RejectReason.MISSING_FIELD, field, "no country given");
		}
		return find(nameOrCode).orElseThrow(() -> new RowRejectedException(RejectReason.UNKNOWN_COUNTRY, field,
				"\"" + nameOrCode + "\" is not a known country"));
	}

	/**
	 * Every alpha-3 code this instance can return.
	 * @return the codes
	 */
	public Set<String> codes() {
		return Set.copyOf(this.byCode.values());
	}

	private static Optional<Integer> number(String text) {
		if (text == null || text.isBlank()) {
			return Optional.empty();
		}
		try {
			return Optional.of(new BigDecimal(text.strip()).intValueExact());
		}
		catch (ArithmeticException | NumberFormatException ex) {
			return Optional.empty();
		}
	}

	static String key(String name) {
		return NameKey.of(SAINT.matcher(name).replaceAll("St"));
	}

	private static Countries load() {
		try (InputStream input = Countries.class.getClassLoader().getResourceAsStream(ALIASES_RESOURCE)) {
			if (input == null) {
				throw new IllegalStateException(ALIASES_RESOURCE + " is missing from the classpath");
			}
			return load(input);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read " + ALIASES_RESOURCE, ex);
		}
	}

	/**
	 * The countries of {@link Locale} with an alias table in the layout of
	 * {@code countries/aliases.yaml}.
	 * @param aliasTable the YAML
	 * @return the countries
	 * @throws IllegalStateException if the table is malformed or maps one name to two
	 * countries
	 */
	static Countries load(InputStream aliasTable) {
		AliasTable table = readTable(aliasTable);
		Map<String, String> byCode = new HashMap<>();
		Map<String, String> byName = new HashMap<>();
		for (String alpha2 : Locale.getISOCountries()) {
			Locale locale = new Locale("", alpha2);
			String alpha3;
			try {
				alpha3 = locale.getISO3Country();
			}
			catch (MissingResourceException ex) {
				continue;
			}
			byCode.put(alpha2, alpha3);
			byCode.put(alpha3, alpha3);
			String name = locale.getDisplayCountry(Locale.ENGLISH);
			byName.put(key(name), alpha3);
			// "Myanmar (Burma)" is also plain "Myanmar"
			Matcher parenthesized = PARENTHESIZED.matcher(name);
			if (parenthesized.matches()) {
				byName.putIfAbsent(key(parenthesized.group(1)), alpha3);
			}
		}
		// The alias table wins over Locale's names: it corrects them where sources differ
		Map<String, String> aliasOwners = new HashMap<>();
		table.aliases().forEach((code, names) -> {
			String alpha3 = alpha3(code);
			byCode.putIfAbsent(alpha3, alpha3);
			for (String name : names) {
				String key = key(name);
				String previous = aliasOwners.put(key, alpha3);
				if (previous != null && !previous.equals(alpha3)) {
					throw new IllegalStateException(ALIASES_RESOURCE + ": \"" + name + "\" is listed under both "
							+ previous + " and " + alpha3);
				}
				byName.put(key, alpha3);
			}
		});
		table.codes().forEach((former, current) -> addFormerCode(byCode, former, alpha3(current)));
		return new Countries(byCode, byName, numbers(table.numeric(), "numeric"),
				numbers(table.gleditschWard(), "gleditschWard"));
	}

	// A former code may only add a code: redefining a current one would move countries
	private static void addFormerCode(Map<String, String> byCode, String former, String current) {
		if (former == null || !TABLE_CODE.matcher(former).matches()) {
			throw new IllegalStateException(
					ALIASES_RESOURCE + ": codes: \"" + former + "\" is not an alpha-2 or alpha-3 code");
		}
		if (!byCode.containsValue(current)) {
			throw new IllegalStateException(
					ALIASES_RESOURCE + ": codes: " + former + " maps to " + current + ", which is no known code");
		}
		String existing = byCode.putIfAbsent(former, current);
		if (existing != null && !existing.equals(current)) {
			throw new IllegalStateException(ALIASES_RESOURCE + ": codes: " + former + " is the current code of "
					+ existing + ", not a former code of " + current);
		}
	}

	private static AliasTable readTable(InputStream input) {
		ObjectMapper mapper = YAMLMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
		try {
			AliasTable table = mapper.readValue(input, AliasTable.class);
			return new AliasTable(nonNull(table.aliases()), nonNull(table.codes()), nonNull(table.numeric()),
					nonNull(table.gleditschWard()));
		}
		catch (JacksonException ex) {
			throw new IllegalStateException(ALIASES_RESOURCE + " is malformed: " + ex.getOriginalMessage(), ex);
		}
	}

	private static Map<Integer, String> numbers(Map<String, String> table, String section) {
		Map<Integer, String> numbers = new HashMap<>();
		Set<String> seen = new HashSet<>();
		table.forEach((number, code) -> {
			Integer value = number(number).orElseThrow(() -> new IllegalStateException(
					ALIASES_RESOURCE + ": " + section + " key \"" + number + "\" is not a number"));
			if (!seen.add(String.valueOf(value))) {
				throw new IllegalStateException(ALIASES_RESOURCE + ": " + section + " lists " + value + " twice");
			}
			numbers.put(value, alpha3(code));
		});
		return numbers;
	}

	private static String alpha3(String code) {
		if (code == null || !code.matches("[A-Z]{3}")) {
			throw new IllegalStateException(ALIASES_RESOURCE + ": \"" + code + "\" is not an alpha-3 code");
		}
		return code;
	}

	private static <K, V> Map<K, V> nonNull(Map<K, V> map) {
		return (map != null) ? map : Collections.emptyMap();
	}

	/** The layout of {@code countries/aliases.yaml}. */
	record AliasTable(Map<String, List<String>> aliases, Map<String, String> codes, Map<String, String> numeric,
			Map<String, String> gleditschWard) {

	}

}
