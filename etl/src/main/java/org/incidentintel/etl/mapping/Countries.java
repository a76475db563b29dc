package org.incidentintel.etl.mapping;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;

/**
 * Country names and codes to ISO 3166 alpha-3, from the JDK's own list: alpha-3 and
 * alpha-2 codes and English names, case-insensitively. Anything else belongs in a
 * mapping's value map.
 */
final class Countries {

	private static final Map<String, String> ISO3 = new HashMap<>();

	static {
		for (String alpha2 : Locale.getISOCountries()) {
			Locale locale = new Locale.Builder().setRegion(alpha2).build();
			try {
				String alpha3 = locale.getISO3Country();
				if (alpha3.isEmpty()) {
					continue;
				}
				ISO3.put(key(alpha3), alpha3);
				ISO3.put(key(alpha2), alpha3);
				ISO3.put(key(locale.getDisplayCountry(Locale.ENGLISH)), alpha3);
			}
			catch (MissingResourceException ex) {
				// A code without an alpha-3 equivalent cannot be stored anyway
			}
		}
	}

	private Countries() {
	}

	/**
	 * The alpha-3 code of a country code or English name.
	 * @param text the code or name
	 * @return the alpha-3 code, or null when unknown
	 */
	static String iso3(String text) {
		return (text != null) ? ISO3.get(key(text)) : null;
	}

	private static String key(String text) {
		return text.strip().toLowerCase(Locale.ROOT);
	}

}
