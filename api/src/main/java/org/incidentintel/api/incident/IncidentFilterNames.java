package org.incidentintel.api.incident;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.incidentintel.api.error.ApiException;
import org.incidentintel.api.relay.GlobalId;
import org.incidentintel.domain.common.NameKey;
import org.incidentintel.domain.organization.OrganizationFamilies;
import org.incidentintel.domain.organization.OrganizationFamilies.Member;
import org.incidentintel.domain.organization.OrganizationFamilies.Period;
import org.incidentintel.domain.organization.OrganizationFamiliesCache;
import org.incidentintel.domain.region.KnownRegion;
import org.incidentintel.domain.region.KnownRegionName;
import org.incidentintel.domain.region.KnownRegions;
import org.incidentintel.domain.region.RegionResolution;
import org.incidentintel.domain.region.RegionResolver;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import static org.incidentintel.api.incident.IncidentFilterValidation.append;

/**
 * What the names of a validated {@link IncidentFilter} denote: each region name the
 * regions (and when), through the domain's {@link RegionResolver}; each perpetrator or
 * actor name or id the organizations, with their merges and factions from the
 * {@link OrganizationFamiliesCache}. At most three statements per filter, however many
 * names it holds, and none for a filter without names. An unknown name is an error naming
 * its argument path.
 */
@Component
class IncidentFilterNames {

	// The RegionResolver tolerates this suffix too; here it only helps to tell which of
	// the region's names matched
	private static final Pattern TRAILING_KIND = Pattern.compile("(?i)[\\s,]+(province|division)\\.?\\s*$");

	private static final String ORGANIZATION = "Organization";

	private final NamedParameterJdbcTemplate jdbc;

	private final OrganizationFamiliesCache families;

	private final Supplier<List<KnownRegion>> regions;

	@Autowired
	IncidentFilterNames(NamedParameterJdbcTemplate jdbc, OrganizationFamiliesCache families) {
		this(jdbc, families, () -> KnownRegions.load(jdbc.getJdbcTemplate()));
	}

	/**
	 * @param regions reads the regions, once for each filter that names any
	 */
	IncidentFilterNames(NamedParameterJdbcTemplate jdbc, OrganizationFamiliesCache families,
			Supplier<List<KnownRegion>> regions) {
		this.jdbc = jdbc;
		this.families = families;
		this.regions = regions;
	}

	/**
	 * Resolves every name of a validated filter.
	 * @param filter the filter
	 * @param argument the argument's name, the first element of error paths
	 * @throws ApiException {@code BAD_USER_INPUT} for a name that denotes nothing
	 */
	Resolved resolve(IncidentFilter filter, String argument) {
		Map<String, List<Object>> regionNames = new LinkedHashMap<>();
		Map<String, List<Object>> perpetrators = new LinkedHashMap<>();
		collectNames(filter, List.of(argument), regionNames, perpetrators);
		return new Resolved(resolveRegions(regionNames), resolvePerpetrators(perpetrators));
	}

	private static void collectNames(IncidentFilter filter, List<Object> path, Map<String, List<Object>> regions,
			Map<String, List<Object>> perpetrators) {
		collect(filter.region(), append(path, "region"), regions);
		collect(filter.perpetrator(), append(path, "perpetrator"), perpetrators);
		collect(filter.actor(), append(path, "actor"), perpetrators);
		for (String operator : List.of("and", "or")) {
			List<IncidentFilter> children = operator.equals("and") ? filter.and() : filter.or();
			if (children != null) {
				for (int i = 0; i < children.size(); i++) {
					collectNames(children.get(i), append(append(path, operator), i), regions, perpetrators);
				}
			}
		}
		if (filter.not() != null) {
			collectNames(filter.not(), append(path, "not"), regions, perpetrators);
		}
	}

	private static void collect(List<String> values, List<Object> path, Map<String, List<Object>> into) {
		if (values != null) {
			for (int i = 0; i < values.size(); i++) {
				into.putIfAbsent(values.get(i), append(path, i));
			}
		}
	}

	/**
	 * Which regions (and when) each name denotes, through the domain's
	 * {@link RegionResolver}: one statement reads the regions with their names.
	 */
	private Map<String, List<RegionMatch>> resolveRegions(Map<String, List<Object>> names) {
		if (names.isEmpty()) {
			return Map.of();
		}
		Map<String, KnownRegion> known = new HashMap<>();
		this.regions.get().forEach((region) -> known.put(region.id(), region));
		RegionResolver resolver = new RegionResolver(known.values());
		Set<String> countries = known.values()
			.stream()
			.map(KnownRegion::country)
			.collect(Collectors.toCollection(TreeSet::new));
		Map<String, List<RegionMatch>> result = new HashMap<>();
		names.forEach((name, path) -> {
			Set<String> named = new LinkedHashSet<>();
			// Per country, so that a name two countries share (Punjab) finds both regions
			for (String country : countries) {
				RegionResolution resolution = resolver.resolve(country, name, null);
				if (resolution.isResolved()) {
					named.add(resolution.eventRegionId());
				}
			}
			if (named.isEmpty()) {
				throw ApiException.badInput("'" + name + "' names no known region", path.toArray());
			}
			result.put(name, named.stream().map((key) -> match(known.get(key), name)).toList());
		});
		return result;
	}

