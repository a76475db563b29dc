package org.incidentintel.domain.region;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.incidentintel.domain.common.NameKey;

/**
 * Resolves region (admin1) names as sources write them, aware of time: renamed regions
 * are found under their old names, merged regions lead to their successor, and the result
 * carries both the region of the event day and the region of today.
 * <p>
 * Names compare with {@link NameKey}; a trailing {@code province} or {@code division} is
 * tolerated because sources append it inconsistently ({@code Balochistan province}).
 */
public class RegionResolver {

	private static final Pattern TRAILING_KIND = Pattern.compile("(?i)[\\s,]+(province|division)\\.?\\s*$");

	private final Map<String, KnownRegion> regions = new LinkedHashMap<>();

	private final Map<String, List<Entry>> index = new HashMap<>();

	/**
	 * Create a resolver over the given regions.
	 * @param regions the known regions; {@code mergedInto} must name one of them
	 */
	public RegionResolver(Collection<KnownRegion> regions) {
		for (KnownRegion region : regions) {
			this.regions.put(region.id(), region);
			add(region, KnownRegionName.of(region.name()));
			region.names().forEach((name) -> add(region, name));
		}
		for (KnownRegion region : regions) {
			KnownRegion successor = region;
			for (int steps = 0; successor.mergedInto() != null; steps++) {
				if (steps == this.regions.size()) {
					throw new IllegalArgumentException("Region '" + region.id() + "' is merged in a circle");
				}
				KnownRegion next = this.regions.get(successor.mergedInto());
				if (next == null) {
					throw new IllegalArgumentException("Region '" + successor.id()
							+ "' was merged into unknown region '" + successor.mergedInto() + "'");
				}
				successor = next;
			}
		}
	}

	private void add(KnownRegion region, KnownRegionName name) {
		String key = NameKey.of(name.name());
		if (!key.isEmpty()) {
			this.index.computeIfAbsent(key, (k) -> new ArrayList<>()).add(new Entry(region, name));
		}
	}

	/**
	 * Resolve a region name of an event.
	 * @param country ISO 3166 alpha-3 code of the event's country, or {@code null} for
	 * any
	 * @param name the region name as the source wrote it
	 * @param eventDate the day of the event, or {@code null} if unknown (then the
	 * event-time region is the one named, and its event-time name its official name)
	 * @return the resolution, never {@code null}
	 */
	public RegionResolution resolve(String country, String name, LocalDate eventDate) {
		if (name == null || name.isBlank()) {
			return RegionResolution.unresolved(name);
		}
		KnownRegion named = find(country, name, eventDate);
		if (named == null) {
			String shortened = TRAILING_KIND.matcher(name).replaceFirst("");
			named = shortened.isBlank() ? null : find(country, shortened, eventDate);
		}
		if (named == null) {
			return RegionResolution.unresolved(name);
		}
		KnownRegion atEvent = named;
		while (eventDate != null && atEvent.mergedInto() != null && eventDate.isAfter(atEvent.validTo())) {
			atEvent = this.regions.get(atEvent.mergedInto());
		}
		KnownRegion current = named;
		while (current.mergedInto() != null) {
			current = this.regions.get(current.mergedInto());
		}
		return new RegionResolution(name, current.id(), atEvent.id(), atEvent.nameAt(eventDate));
	}

	private KnownRegion find(String country, String name, LocalDate eventDate) {
		List<Entry> matches = this.index.getOrDefault(NameKey.of(name), List.of())
			.stream()
			.filter((entry) -> country == null || country.isBlank()
					|| country.equalsIgnoreCase(entry.region().country()))
			.toList();
		if (matches.isEmpty()) {
			return null;
		}
		// Rare: prefer the region that existed then, under that name
		return matches.stream().max(Comparator.comparingInt((entry) -> entry.fit(eventDate))).get().region();
	}

	private record Entry(KnownRegion region, KnownRegionName name) {

		int fit(LocalDate date) {
			if (date == null) {
				return 0;
			}
			return (this.region.existsAt(date) ? 2 : 0) + (this.name.validAt(date) ? 1 : 0);
		}

	}

}
