package org.incidentintel.api.incident;

import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.incidentintel.api.error.ApiException;
import org.incidentintel.api.incident.IncidentFilter.DateRangeInput;
import org.incidentintel.api.incident.IncidentFilter.IntRangeInput;
import org.incidentintel.api.incident.IncidentFilter.NearInput;
import org.incidentintel.api.relay.GlobalId;
import org.incidentintel.domain.common.NameKey;
import org.incidentintel.domain.incident.IncidentKind;
import org.incidentintel.domain.incident.Perpetrators;
import org.incidentintel.domain.organization.OrganizationFamilies;
import org.incidentintel.domain.organization.OrganizationFamiliesCache;
import org.incidentintel.domain.organization.OrganizationFamilies.Member;
import org.incidentintel.domain.organization.OrganizationFamilies.Period;
import org.incidentintel.domain.region.KnownRegion;
import org.incidentintel.domain.region.KnownRegionName;
import org.incidentintel.domain.region.RegionResolution;
import org.incidentintel.domain.region.RegionResolver;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Turns an {@link IncidentFilter} tree into a SQL condition over {@code incident i} with
 * its parameters, portable to H2 and PostgreSQL. Used by the incident list, its count and
 * the statistics, so all three select the same incidents.
 * <p>
 * Works in two passes: the whole tree is validated first (no database work for an invalid
 * filter), then the region and perpetrator names are resolved in at most three statements
 * per filter, however many names it holds.
 * <p>
 * Every condition is two-valued (true or false, never SQL's unknown), so {@code not}
 * selects exactly the incidents its operand does not.
 */
@Component
class IncidentFilterSql {

	/** The deepest nesting of {@code and}, {@code or} and {@code not}. */
	static final int MAX_DEPTH = 10;

	/** The most values any one list of a filter may hold. */
	static final int MAX_VALUES = 100;

	static final double MAX_RADIUS_KM = 20_000;

	/**
	 * The longest {@code text} search term, and the longest name in a list (country,
	 * region, perpetrator, source): a longer one is no name, and a text search reads
	 * every incident's summary, so a long pattern multiplies that work.
	 */
	static final int MAX_TEXT_LENGTH = 200;

	// Mean earth radius (IUGG)
	private static final double EARTH_RADIUS_KM = 6371.0088;

	private static final double KM_PER_DEGREE = Math.PI * EARTH_RADIUS_KM / 180;

	private static final Set<String> COUNTRIES = Set.copyOf(Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA3));

	// The RegionResolver tolerates this suffix too; here it only helps to tell which of
	// the region's names matched
	private static final Pattern TRAILING_KIND = Pattern.compile("(?i)[\\s,]+(province|division)\\.?\\s*$");

	private static final String ORGANIZATION = "Organization";

	private final NamedParameterJdbcTemplate jdbc;

	private final OrganizationFamiliesCache families;

	IncidentFilterSql(NamedParameterJdbcTemplate jdbc, OrganizationFamiliesCache families) {
		this.jdbc = jdbc;
		this.families = families;
	}

	/**
	 * The condition of a filter; {@code 1 = 1} for none.
	 * @param filter the filter, or {@code null}
	 * @param argument the argument's name, the first element of error paths
	 * @return the condition over {@code incident i}
	 * @throws ApiException {@code BAD_USER_INPUT} or {@code LIMIT_EXCEEDED} naming the
	 * argument path at fault
	 */
	Condition toSql(IncidentFilter filter, String argument) {
		if (filter == null) {
			return Condition.ALL;
		}
		List<Object> root = List.of(argument);
		validate(filter, root, 1);
		Map<String, List<Object>> regionNames = new LinkedHashMap<>();
		Map<String, List<Object>> perpetrators = new LinkedHashMap<>();
		collectNames(filter, root, regionNames, perpetrators);
		Map<String, List<RegionMatch>> regions = resolveRegions(regionNames);
		Map<String, Organizations> organizations = resolvePerpetrators(perpetrators);
		Builder builder = new Builder(regions, organizations);
		String sql = builder.filter(filter);
		return new Condition(sql, builder.parameters, builder.monthBounds);
	}

	/**
	 * Checks a filter without any database work; {@link #toSql} checks it again, then
	 * resolves its names.
	 * @param filter the filter, or {@code null}
	 * @param argument the argument's name, the first element of error paths
	 * @throws ApiException {@code BAD_USER_INPUT} or {@code LIMIT_EXCEEDED} naming the
	 * argument path at fault
	 */
	static void validate(IncidentFilter filter, String argument) {
		if (filter != null) {
			validate(filter, List.of(argument), 1);
		}
	}

	/**
	 * Whether the filter's condition reads only columns that the statistics cells
	 * ({@code incident_statistics_cell}) keep under the same names: the dates, country,
	 * region ids and kind, under any nesting of {@code and}, {@code or} and {@code not}.
	 * Perpetrator, source, casualty ranges, text and distance read other columns or
	 * tables.
	 * @param filter the filter, or {@code null}
	 */
	static boolean cellsCanAnswer(IncidentFilter filter) {
		if (filter == null) {
			return true;
		}
		// The filter with only the fields the cells can answer; a new field of
		// IncidentFilter breaks this constructor call, to be decided on here
		IncidentFilter cellsOnly = new IncidentFilter(filter.and(), filter.or(), filter.not(), filter.date(),
				filter.country(), filter.region(), filter.kind(), null, null, null, null, null, null, null,
				filter.includeFactions());
		return filter.equals(cellsOnly) && allCellsCanAnswer(filter.and()) && allCellsCanAnswer(filter.or())
				&& cellsCanAnswer(filter.not());
	}

	private static boolean allCellsCanAnswer(List<IncidentFilter> filters) {
		return filters == null || filters.stream().allMatch(IncidentFilterSql::cellsCanAnswer);
	}

	// Validation
	// -------------------------------------------------------------------------

	private static void validate(IncidentFilter filter, List<Object> path, int depth) {
		if (depth > MAX_DEPTH) {
			throw ApiException.limitExceeded(
					"filters nest at most " + MAX_DEPTH + " levels deep (and, or, not); flatten the filter",
					path.toArray());
		}
		validateChildren(filter.and(), append(path, "and"), depth);
		validateChildren(filter.or(), append(path, "or"), depth);
		if (filter.not() != null) {
			validate(filter.not(), append(path, "not"), depth + 1);
		}
		if (filter.date() != null) {
			DateRangeInput date = filter.date();
			if (date.from() != null && date.to() != null && date.from().isAfter(date.to())) {
				throw ApiException.badInput("date range: from (" + date.from() + ") is after to (" + date.to() + ")",
						append(path, "date").toArray());
			}
		}
		validateValues(filter.country(), append(path, "country"));
		if (filter.country() != null) {
			for (int i = 0; i < filter.country().size(); i++) {
				String code = filter.country().get(i).strip().toUpperCase(Locale.ROOT);
				if (!COUNTRIES.contains(code)) {
					throw ApiException.badInput(
							"'" + filter.country().get(i) + "' is not an ISO 3166 alpha-3 country code (e.g. PAK, AFG)",
							append(append(path, "country"), i).toArray());
				}
			}
		}
		validateValues(filter.region(), append(path, "region"));
		validateValues(filter.kind(), append(path, "kind"));
		validateValues(filter.perpetrator(), append(path, "perpetrator"));
		validateValues(filter.actor(), append(path, "actor"));
		validateRange(filter.killed(), append(path, "killed"));
		validateRange(filter.injured(), append(path, "injured"));
		validateValues(filter.source(), append(path, "source"));
		if (filter.text() != null && filter.text().strip().length() > MAX_TEXT_LENGTH) {
			throw ApiException.badInput("a text search term is at most " + MAX_TEXT_LENGTH + " characters long, got "
					+ filter.text().strip().length(), append(path, "text").toArray());
		}
		if (filter.near() != null) {
			NearInput near = filter.near();
			List<Object> nearPath = append(path, "near");
			if (!(near.latitude() >= -90 && near.latitude() <= 90)) {
				throw ApiException.badInput("latitude must lie between -90 and 90",
						append(nearPath, "latitude").toArray());
			}
			if (!(near.longitude() >= -180 && near.longitude() <= 180)) {
				throw ApiException.badInput("longitude must lie between -180 and 180",
						append(nearPath, "longitude").toArray());
			}
			if (!(near.radiusKm() > 0 && near.radiusKm() <= MAX_RADIUS_KM)) {
				throw ApiException.badInput("radiusKm must be more than 0 and at most " + (int) MAX_RADIUS_KM,
						append(nearPath, "radiusKm").toArray());
			}
		}
	}

	private static void validateChildren(List<IncidentFilter> children, List<Object> path, int depth) {
		if (children == null) {
			return;
		}
		if (children.size() > MAX_VALUES) {
			throw ApiException.limitExceeded("at most " + MAX_VALUES + " filters per list", path.toArray());
		}
		for (int i = 0; i < children.size(); i++) {
			validate(children.get(i), append(path, i), depth + 1);
		}
	}

	private static void validateValues(List<?> values, List<Object> path) {
		if (values == null) {
			return;
		}
		if (values.size() > MAX_VALUES) {
			throw ApiException.limitExceeded("at most " + MAX_VALUES + " values per list", path.toArray());
		}
		for (int i = 0; i < values.size(); i++) {
			if (values.get(i) instanceof String text && text.isBlank()) {
				throw ApiException.badInput("a blank value matches nothing; leave it out", append(path, i).toArray());
			}
			if (values.get(i) instanceof String text && text.length() > MAX_TEXT_LENGTH) {
				throw ApiException.badInput(
						"a name is at most " + MAX_TEXT_LENGTH + " characters long, got " + text.length(),
						append(path, i).toArray());
			}
		}
	}

	private static void validateRange(IntRangeInput range, List<Object> path) {
		if (range == null) {
			return;
		}
		if ((range.min() != null && range.min() < 0) || (range.max() != null && range.max() < 0)) {
			throw ApiException.badInput("counts are never negative", path.toArray());
		}
		if (range.min() != null && range.max() != null && range.min() > range.max()) {
			throw ApiException.badInput("range: min (" + range.min() + ") is more than max (" + range.max() + ")",
					path.toArray());
		}
	}

	private static List<Object> append(List<Object> path, Object element) {
		List<Object> appended = new ArrayList<>(path.size() + 1);
		appended.addAll(path);
		appended.add(element);
		return appended;
	}

	// Name resolution
	// ----------------------------------------------------------------------

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
		KnownRegions known = loadRegions();
		RegionResolver resolver = new RegionResolver(known.regions().values());
		Set<String> countries = known.regions()
			.values()
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
			result.put(name,
					named.stream().map((key) -> match(known.regions().get(key), known.ids().get(key), name)).toList());
		});
		return result;
	}

	// A former official name holds for its period only; the current name, an undated
	// alias or a misspelling for all time
	private static RegionMatch match(KnownRegion region, long id, String name) {
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

	private KnownRegions loadRegions() {
		Map<String, Long> ids = new HashMap<>();
		Map<String, RegionRow> rows = new LinkedHashMap<>();
		this.jdbc.query("select r.id, r.ref_key, r.country, r.name, r.valid_from, r.valid_to, m.ref_key as merged_key, "
				+ "n.name as alt_name, n.valid_from as alt_from, n.valid_to as alt_to from region r "
				+ "left join region m on m.id = r.merged_into_id left join region_name n on n.region_id = r.id "
				+ "order by r.id, n.id", (rs) -> {
					String key = rs.getString("ref_key");
					RegionRow row = rows.get(key);
					if (row == null) {
						row = new RegionRow(key, rs.getString("country"), rs.getString("name"),
								rs.getObject("valid_from", LocalDate.class), rs.getObject("valid_to", LocalDate.class),
								rs.getString("merged_key"), new ArrayList<>());
						rows.put(key, row);
						ids.put(key, rs.getLong("id"));
					}
					String alternative = rs.getString("alt_name");
					if (alternative != null && !alternative.isBlank()) {
						row.names()
							.add(new KnownRegionName(alternative, rs.getObject("alt_from", LocalDate.class),
									rs.getObject("alt_to", LocalDate.class)));
					}
				});
		Map<String, KnownRegion> regions = new LinkedHashMap<>();
		rows.forEach((key, row) -> regions.put(key, new KnownRegion(key, row.country(), row.name(), row.validFrom(),
				row.validTo(), row.mergedInto(), row.names())));
		return new KnownRegions(regions, ids);
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

	// SQL
	// ---------------------------------------------------------------------------------

	/**
	 * Writes the condition of a validated filter; parameters are numbered in order.
	 */
	private static final class Builder {

		private final Map<String, List<RegionMatch>> regions;

		private final Map<String, Organizations> organizations;

		private final Map<String, Object> parameters = new LinkedHashMap<>();

		// See Condition.monthBounds
		private boolean monthBounds = true;

		Builder(Map<String, List<RegionMatch>> regions, Map<String, Organizations> organizations) {
			this.regions = regions;
			this.organizations = organizations;
		}

		String filter(IncidentFilter filter) {
			List<String> conditions = new ArrayList<>();
			if (notEmpty(filter.and())) {
				conditions.add(join(filter.and().stream().map(this::filter).toList(), " and "));
			}
			if (notEmpty(filter.or())) {
				conditions.add(join(filter.or().stream().map(this::filter).toList(), " or "));
			}
			if (filter.not() != null) {
				conditions.add("not (" + filter(filter.not()) + ")");
			}
			if (filter.date() != null) {
				if (filter.date().from() != null) {
					conditions.add(onOrAfter("i.date_end", filter.date().from()));
				}
				if (filter.date().to() != null) {
					conditions.add(onOrBefore("i.date_start", filter.date().to()));
				}
			}
			if (notEmpty(filter.country())) {
				conditions.add("i.country in (" + parameter(filter.country()
					.stream()
					.map((code) -> code.strip().toUpperCase(Locale.ROOT))
					.collect(Collectors.toCollection(TreeSet::new))) + ")");
			}
			if (notEmpty(filter.region())) {
				conditions.add(region(filter.region()));
			}
			if (notEmpty(filter.kind())) {
				conditions.add("i.kind in (" + parameter(
						filter.kind().stream().map(IncidentKind::name).collect(Collectors.toCollection(TreeSet::new)))
						+ ")");
			}
			boolean factions = !Boolean.FALSE.equals(filter.includeFactions());
			// "in (select ...)", not "exists": both databases then read the
			// organizations'
			// incidents through the index and look the incidents up by id, where H2 would
			// otherwise probe the perpetrators once for every incident of the period
			if (notEmpty(filter.perpetrator())) {
				conditions.add(perpetratedBy(filter.perpetrator(), factions, " and " + Perpetrators.sqlCondition("p")));
			}
			if (notEmpty(filter.actor())) {
				conditions.add(perpetratedBy(filter.actor(), factions, ""));
			}
			if (filter.killed() != null) {
				conditions.add(range("i.killed", filter.killed()));
			}
			if (filter.injured() != null) {
				conditions.add(range("i.injured", filter.injured()));
			}
			if (notEmpty(filter.source())) {
				conditions
					.add("exists (select 1 from source_record s where s.incident_id = i.id and lower(s.dataset) in ("
							+ parameter(filter.source()
								.stream()
								.map((dataset) -> dataset.strip().toLowerCase(Locale.ROOT))
								.collect(Collectors.toCollection(TreeSet::new)))
							+ "))");
			}
			if (filter.text() != null && !filter.text().isBlank()) {
				String pattern = parameter("%" + escapeLike(filter.text().strip().toLowerCase(Locale.ROOT)) + "%");
				conditions.add("(lower(coalesce(i.summary, '')) like " + pattern + " escape '!' or "
						+ "lower(coalesce(i.place, '')) like " + pattern + " escape '!')");
			}
			if (filter.near() != null) {
				conditions.add(near(filter.near()));
			}
			return conditions.isEmpty() ? "1 = 1" : join(conditions, " and ");
		}

		/**
		 * The condition that an incident names one of the organizations the names stand
		 * for: those that count on every day, and a faction that belongs to a movement
		 * only for a period (Jamaat-ul-Ahrar to the TTP from 2020-08-17) only for the
		 * incidents that start in it. "in (select ...)", not "exists": both databases
		 * then read the organizations' incidents through the index and look the incidents
		 * up by id, where H2 would otherwise probe the actors once for every incident of
		 * the period.
		 * @param role a further condition on the actor row {@code p}, or ""
		 */
		private String perpetratedBy(List<String> names, boolean factions, String role) {
			Set<Long> always = new TreeSet<>();
			Map<Period, Set<Long>> dated = new LinkedHashMap<>();
			for (String name : names) {
				Organizations named = this.organizations.get(name);
				if (!factions) {
					always.addAll(named.withMerges());
					continue;
				}
				for (Member member : named.withFactions()) {
					if (member.period().always()) {
						always.add(member.id());
					}
					else {
						dated.computeIfAbsent(member.period(), (period) -> new TreeSet<>()).add(member.id());
					}
				}
			}
			List<String> conditions = new ArrayList<>();
			conditions.add(actorIn(always, role));
			dated.forEach((period, ids) -> {
				ids.removeAll(always);
				if (ids.isEmpty()) {
					return;
				}
				StringBuilder condition = new StringBuilder();
				if (period.from() != null) {
					condition.append(onOrAfter("i.date_start", period.from())).append(" and ");
				}
				if (period.to() != null) {
					condition.append(onOrBefore("i.date_start", period.to())).append(" and ");
				}
				conditions.add(condition.append(actorIn(ids, role)).toString());
			});
			return (conditions.size() == 1) ? conditions.get(0) : join(conditions, " or ");
		}

		private String actorIn(Set<Long> ids, String role) {
			return "i.id in (select p.incident_id from incident_perpetrator p where p.organization_id in ("
					+ parameter(ids) + ")" + role + ")";
		}

		private String region(List<String> names) {
			Set<Long> always = new TreeSet<>();
			List<String> conditions = new ArrayList<>();
			for (String name : names) {
				for (RegionMatch match : this.regions.get(name)) {
					if (match.periods().isEmpty()) {
						always.add(match.regionId());
						continue;
					}
					for (KnownRegionName period : match.periods()) {
						StringBuilder condition = new StringBuilder("(i.region_at_event_id is not null and ")
							.append("i.region_at_event_id = ")
							.append(parameter(match.regionId()));
						if (period.validFrom() != null) {
							condition.append(" and ").append(onOrAfter("i.date_start", period.validFrom()));
						}
						if (period.validTo() != null) {
							condition.append(" and ").append(onOrBefore("i.date_start", period.validTo()));
						}
						conditions.add(condition.append(")").toString());
					}
				}
			}
			if (!always.isEmpty()) {
				String ids = parameter(always);
				conditions.add(0, "(i.region_id is not null and i.region_id in (" + ids + ")) or "
						+ "(i.region_at_event_id is not null and i.region_at_event_id in (" + ids + "))");
			}
			return join(conditions, " or ");
		}

		// Every comparison of a date column goes through these two, which keep track of
		// monthBounds

		private String onOrAfter(String column, LocalDate date) {
			this.monthBounds &= date.getDayOfMonth() == 1;
			return column + " >= " + parameter(date);
		}

		private String onOrBefore(String column, LocalDate date) {
			this.monthBounds &= date.equals(date.with(TemporalAdjusters.lastDayOfMonth()));
			return column + " <= " + parameter(date);
		}

		private String range(String column, IntRangeInput range) {
			StringBuilder condition = new StringBuilder("(").append(column).append(" is not null");
			if (range.min() != null) {
				condition.append(" and ").append(column).append(" >= ").append(parameter(range.min()));
			}
			if (range.max() != null) {
				condition.append(" and ").append(column).append(" <= ").append(parameter(range.max()));
			}
			return condition.append(")").toString();
		}

		// A bounding box the indexes can use, then the exact haversine distance
		private String near(NearInput near) {
			double latitudeDelta = near.radiusKm() / KM_PER_DEGREE;
			StringBuilder condition = new StringBuilder(
					"(i.latitude is not null and i.longitude is not null and i.latitude between ")
				.append(parameter(near.latitude() - latitudeDelta))
				.append(" and ")
				.append(parameter(near.latitude() + latitudeDelta));
			double cosine = Math.cos(Math.toRadians(near.latitude()));
			double longitudeDelta = (cosine > 1e-6) ? near.radiusKm() / (KM_PER_DEGREE * cosine) : 360;
			// Near a pole or across the antimeridian the box would wrap: check latitude
			// only
			if (near.longitude() - longitudeDelta >= -180 && near.longitude() + longitudeDelta <= 180) {
				condition.append(" and i.longitude between ")
					.append(parameter(near.longitude() - longitudeDelta))
					.append(" and ")
					.append(parameter(near.longitude() + longitudeDelta));
			}
			String latitude = parameter(near.latitude());
			String longitude = parameter(near.longitude());
			String latitudeRadians = parameter(Math.toRadians(near.latitude()));
			condition.append(" and 2 * ")
				.append(EARTH_RADIUS_KM)
				.append(" * asin(sqrt(least(1.0, power(sin(radians(i.latitude - ")
				.append(latitude)
				.append(") / 2), 2) + cos(")
				.append(latitudeRadians)
				.append(") * cos(radians(i.latitude)) * power(sin(radians(i.longitude - ")
				.append(longitude)
				.append(") / 2), 2)))) <= ")
				.append(parameter(near.radiusKm()));
			return condition.append(")").toString();
		}

		private String parameter(Object value) {
			String name = "f" + this.parameters.size();
			this.parameters.put(name, value);
			return ":" + name;
		}

		private static String join(Collection<String> conditions, String operator) {
			if (conditions.size() == 1) {
				return "(" + conditions.iterator().next() + ")";
			}
			return conditions.stream()
				.map((condition) -> "(" + condition + ")")
				.collect(Collectors.joining(operator, "(", ")"));
		}

		private static boolean notEmpty(List<?> values) {
			return values != null && !values.isEmpty();
		}

		private static String escapeLike(String text) {
			return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
		}

	}

	/**
	 * A SQL condition over {@code incident i} and its named parameters.
	 * <p>
	 * Month bounds: {@code d >= f} with {@code f} the first day of a month, and
	 * {@code d <= t} with {@code t} the last day of a month, are true of a date {@code d}
	 * exactly when they are true of the first day of its month. When every comparison of
	 * a date column in the condition is such a bound (the filter's {@code date.from} and
	 * the validity start of a former region name on a month's first day, {@code date.to}
	 * and the validity end on a month's last day), each comparison, hence the whole
	 * condition under any {@code and}, {@code or} and {@code not}, selects the same rows
	 * when the date columns hold the first day of their month instead, as the month
	 * statistics cells keep them.
	 *
	 * @param sql the condition
	 * @param parameters its parameters
	 * @param monthBounds whether every date the condition compares a date column with is
	 * a month bound
	 */
	record Condition(String sql, Map<String, Object> parameters, boolean monthBounds) {

		static final Condition ALL = new Condition("1 = 1", Map.of(), true);

	}

	/**
	 * A region a name denotes: for all time, or only for the periods of the former names
	 * that matched.
	 */
	/**
	 * The organizations a name stands for: with merges, and with factions too (each with
	 * the days its incidents count).
	 */
	private record Organizations(Set<Long> withMerges, Set<Member> withFactions) {
	}

	private record RegionMatch(long regionId, List<KnownRegionName> periods) {
	}

	private record RegionRow(String key, String country, String name, LocalDate validFrom, LocalDate validTo,
			String mergedInto, List<KnownRegionName> names) {
	}

	private record KnownRegions(Map<String, KnownRegion> regions, Map<String, Long> ids) {
	}

}
