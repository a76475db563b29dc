package org.incidentintel.etl.cli;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.incidentintel.domain.common.NameKey;
import org.incidentintel.domain.common.NameSearch;
import org.incidentintel.domain.organization.KnownAlias;
import org.incidentintel.domain.organization.KnownOrganization;
import org.incidentintel.domain.organization.OrganizationResolution;
import org.incidentintel.domain.organization.OrganizationResolver;

/**
 * The organizations a load resolves actor names to, as a mapping author needs them: each
 * surviving organization with its canonical name, acronym and aliases (those of the
 * organizations merged into it included, since the load redirects them), a ranked search
 * over all of those names, and what the load itself would resolve a text to.
 */
final class OrganizationCatalog {

	/** The lowest score a search hit keeps, as in the API's organization search. */
	static final double MIN_SCORE = 0.75;

	private final List<Entry> entries;

	private final NameSearch<Entry> search;

	private final OrganizationResolver resolver;

	private final Map<String, Entry> byKey = new LinkedHashMap<>();

	OrganizationCatalog(List<Entry> entries) {
		this.entries = entries.stream()
			.sorted(Comparator.comparing(Entry::name, String.CASE_INSENSITIVE_ORDER))
			.toList();
		this.entries.forEach((entry) -> this.byKey.put(entry.key(), entry));
		List<Map.Entry<Entry, String>> names = new ArrayList<>();
		for (Entry entry : this.entries) {
			entry.names().forEach((name) -> names.add(Map.entry(entry, name)));
		}
		this.search = NameSearch.of(names, Map.Entry::getKey, Map.Entry::getValue);
		this.resolver = new OrganizationResolver(this.entries.stream().map(Entry::known).toList());
	}

	/** Every organization, by canonical name. */
	List<Entry> all() {
		return this.entries;
	}

	/**
	 * The organizations whose names come closest to the text, best first.
	 * @param text what the mapping author typed, at most
	 * {@link NameSearch#MAX_TEXT_LENGTH} characters
	 * @param limit how many hits at most
	 */
	List<NameSearch.Hit<Entry>> search(String text, int limit) {
		return this.search.search(text, MIN_SCORE).stream().limit(limit).toList();
	}

	/**
	 * What the load resolves a cell to when it knows neither the event's date nor its
	 * country (aliases limited to countries then do not apply).
	 * @return the organizations named, empty when the text names none the load knows
	 */
	List<Entry> resolve(String text) {
		List<Entry> resolved = new ArrayList<>();
		for (OrganizationResolution resolution : this.resolver.resolveAll(text)) {
			resolution.organizationIds().forEach((key) -> resolved.add(this.byKey.get(key)));
		}
		return resolved;
	}

	/**
	 * An organization as the listing shows it.
	 *
	 * @param key the stable reference key, e.g. {@code ttp}
	 * @param name the canonical name
	 * @param acronym the acronym, or null
	 * @param kind its kind, e.g. {@code MILITANT_GROUP}
	 * @param country its home country, or null
	 * @param aliases its other names, without the name and acronym
	 */
	record Entry(String key, String name, String acronym, String kind, String country, List<Alias> aliases) {

		Entry {
			Objects.requireNonNull(key, "key must not be null");
			Objects.requireNonNull(name, "name must not be null");
			aliases = List.copyOf(aliases);
		}

		List<String> names() {
			List<String> names = new ArrayList<>();
			names.add(this.name);
			if (this.acronym != null) {
				names.add(this.acronym);
			}
			this.aliases.forEach((alias) -> names.add(alias.name()));
			return names;
		}

		KnownOrganization known() {
			return new KnownOrganization(this.key, this.name, this.acronym,
					this.aliases.stream()
						.map((alias) -> new KnownAlias(alias.name(), alias.validFrom(), alias.validTo(),
								Set.copyOf(alias.countries())))
						.toList());
		}

		/**
		 * Whether a name is the canonical name or acronym, which are not listed again.
		 */
		boolean isOwnName(String alias) {
			String key = NameKey.of(alias);
			return key.equals(NameKey.of(this.name)) || (this.acronym != null && key.equals(NameKey.of(this.acronym)));
		}

	}

	/**
	 * One other name of an organization.
	 *
	 * @param name the alias
	 * @param validFrom the first day it names the organization, or null
	 * @param validTo the last day, or null
	 * @param countries the countries of the events it names the organization in; empty:
	 * anywhere
	 * @param mergedFrom the organization it came from when that one was merged into this
	 * one, or null
	 */
	record Alias(String name, LocalDate validFrom, LocalDate validTo, List<String> countries, String mergedFrom) {

		Alias {
			Objects.requireNonNull(name, "name must not be null");
			countries = List.copyOf(countries);
		}

		/**
		 * When and where it applies, e.g. {@code from 2015-01-01, in AFG, PAK}; ""
		 * always.
		 */
		String limits() {
			List<String> limits = new ArrayList<>();
			if (this.validFrom != null && this.validTo != null) {
				limits.add(this.validFrom + " to " + this.validTo);
			}
			else if (this.validFrom != null) {
				limits.add("from " + this.validFrom);
			}
			else if (this.validTo != null) {
				limits.add("until " + this.validTo);
			}
			if (!this.countries.isEmpty()) {
				limits.add("in " + String.join(", ", this.countries));
			}
			if (this.mergedFrom != null) {
				limits.add("merged from " + this.mergedFrom);
			}
			return String.join("; ", limits);
		}

	}

}
