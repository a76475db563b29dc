package org.incidentintel.domain.dedup;

import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.incidentintel.domain.common.NameKey;

/**
 * Place names as deduplication compares them: {@link NameKey} keys without the generic
 * words sources append ("Peshawar town", "Peshawar district" and "Peshawar" are one
 * place).
 */
public final class PlaceKeys {

	private static final Set<String> GENERIC = Set.of("town", "city", "district", "village", "area", "agency", "tehsil",
			"province", "division", "cantonment", "capital", "territory", "of", "near", "outskirts");

	private PlaceKeys() {
	}

	/**
	 * The keys of the given names; blank names and names of only generic words give none.
	 * @param names place, district, city, as the source wrote them
	 * @return the keys
	 */
	public static Set<String> of(String... names) {
		Set<String> keys = new TreeSet<>();
		for (String name : names) {
			String key = Arrays.stream(NameKey.of(name).split(" "))
				.filter((word) -> !word.isEmpty() && !GENERIC.contains(word))
				.collect(Collectors.joining(" "));
			if (!key.isEmpty()) {
				keys.add(key);
			}
		}
		return keys;
	}

}
