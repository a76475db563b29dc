package org.incidentintel.api.incident;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.incidentintel.api.incident.IncidentFilterSql.Condition;
import org.incidentintel.api.organization.Organization;
import org.incidentintel.api.organization.Organizations;
import org.incidentintel.domain.common.DatePrecision;
import org.incidentintel.domain.incident.IncidentKind;
import org.incidentintel.domain.incident.PerpetratorRole;
import org.incidentintel.domain.organization.OrganizationFamilies;
import org.incidentintel.domain.organization.OrganizationFamiliesCache;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Reads incidents and their edges with plain SQL: a page in keyset order, the count of a
 * filter, and each edge for many incidents in one statement.
 */
@Repository
class IncidentQueries {

	static final String COLUMNS = "i.id, i.date_start, i.date_end, i.date_precision, i.kind, i.country, i.region_id, "
			+ "i.region_at_event_id, i.region_name_at_event, i.district, i.place, i.latitude, i.longitude, i.killed, "
			+ "i.killed_low, i.killed_high, i.killed_civilians, i.killed_security_forces, i.killed_militants, "
			+ "i.killed_unknown, i.injured, i.summary, i.date_record_id, i.place_record_id, i.killed_record_id, "
			+ "i.injured_record_id";

	private final NamedParameterJdbcTemplate jdbc;

	private final OrganizationFamiliesCache families;

	private final Organizations organizations;

	IncidentQueries(NamedParameterJdbcTemplate jdbc, OrganizationFamiliesCache families, Organizations organizations) {
		this.jdbc = jdbc;
		this.families = families;
		this.organizations = organizations;
	}

	Optional<Incident> findById(long id) {
		return this.jdbc.query("select " + COLUMNS + " from incident i where i.id = :id", Map.of("id", id), this::map)
			.stream()
			.findFirst();
	}

	/**
	 * The incidents of a filter in keyset order, after or before a cursor, at most
	 * {@code limit} of them, in display order.
	 */
	List<Incident> findPage(Condition where, IncidentKeyset keyset, IncidentKeyset.Position after,
			IncidentKeyset.Position before, boolean backward, int limit) {
		Map<String, Object> parameters = new HashMap<>(where.parameters());
		StringBuilder sql = new StringBuilder("select ").append(COLUMNS)
			.append(" from incident i where (")
			.append(where.sql())
			.append(")");
		if (after != null) {
			sql.append(" and (").append(keyset.condition(after, false, parameters)).append(")");
		}
		if (before != null) {
			sql.append(" and (").append(keyset.condition(before, true, parameters)).append(")");
		}
		sql.append(" order by ").append(keyset.orderBy(backward)).append(" limit :limit");
		parameters.put("limit", limit);
		List<Incident> rows = new ArrayList<>(this.jdbc.query(sql.toString(), parameters, this::map));
		if (backward) {
			Collections.reverse(rows);
		}
		return rows;
	}

	long count(Condition where) {
		Long count = this.jdbc.queryForObject("select count(*) from incident i where " + where.sql(),
				where.parameters(), Long.class);
		return (count != null) ? count : 0;
	}

	/**
	 * One page of the incidents of each organization (those of every organization sharing
	 * its survivor) matching a filter, in keyset order after a cursor, at most
	 * {@code limit} each: one statement, a {@code union all} of one branch per
	 * organization (its family from {@link OrganizationFamiliesCache}), each with its own
	 * {@code order by ... limit} so that the database stops after the page instead of
	 * numbering every incident of the organization.
	 * <p>
	 * The organizations' ids are written into each branch as literals, not bound: the
	 * planner then knows from its statistics how many actors each has, and walks the
	 * incidents in page order testing each for a frequent organization (a page within a
	 * few dozen incidents) but reads a rare organization's incidents through the actor
	 * index and sorts them (the walk would cross the whole table). With a bound parameter
	 * a cached generic plan would take one way for both.
	 */
	Map<Long, List<Incident>> findPagesOfOrganizations(Collection<Long> organizationIds, Condition where,
			IncidentKeyset keyset, IncidentKeyset.Position after, int limit) {
		Map<Long, List<Incident>> result = new HashMap<>();
		Map<Long, Set<Long>> families = familiesOf(organizationIds);
		if (families.isEmpty()) {
			return result;
		}
		Map<String, Object> parameters = new HashMap<>(where.parameters());
		parameters.put("limit", limit);
		StringBuilder filter = new StringBuilder(" and (").append(where.sql()).append(")");
		if (after != null) {
			filter.append(" and (").append(keyset.condition(after, false, parameters)).append(")");
		}
		String orderBy = " order by " + keyset.orderBy(false) + " limit :limit)";
		List<String> branches = new ArrayList<>();
		families.forEach((owner, family) -> {
			// Ids read from the database, never text from a request
			String ids = family.stream().sorted().map(String::valueOf).collect(Collectors.joining(", "));
			branches.add("(select " + COLUMNS + ", cast(" + owner + " as bigint) as owner_id from incident i "
					+ "where exists (select 1 from incident_perpetrator p where p.incident_id = i.id "
					+ "and p.organization_id in (" + ids + "))" + filter + orderBy);
		});
		String sql = "select * from (" + String.join(" union all ", branches) + ") pages";
		this.jdbc.query(sql, parameters, (rs) -> {
			result.computeIfAbsent(rs.getLong("owner_id"), (id) -> new ArrayList<>()).add(map(rs, 0));
		});
		// A union's rows come in no defined order: each page in the keyset's order again
		result.replaceAll((owner, rows) -> keyset.sort(rows));
		return result;
	}

