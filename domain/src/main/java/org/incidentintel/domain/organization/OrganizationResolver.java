package org.incidentintel.domain.organization;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.incidentintel.domain.common.NameKey;

/**
 * Resolves actor names as sources write them to known organizations, through their names,
 * acronyms and aliases compared by {@link NameKey}.
 * <p>
 * Understands the {@code (suspected)} suffix, ACLED's {@code ABBR: Name} and GTD's
 * {@code Name (ABBR)}. Texts that name no actor ({@code Unknown}, UCDP's
 * {@code Civilians} as the target of one-sided violence) resolve to
 * {@link OrganizationResolution.Outcome#NO_ACTOR}.
 */
public class OrganizationResolver {

	/** Texts that name no actor, unless the constructor is given others. */
	public static final List<String> DEFAULT_NO_ACTOR_NAMES = List.of("Unknown", "Civilians",
			"Unidentified Armed Group");

	private static final Pattern SUSPECTED = Pattern.compile("(?i)\\s*\\(\\s*suspected\\s*\\)\\s*$");

	private static final Pattern NAME_AND_ABBREVIATION = Pattern.compile("^(.+?)\\s*\\(([^()]+)\\)$");

	private static final Pattern ABBREVIATION_AND_NAME = Pattern.compile("^([^:]+):\\s*(.+)$");

	private static final Pattern CELL_SEPARATOR = Pattern.compile("[,;]");

	private final Map<String, List<Entry>> index = new HashMap<>();

	private final Set<String> noActorKeys;

	/**
	 * Create a resolver over the given organizations, treating the default texts as no
	 * actor.
	 * @param organizations the known organizations
	 */
	public OrganizationResolver(Collection<KnownOrganization> organizations) {
		this(organizations, DEFAULT_NO_ACTOR_NAMES);
	}

	/**
	 * Create a resolver over the given organizations.
	 * @param organizations the known organizations
	 * @param noActorNames texts that mean "no actor"
	 */
	public OrganizationResolver(Collection<KnownOrganization> organizations, Collection<String> noActorNames) {
		for (KnownOrganization organization : organizations) {
			add(organization.id(), KnownAlias.of(organization.name()));
			if (organization.acronym() != null && !organization.acronym().isBlank()) {
				add(organization.id(), KnownAlias.of(organization.acronym()));
			}
			organization.aliases().forEach((alias) -> add(organization.id(), alias));
		}
		this.noActorKeys = noActorNames.stream().map(NameKey::of).collect(Collectors.toUnmodifiableSet());
	}

	private void add(String id, KnownAlias alias) {
		String key = NameKey.of(alias.name());
		if (!key.isEmpty()) {
			this.index.computeIfAbsent(key, (k) -> new ArrayList<>()).add(new Entry(id, alias));
		}
	}

	/**
	 * Resolve one actor name, whatever its date.
	 * @param raw the name as the source wrote it
	 * @return the resolution, never {@code null}
	 */
	public OrganizationResolution resolve(String raw) {
		return resolve(raw, null);
	}

	/**
	 * Resolve one actor name as of a date: when an alias belongs to several
	 * organizations, the validity of the alias decides; a date never loses a match that
	 * only one organization has.
	 * @param raw the name as the source wrote it
	 * @param at the date of the event, or {@code null} if unknown
	 * @return the resolution, never {@code null}
	 */
	public OrganizationResolution resolve(String raw, LocalDate at) {
		return resolve(raw, at, null, true);
	}

	/**
	 * Resolve one actor name as of a date and in the country of the event: an alias
	 * limited to countries wins over one that is not, where both apply.
	 * @param raw the name as the source wrote it
	 * @param at the date of the event, or {@code null} if unknown
	 * @param country the event's country (ISO 3166 alpha-3), or {@code null} if unknown
	 * @return the resolution, never {@code null}
	 */
	public OrganizationResolution resolve(String raw, LocalDate at, String country) {
		return resolve(raw, at, country, true);
	}

	private OrganizationResolution resolve(String raw, LocalDate at, String country, boolean singlePart) {
		if (raw == null || raw.isBlank()) {
			return OrganizationResolution.noActor(raw, "", false);
		}
		String name = raw.strip();
		Matcher suspectedMatcher = SUSPECTED.matcher(name);
		boolean suspected = suspectedMatcher.find();
		if (suspected) {
			name = name.substring(0, suspectedMatcher.start()).strip();
		}
		if (NameKey.of(name).isEmpty()) {
			return OrganizationResolution.noActor(raw, name, suspected);
		}
		for (String candidate : candidates(name, singlePart)) {
			String key = NameKey.of(candidate);
			if (this.noActorKeys.contains(key)) {
				return OrganizationResolution.noActor(raw, name, suspected);
			}
			List<String> ids = lookup(key, at, country);
			if (!ids.isEmpty()) {
				return OrganizationResolution.resolved(raw, name, ids, suspected);
			}
		}
		return OrganizationResolution.unresolved(raw, name, suspected);
	}

	/**
	 * Resolve a cell that may name several actors separated by commas or semicolons.
	 * Commas can also occur inside names, so the longest run of parts that resolves wins,
	 * starting with the whole cell; parts that resolve to nothing stay together verbatim
	 * as one unresolved name. A run of several parts must match by its name: an
	 * abbreviation alone would swallow the other groups
	 * ({@code LeJ: Lashkar-e-Jhangvi, TTP}).
	 * @param cell the cell as the source wrote it
	 * @return the actors named, without the "no actor" ones; empty for a blank cell
	 */
	public List<OrganizationResolution> resolveAll(String cell) {
		return resolveAll(cell, null);
	}

