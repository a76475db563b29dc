package org.incidentintel.domain.region;

import java.time.LocalDate;

/**
 * One name a region is known by; a historical name carries the period it was official.
 *
 * @param name the name as written
 * @param validFrom first day the name applied, or {@code null}
 * @param validTo last day the name applied, or {@code null}
 */
public record KnownRegionName(String name, LocalDate validFrom, LocalDate validTo) {

	public KnownRegionName {
		if (name == null || name.isBlank()) {
			throw new IllegalArgumentException("A region name must not be blank");
		}
		if (validFrom != null && validTo != null && validTo.isBefore(validFrom)) {
			throw new IllegalArgumentException("Region name '" + name + "' ends before it starts");
		}
	}

	/**
	 * A name without a period.
	 * @param name the name
	 * @return the name
	 */
	public static KnownRegionName of(String name) {
		return new KnownRegionName(name, null, null);
	}

	boolean isDated() {
		return this.validFrom != null || this.validTo != null;
	}

	boolean validAt(LocalDate date) {
		return (this.validFrom == null || !date.isBefore(this.validFrom))
				&& (this.validTo == null || !date.isAfter(this.validTo));
	}

}
