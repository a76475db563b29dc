package org.incidentintel.domain.organization;

import java.time.LocalDate;

/**
 * One name an organization is known by, optionally only within a period.
 *
 * @param name the alias as written
 * @param validFrom first day the alias applies, or {@code null} if always
 * @param validTo last day the alias applies, or {@code null} if still
 */
public record KnownAlias(String name, LocalDate validFrom, LocalDate validTo) {

	public KnownAlias {
		if (name == null || name.isBlank()) {
			throw new IllegalArgumentException("An alias needs a name");
		}
		if (validFrom != null && validTo != null && validTo.isBefore(validFrom)) {
			throw new IllegalArgumentException("Alias '" + name + "' ends before it starts");
		}
	}

	/**
	 * An alias that always applies.
	 * @param name the alias
	 * @return the alias
	 */
	public static KnownAlias of(String name) {
		return new KnownAlias(name, null, null);
	}

	boolean validAt(LocalDate date) {
		return (this.validFrom == null || !date.isBefore(this.validFrom))
				&& (this.validTo == null || !date.isAfter(this.validTo));
	}

}