	/**
	 * Resolve a cell that may name several actors, as of a date.
	 * @param cell the cell as the source wrote it
	 * @param at the date of the event, or {@code null} if unknown
	 * @return the actors named, without the "no actor" ones; empty for a blank cell
	 * @see #resolveAll(String)
	 */
	public List<OrganizationResolution> resolveAll(String cell, LocalDate at) {
		return resolveAll(cell, at, null);
	}

	/**
	 * Resolve a cell that may name several actors, as of a date and in the country of the
	 * event.
	 * @param cell the cell as the source wrote it
	 * @param at the date of the event, or {@code null} if unknown
	 * @param country the event's country (ISO 3166 alpha-3), or {@code null} if unknown
	 * @return the actors named, without the "no actor" ones; empty for a blank cell
	 * @see #resolveAll(String)
	 */
	public List<OrganizationResolution> resolveAll(String cell, LocalDate at, String country) {
		if (cell == null || cell.isBlank()) {
			return List.of();
		}
		List<String> parts = splitKeepingSeparators(cell);
		List<OrganizationResolution> result = new ArrayList<>();
		int unresolvedFrom = -1;
		int start = 0;
		while (start < parts.size()) {
			OrganizationResolution found = null;
			int end = parts.size();
			for (; end > start; end--) {
				OrganizationResolution attempt = resolve(join(parts, start, end), at, country, end - start == 1);
				if (attempt.outcome() != OrganizationResolution.Outcome.UNRESOLVED) {
					found = attempt;
					break;
				}
			}
			if (found == null) {
				unresolvedFrom = (unresolvedFrom < 0) ? start : unresolvedFrom;
				start++;
				continue;
			}
			addUnresolved(result, parts, unresolvedFrom, start, at, country);
			unresolvedFrom = -1;
			if (found.isResolved()) {
				result.add(found);
			}
			start = end;
		}
		addUnresolved(result, parts, unresolvedFrom, parts.size(), at, country);
		return result;
	}

	private void addUnresolved(List<OrganizationResolution> result, List<String> parts, int from, int to, LocalDate at,
			String country) {
		if (from >= 0) {
			String text = join(parts, from, to);
			if (!text.isBlank()) {
				result.add(resolve(text, at, country));
			}
		}
	}

	// Each part keeps the separator in front of it, so a run of parts joins back verbatim
	private static List<String> splitKeepingSeparators(String cell) {
		List<String> parts = new ArrayList<>();
		Matcher matcher = CELL_SEPARATOR.matcher(cell);
		int from = 0;
		while (matcher.find()) {
			parts.add(cell.substring(from, matcher.start()));
			from = matcher.start();
		}
		parts.add(cell.substring(from));
		return parts;
	}

	private static String join(List<String> parts, int from, int to) {
		String joined = String.join("", parts.subList(from, to)).strip();
		return (from > 0 && !joined.isEmpty()) ? joined.substring(1).strip() : joined;
	}

	// The text itself first; then the name and the abbreviation of "Name (ABBR)" and
	// "ABBR: Name". Within a run of cell parts, a separator can only belong to the name,
	// never to an abbreviation
	private static Set<String> candidates(String text, boolean singlePart) {
		Set<String> candidates = new LinkedHashSet<>();
		candidates.add(text);
		Matcher parenthesized = NAME_AND_ABBREVIATION.matcher(text);
		if (parenthesized.matches() && (singlePart || !CELL_SEPARATOR.matcher(parenthesized.group(2)).find())) {
			candidates.addAll(candidates(parenthesized.group(1).strip(), singlePart));
			if (singlePart) {
				candidates.add(parenthesized.group(2).strip());
			}
		}
		Matcher prefixed = ABBREVIATION_AND_NAME.matcher(text);
		if (prefixed.matches() && (singlePart || !CELL_SEPARATOR.matcher(prefixed.group(1)).find())) {
			candidates.addAll(candidates(prefixed.group(2).strip(), singlePart));
			if (singlePart) {
				candidates.add(prefixed.group(1).strip());
			}
		}
		candidates.removeIf((candidate) -> NameKey.of(candidate).isEmpty());
		return candidates;
	}

	// Of the organizations an alias names: those it names at the date and in the country,
	// those whose alias is limited to countries first; all of them when none applies
	private List<String> lookup(String key, LocalDate at, String country) {
		List<Entry> entries = this.index.getOrDefault(key, List.of());
		Set<String> all = new LinkedHashSet<>();
		Set<String> valid = new LinkedHashSet<>();
		Set<String> local = new LinkedHashSet<>();
		for (Entry entry : entries) {
			all.add(entry.organizationId());
			KnownAlias alias = entry.alias();
			if ((at == null || alias.validAt(at)) && alias.appliesIn(country)) {
				valid.add(entry.organizationId());
				if (!alias.countries().isEmpty()) {
					local.add(entry.organizationId());
				}
			}
		}
		if (!local.isEmpty()) {
			return List.copyOf(local);
		}
		return List.copyOf(!valid.isEmpty() ? valid : all);
	}

	private record Entry(String organizationId, KnownAlias alias) {
	}

}
