package org.incidentintel.domain.organization;

import java.time.LocalDate;
import java.util.Set;

/**
 * One name an organization is known by, optionally only within a period.
 *
 * @param name the alias as written
 * @param validFrom first day the alias applies, or {@code null} if always
 * @param validTo last day the alias applies, or {@code null} if still
 * @param countries the countries (ISO 3166 alpha-3) of the events the alias names the
 * organization in; empty: anywhere (UCDP's "IS" is the Islamic State, but in Pakistan and
 * Afghanistan from 2015 its Khorasan province)
 */
public record KnownAlias(String name, LocalDate validFrom, LocalDate validTo, Set<String> countries) {

	public KnownAlias(String name, LocalDate validFrom, LocalDate validTo) {
		this(name, validFrom, validTo, Set.of());
	}

	public KnownAlias {
		countries = (countries != null) ? Set.copyOf(countries) : Set.of();
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

	/**
	 * Whether it names the organization in events of this country; an alias limited to
	 * countries does not where the country is unknown ({@code null}).
	 */
	boolean appliesIn(String country) {
		return this.countries.isEmpty() || (country != null && this.countries.contains(country));
	}

	boolean validAt(LocalDate date) {
		return (this.validFrom == null || !date.isBefore(this.validFrom))
				&& (this.validTo == null || !date.isAfter(this.validTo));
	}

}