	// A former official name holds for its period only; the current name, an undated
	// alias or a misspelling for all time
	private static RegionMatch match(KnownRegion region, String name) {
		long id = Long.parseLong(region.id());
		String key = NameKey.of(name);
		String shortened = NameKey.of(TRAILING_KIND.matcher(name).replaceFirst(""));
		if (matches(region.name(), key, shortened)) {
			return new RegionMatch(id, List.of());
		}
		List<KnownRegionName> dated = new ArrayList<>();
		for (KnownRegionName candidate : region.names()) {
			if (matches(candidate.name(), key, shortened)) {
				if (candidate.validFrom() == null && candidate.validTo() == null) {
					return new RegionMatch(id, List.of());
				}
				dated.add(candidate);
			}
		}
		return new RegionMatch(id, dated);
	}

	private static boolean matches(String candidate, String key, String shortenedKey) {
		String candidateKey = NameKey.of(candidate);
		return candidateKey.equals(key) || candidateKey.equals(shortenedKey);
	}

	/**
	 * The organizations each value denotes, merges included both ways: at most two
	 * statements (the aliases, and whether the ids given exist).
	 */
	private Map<String, Organizations> resolvePerpetrators(Map<String, List<Object>> values) {
		if (values.isEmpty()) {
			return Map.of();
		}
		Map<String, Long> byId = new HashMap<>();
		Map<String, String> byKey = new HashMap<>();
		values.keySet().forEach((value) -> {
			Long id = organizationId(value);
			if (id != null) {
				byId.put(value, id);
			}
			else {
				byKey.put(value, NameKey.of(value));
			}
		});
		Map<String, Set<Long>> organizationsByKey = new HashMap<>();
		Set<String> keys = byKey.values().stream().filter((key) -> !key.isEmpty()).collect(Collectors.toSet());
		if (!keys.isEmpty()) {
			this.jdbc.query(
					// An alias limited to countries names the organization only in an
					// event's
					// context (the ETL's), never on its own
					"select normalized_key, organization_id from organization_alias where normalized_key in (:keys) "
							+ "and countries is null",
					Map.of("keys", keys), (rs) -> {
						organizationsByKey.computeIfAbsent(rs.getString("normalized_key"), (k) -> new HashSet<>())
							.add(rs.getLong("organization_id"));
					});
		}
		// Ids given by a client must name an organization; merges and factions come from
		// the cache, without a statement
		Set<Long> givenIds = new HashSet<>(byId.values());
		Set<Long> existing = new HashSet<>();
		if (!givenIds.isEmpty()) {
			this.jdbc.query("select id from organization where id in (:ids)", Map.of("ids", givenIds), (rs) -> {
				existing.add(rs.getLong("id"));
			});
		}
		OrganizationFamilies families = this.families.current();
		Map<String, Organizations> result = new HashMap<>();
		values.forEach((value, path) -> {
			Set<Long> named = new HashSet<>();
			if (byId.containsKey(value)) {
				if (existing.contains(byId.get(value))) {
					named.add(byId.get(value));
				}
			}
			else {
				named.addAll(organizationsByKey.getOrDefault(byKey.get(value), Set.of()));
			}
			if (named.isEmpty()) {
				throw ApiException.badInput("'" + value + "' names no known organization", path.toArray());
			}
			result.put(value, new Organizations(families.withMerges(named), families.membersWithFactions(named)));
		});
		return result;
	}

	/**
	 * The organizations each given one stands for as a perpetrator: itself and its merges
	 * and, when asked, its factions. One statement (that the ids exist).
	 * @param owners ids of organizations that exist
	 * @return each owner's id and its family's members, each with the days its incidents
	 * count for the owner
	 */
	Map<Long, Set<Member>> families(Collection<Long> owners, boolean includeFactions) {
		Map<String, List<Object>> values = new LinkedHashMap<>();
		owners.forEach((owner) -> values.put(GlobalId.of(ORGANIZATION, owner), List.of("id")));
		Map<String, Organizations> families = resolvePerpetrators(values);
		Map<Long, Set<Member>> result = new LinkedHashMap<>();
		for (Long owner : owners) {
			Organizations family = families.get(GlobalId.of(ORGANIZATION, owner));
			result.put(owner,
					includeFactions ? family.withFactions()
							: family.withMerges()
								.stream()
								.map((id) -> new Member(id, Period.ALWAYS))
								.collect(Collectors.toCollection(LinkedHashSet::new)));
		}
		return result;
	}

	private static Long organizationId(String value) {
		try {
			GlobalId id = GlobalId.decode(value, "perpetrator");
			return ORGANIZATION.equals(id.type()) ? id.id() : null;
		}
		catch (ApiException ex) {
			return null;
		}
	}

	/**
	 * The names of a filter and what they denote.
	 *
	 * @param regions each region name's regions
	 * @param organizations each perpetrator or actor name's organizations
	 */
	record Resolved(Map<String, List<RegionMatch>> regions, Map<String, Organizations> organizations) {

		static final Resolved NONE = new Resolved(Map.of(), Map.of());

	}

	/**
	 * The organizations a name stands for: with merges, and with factions too (each with
	 * the days its incidents count).
	 */
	record Organizations(Set<Long> withMerges, Set<Member> withFactions) {
	}

	/**
	 * A region a name denotes: for all time, or only for the periods of the former names
	 * that matched.
	 */
	record RegionMatch(long regionId, List<KnownRegionName> periods) {
	}

}
