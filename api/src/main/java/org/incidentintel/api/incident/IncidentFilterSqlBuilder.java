package org.incidentintel.api.incident;

import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.incidentintel.api.incident.IncidentFilter.IntRangeInput;
import org.incidentintel.api.incident.IncidentFilter.NearInput;
import org.incidentintel.api.incident.IncidentFilterNames.Organizations;
import org.incidentintel.api.incident.IncidentFilterNames.RegionMatch;
import org.incidentintel.api.incident.IncidentFilterNames.Resolved;
import org.incidentintel.api.incident.IncidentFilterSql.Condition;
import org.incidentintel.domain.incident.IncidentKind;
import org.incidentintel.domain.incident.Perpetrators;
import org.incidentintel.domain.organization.OrganizationFamilies.Member;
import org.incidentintel.domain.organization.OrganizationFamilies.Period;
import org.incidentintel.domain.region.KnownRegionName;

/**
 * Writes the SQL condition over {@code incident i} of a validated filter whose names are
 * resolved, with its named parameters ({@code :f0}, {@code :f1}... in order), portable to
 * H2 and PostgreSQL. Every condition is two-valued (true or false, never SQL's unknown),
 * so {@code not} selects exactly the incidents its operand does not.
 */
final class IncidentFilterSqlBuilder {

	// Mean earth radius (IUGG)
	private static final double EARTH_RADIUS_KM = 6371.0088;

	private static final double KM_PER_DEGREE = Math.PI * EARTH_RADIUS_KM / 180;

	private final Map<String, List<RegionMatch>> regions;

	private final Map<String, Organizations> organizations;

	private final Map<String, Object> parameters = new LinkedHashMap<>();

	// See Condition.monthBounds
	private boolean monthBounds = true;

	private IncidentFilterSqlBuilder(Resolved names) {
		this.regions = names.regions();
		this.organizations = names.organizations();
	}

	/**
	 * The condition of a validated filter whose names are resolved.
	 * @param filter the filter
	 * @param names what its names denote
	 */
	static Condition condition(IncidentFilter filter, Resolved names) {
		IncidentFilterSqlBuilder builder = new IncidentFilterSqlBuilder(names);
		String sql = builder.filter(filter);
		return new Condition(sql, builder.parameters, builder.monthBounds);
	}

	private String filter(IncidentFilter filter) {
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
			conditions.add("exists (select 1 from source_record s where s.incident_id = i.id and lower(s.dataset) in ("
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
	 * The condition that an incident names one of the organizations the names stand for:
	 * those that count on every day, and a faction that belongs to a movement only for a
	 * period (Jamaat-ul-Ahrar to the TTP from 2020-08-17) only for the incidents that
	 * start in it. "in (select ...)", not "exists": both databases then read the
	 * organizations' incidents through the index and look the incidents up by id, where
	 * H2 would otherwise probe the actors once for every incident of the period.
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
		return "i.id in (select p.incident_id from incident_perpetrator p where p.organization_id in (" + parameter(ids)
				+ ")" + role + ")";
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
