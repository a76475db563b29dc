package org.incidentintel.domain.region;

import java.time.LocalDate;
import java.util.List;

/**
 * What the {@link RegionResolver} needs to know of an administrative region.
 *
 * @param id the stable reference key, e.g. {@code pk-kp}
 * @param country ISO 3166 alpha-3 code of its country
 * @param name its current (or last) official name
 * @param validFrom first day the region existed, or {@code null}
 * @param validTo last day the region existed, or {@code null} if it still does
 * @param mergedInto id of the region it became part of after {@code validTo}, or
 * {@code null}
 * @param names its other names; dated ones are historical official names, the first dated
 * name valid on a day is the official name of that day
 */
public record KnownRegion(String id, String country, String name, LocalDate validFrom, LocalDate validTo,
		String mergedInto, List<KnownRegionName> names) {

	public KnownRegion {
		if (id == null || id.isBlank()) {
			throw new IllegalArgumentException("A region needs an id");
		}
		if (name == null || name.isBlank()) {
			throw new IllegalArgumentException("Region '" + id + "' needs a name");
		}
		if (mergedInto != null && validTo == null) {
			throw new IllegalArgumentException("Region '" + id + "' was merged, so it needs the day it ended");
		}
		names = (names != null) ? List.copyOf(names) : List.of();
	}

	boolean existsAt(LocalDate date) {
		return (this.validFrom == null || !date.isBefore(this.validFrom))
				&& (this.validTo == null || !date.isAfter(this.validTo));
	}

	String nameAt(LocalDate date) {
		if (date != null) {
			for (KnownRegionName candidate : this.names) {
				if (candidate.isDated() && candidate.validAt(date)) {
					return candidate.name();
				}
			}
		}
		return this.name;
	}

}