	/**
	 * The organizations sharing each one's survivor (itself included), without a
	 * statement; unknown ids have no incidents, so an empty result for them is right.
	 */
	private Map<Long, Set<Long>> familiesOf(Collection<Long> organizationIds) {
		OrganizationFamilies current = this.families.current();
		Map<Long, Set<Long>> result = new TreeMap<>();
		organizationIds.forEach((id) -> result.put(id, new TreeSet<>(current.withMerges(Set.of(id)))));
		return result;
	}

	/**
	 * How many incidents of each organization (those of every organization sharing its
	 * survivor, each once) match a filter, in one statement: the (organization, incident)
	 * pairs, one branch per organization, joined to the incidents and counted;
	 * organizations without any are absent.
	 */
	Map<Long, Long> countOfOrganizations(Collection<Long> organizationIds, Condition where) {
		Map<Long, Long> result = new HashMap<>();
		if (organizationIds.isEmpty()) {
			return result;
		}
		List<String> owned = new ArrayList<>();
		familiesOf(organizationIds).forEach((owner, family) -> {
			// Ids read from the database, never text from a request
			String ids = family.stream().map(String::valueOf).collect(Collectors.joining(", "));
			owned.add("select distinct cast(" + owner + " as bigint) as owner_id, p.incident_id "
					+ "from incident_perpetrator p where p.organization_id in (" + ids + ")");
		});
		this.jdbc.query(
				"select x.owner_id, count(*) as incidents from incident i join (" + String.join(" union all ", owned)
						+ ") x on x.incident_id = i.id where (" + where.sql() + ") group by x.owner_id",
				where.parameters(), (rs) -> {
					result.put(rs.getLong("owner_id"), rs.getLong("incidents"));
				});
		return result;
	}

	/** The actors of each incident, in the order they were recorded. */
	Map<Long, List<IncidentPerpetrator>> perpetratorsOf(Collection<Long> incidentIds) {
		Map<Long, List<IncidentPerpetrator>> result = new HashMap<>();
		if (incidentIds.isEmpty()) {
			return result;
		}
		this.jdbc.query(
				"select id, incident_id, organization_id, name_as_reported, role, suspected "
						+ "from incident_perpetrator where incident_id in (:ids) order by incident_id, id",
				Map.of("ids", incidentIds), (rs) -> {
					IncidentPerpetrator perpetrator = new IncidentPerpetrator(rs.getLong("id"),
							rs.getLong("incident_id"), rs.getObject("organization_id", Long.class),
							rs.getString("name_as_reported"), PerpetratorRole.valueOf(rs.getString("role")),
							rs.getBoolean("suspected"));
					result.computeIfAbsent(perpetrator.incidentId(), (id) -> new ArrayList<>()).add(perpetrator);
				});
		return result;
	}

	/** The source records of each incident, by dataset and record id. */
	Map<Long, List<IncidentSource>> sourcesOf(Collection<Long> incidentIds) {
		Map<Long, List<IncidentSource>> result = new HashMap<>();
		if (incidentIds.isEmpty()) {
			return result;
		}
		this.jdbc.query(
				"select id, incident_id, dataset, dataset_version, source_record_id, line_number, "
						+ "file_checksum, match_score, match_evidence, ingest_run_id, date_start, date_end, "
						+ "date_precision, place, region_name, killed, killed_low, killed_high, injured, "
						+ "perpetrator_names, raw_record from source_record "
						+ "where incident_id in (:ids) order by incident_id, dataset, source_record_id",
				Map.of("ids", incidentIds), (rs) -> {
					IncidentSource source = new IncidentSource(rs.getLong("id"), rs.getLong("incident_id"),
							rs.getString("dataset"), rs.getString("dataset_version"), rs.getString("source_record_id"),
							rs.getObject("line_number", Long.class), rs.getString("file_checksum"),
							rs.getObject("match_score", Double.class), rs.getString("match_evidence"),
							rs.getLong("ingest_run_id"),
							new IncidentSource.Reported(rs.getObject("date_start", LocalDate.class),
									rs.getObject("date_end", LocalDate.class),
									DatePrecision.valueOf(rs.getString("date_precision")), rs.getString("place"),
									rs.getString("region_name"), rs.getObject("killed", Integer.class),
									rs.getObject("killed_low", Integer.class),
									rs.getObject("killed_high", Integer.class), rs.getObject("injured", Integer.class),
									rs.getString("perpetrator_names")),
							rs.getString("raw_record"));
					result.computeIfAbsent(source.incidentId(), (id) -> new ArrayList<>()).add(source);
				});
		return result;
	}

	/** The attack types of each incident, alphabetically. */
	Map<Long, List<String>> attackTypesOf(Collection<Long> incidentIds) {
		return valuesOf("select incident_id, attack_type as item from incident_attack_type "
				+ "where incident_id in (:ids) order by incident_id, attack_type", incidentIds);
	}

	/** The targets of each incident, alphabetically. */
	Map<Long, List<String>> targetsOf(Collection<Long> incidentIds) {
		return valuesOf("select incident_id, target as item from incident_target "
				+ "where incident_id in (:ids) order by incident_id, target", incidentIds);
	}

	private Map<Long, List<String>> valuesOf(String sql, Collection<Long> incidentIds) {
		Map<Long, List<String>> result = new HashMap<>();
		if (incidentIds.isEmpty()) {
			return result;
		}
		this.jdbc.query(sql, Map.of("ids", incidentIds), (rs) -> {
			result.computeIfAbsent(rs.getLong("incident_id"), (id) -> new ArrayList<>()).add(rs.getString("item"));
		});
		return result;
	}

	/**
	 * The organization each id stands for today: itself, or the organization it was
	 * finally merged into. One statement (the merges come from the cache).
	 */
	Map<Long, Organization> survivingOrganizations(Collection<Long> organizationIds) {
		Map<Long, Organization> result = new LinkedHashMap<>();
		if (organizationIds.isEmpty()) {
			return result;
		}
		OrganizationFamilies current = this.families.current();
		Map<Long, Long> survivors = new LinkedHashMap<>();
		organizationIds.forEach((id) -> survivors.put(id, current.survivor(id)));
		Map<Long, Organization> byId = this.organizations.findByIds(new TreeSet<>(survivors.values()));
		survivors.forEach((id, survivor) -> {
			if (byId.containsKey(survivor)) {
				result.put(id, byId.get(survivor));
			}
		});
		return result;
	}

	private Incident map(ResultSet rs, int row) throws SQLException {
		long id = rs.getLong("id");
		Double latitude = rs.getObject("latitude", Double.class);
		Double longitude = rs.getObject("longitude", Double.class);
		return new Incident(id, rs.getObject("date_start", LocalDate.class), rs.getObject("date_end", LocalDate.class),
				DatePrecision.valueOf(rs.getString("date_precision")), IncidentKind.valueOf(rs.getString("kind")),
				rs.getString("country"), rs.getObject("region_id", Long.class),
				rs.getObject("region_at_event_id", Long.class), rs.getString("region_name_at_event"),
				rs.getString("district"), rs.getString("place"),
				(latitude != null && longitude != null) ? new GeoPoint(latitude, longitude) : null,
				new Casualties(integer(rs, "killed"), integer(rs, "killed_low"), integer(rs, "killed_high"),
						integer(rs, "killed_civilians"), integer(rs, "killed_security_forces"),
						integer(rs, "killed_militants"), integer(rs, "killed_unknown"), integer(rs, "injured"),
						fieldSource(id, rs, "killed_record_id"), fieldSource(id, rs, "injured_record_id")),
				rs.getString("summary"), fieldSource(id, rs, "date_record_id"), fieldSource(id, rs, "place_record_id"));
	}

	private static FieldSource fieldSource(long incidentId, ResultSet rs, String column) throws SQLException {
		return new FieldSource(incidentId, rs.getObject(column, Long.class));
	}

	private static Integer integer(ResultSet rs, String column) throws SQLException {
		return rs.getObject(column, Integer.class);
	}

}
