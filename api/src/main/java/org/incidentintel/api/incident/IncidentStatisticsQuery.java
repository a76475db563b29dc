package org.incidentintel.api.incident;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.incidentintel.api.error.ApiException;
import org.incidentintel.api.incident.IncidentFilterSql.Condition;
import org.incidentintel.api.incident.IncidentStatistics.Bucket;
import org.incidentintel.api.incident.IncidentStatistics.Key;
import org.incidentintel.api.incident.IncidentStatistics.Perpetrator;
import org.incidentintel.api.incident.IncidentStatistics.Totals;
import org.incidentintel.api.organization.Organization;
import org.incidentintel.api.organization.Organizations;
import org.incidentintel.api.region.Region;
import org.incidentintel.api.region.Regions;
import org.incidentintel.domain.incident.IncidentKind;
import org.incidentintel.domain.incident.Perpetrators;
import org.incidentintel.domain.organization.OrganizationFamilies;
import org.incidentintel.domain.organization.OrganizationFamilies.Member;
import org.incidentintel.domain.organization.OrganizationFamilies.Period;
import org.incidentintel.domain.organization.OrganizationFamilies.RollUp;
import org.incidentintel.domain.organization.OrganizationFamiliesCache;
import org.incidentintel.domain.statistics.IncidentStatisticsCells;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Computes {@code incidentStatistics} in the database, and each organization's: one
 * statement for the totals and the buckets, and one each for the regions and
 * organizations the bucket keys name.
 * <p>
 * Without a grouping by perpetrator, actor or source every incident falls in exactly one
 * bucket: the totals are then the buckets' sums, and one GROUP BY reads the incidents
 * once. With one, the statement reads each matching incident once with its perpetrators,
 * actors or sources joined by the incident's id (an index lookup per incident, never a
 * pass over a whole table), groups those rows per incident, so that an incident counts,
 * and its casualties add up, once per bucket even when it names the same actor twice or
 * several records of one dataset report it, and adds the totals as rows of their own.
 * <p>
 * An organization's statistics ({@link #statisticsOf}) join the relation of the incidents
 * each organization perpetrated, so that one statement answers for all the organizations
 * of a page or a dialogue's threats.
 * <p>
 * When the filter and the grouping read only columns the statistics cells keep (see
 * {@link IncidentFilterSql#cellsCanAnswer}) and the cells are fresh, the same statements
 * run on the cells instead, adding up their counts and sums: on the month cells when
 * every date of the filter is a month bound ({@link Condition#monthBounds()}), else on
 * the day cells. A year is some hundreds of month cells, or some thousands of day cells,
 * instead of tens of thousands of incidents. The answer is the same either way
 * ({@link #source}).
 */
@Component
class IncidentStatisticsQuery {

	/** The most buckets one request may produce. */
	static final int MAX_BUCKETS = 5000;

	// The name of an actor no organization was resolved for
	private static final String UNRESOLVED = "case when %s.organization_id is null then %s.name_as_reported end";

	// The one owner of statistics not per organization
	private static final long ALL = 0;

	// The dimensions that put each incident in exactly one bucket
	private static final Set<IncidentDimension> SINGLE_VALUED = EnumSet.of(IncidentDimension.COUNTRY,
			IncidentDimension.REGION, IncidentDimension.REGION_AT_EVENT, IncidentDimension.YEAR,
			IncidentDimension.QUARTER, IncidentDimension.MONTH, IncidentDimension.KIND);

	// What the statements count and add up, on the incidents or on the cells. A cell's
	// sum is unknown when none of its incidents' values is known (SQL's sum over them)
	private static final Table INCIDENTS = new Table("incident i", "count(*)", "sum(i.killed)", "sum(i.injured)");

	private static final Table DAY_CELLS = cells("incident_statistics_cell");

	private static final Table MONTH_CELLS = cells("incident_statistics_month_cell");

	private static final Table PERPETRATOR_CELLS_TABLE = cells("perpetrator_statistics_cell");

	// The dimensions the perpetrator cells keep
	private static final Set<IncidentDimension> PERPETRATOR_CELLS = EnumSet.of(IncidentDimension.COUNTRY,
			IncidentDimension.REGION, IncidentDimension.REGION_AT_EVENT, IncidentDimension.YEAR,
			IncidentDimension.QUARTER, IncidentDimension.MONTH, IncidentDimension.KIND, IncidentDimension.SOURCE);

	private final NamedParameterJdbcTemplate jdbc;

	private final Regions regions;

	private final Organizations organizations;

	private final IncidentStatisticsCells cells;

	private final IncidentStatisticsProperties properties;

	private final OrganizationFamiliesCache families;

	IncidentStatisticsQuery(NamedParameterJdbcTemplate jdbc, Regions regions, Organizations organizations,
			IncidentStatisticsCells cells, IncidentStatisticsProperties properties,
			OrganizationFamiliesCache families) {
		this.jdbc = jdbc;
		this.regions = regions;
		this.organizations = organizations;
		this.cells = cells;
		this.properties = properties;
		this.families = families;
	}

	/**
	 * Checks the dimensions before any database work.
	 * @throws ApiException {@code BAD_USER_INPUT} for a dimension given twice
	 */
	static List<IncidentDimension> validate(List<IncidentDimension> groupBy, String argument) {
		Set<IncidentDimension> seen = EnumSet.noneOf(IncidentDimension.class);
		for (int i = 0; i < groupBy.size(); i++) {
			if (!seen.add(groupBy.get(i))) {
				throw ApiException.badInput("grouping twice by " + groupBy.get(i) + " is pointless", argument, i);
			}
		}
		return List.copyOf(groupBy);
	}

	/**
	 * The statistics of the incidents matching a condition.
	 * @param where the filter's condition
	 * @param cellsCanAnswer whether the condition reads only columns the cells keep
	 * @param groupBy the validated dimensions
	 */
	IncidentStatistics statistics(Condition where, boolean cellsCanAnswer, List<IncidentDimension> groupBy,
			boolean includeFactions) {
		if (!SINGLE_VALUED.containsAll(groupBy)) {
			return perIncident(null, where, groupBy, includeFactions).get(ALL);
		}
		Table table = source(where, cellsCanAnswer, groupBy);
		if (groupBy.isEmpty()) {
			Totals totals = this.jdbc.queryForObject(
					"select " + table.incidents() + " as incidents, " + table.killed() + " as killed, "
							+ table.injured() + " as injured from " + table.from() + " where " + where.sql(),
					where.parameters(), (rs, row) -> new Totals(Math.toIntExact(rs.getLong("incidents")),
							sum(rs, "killed"), sum(rs, "injured")));
			return withoutGrouping(totals);
		}
		List<Row> rows = groupedRows(table, where, groupBy);
		Totals totals = totalsOf(rows);
		if (totals.incidents() == 0) {
			return new IncidentStatistics(totals, List.of());
		}
		return grouped(totals, rows, groupBy);
	}

	/**
	 * The statistics of each organization's incidents among those matching a condition,
	 * in one statement whatever the number of organizations: on the perpetrator cells
	 * when the condition reads only columns they keep, the grouping is by single-valued
	 * dimensions or source, and the cells are fresh; else on the incidents.
	 * @param families each organization's id and the organizations it stands for (itself,
	 * its merges, its factions if asked), each with the days its incidents count
	 * @param where the filter's condition
	 * @param cellsCanAnswer whether the condition reads only columns the cells keep
	 * @param groupBy the validated dimensions
	 */
	Map<Long, IncidentStatistics> statisticsOf(Map<Long, Set<Member>> families, Condition where, boolean cellsCanAnswer,
			List<IncidentDimension> groupBy, boolean includeFactions) {
		boolean onCells = cellsCanAnswer && PERPETRATOR_CELLS.containsAll(groupBy) && cellsAreFresh();
		return onCells ? perCell(families, where, groupBy) : perIncident(families, where, groupBy, includeFactions);
	}

	private static IncidentStatistics withoutGrouping(Totals totals) {
		if (totals.incidents() == 0) {
			return new IncidentStatistics(totals, List.of());
		}
		Key none = new Key(null, null, null, null, null, null, null, null, null, null);
		return new IncidentStatistics(totals,
				List.of(bucket(none, totals.incidents(), totals.killed(), totals.injured(), totals)));
	}

	/**
	 * Totals and buckets in one statement that reads the matching incidents once each,
	 * with their perpetrators, actors or sources joined by the incident's id: an incident
	 * counts once per bucket, its figures (a source's own, grouped by source) once.
	 * Without {@code families}, all matching incidents are one owner, {@link #ALL}.
	 */
	private Map<Long, IncidentStatistics> perIncident(Map<Long, Set<Member>> families, Condition where,
			List<IncidentDimension> groupBy, boolean includeFactions) {
		Grouping grouping = grouping(groupBy, false, includeFactions);
		boolean ownFigures = groupBy.contains(IncidentDimension.SOURCE);
		// An incident may name several of a family: the totals count it once
		String from = (families != null) ? "incident i join incident_perpetrator op on op.incident_id = i.id and "
				+ Perpetrators.sqlCondition("op") + " join " + owners(families)
				+ " on ow.organization_id = op.organization_id and " + inPeriod("ow") : "incident i";
		String owner = (families != null) ? "ow.owner_id" : Long.toString(ALL);
		String totals = "select owner_id, 1 as total, " + nulls(grouping)
				+ "count(*) as incidents, sum(killed) as killed, sum(injured) as injured from (select "
				+ ((families != null) ? "distinct " : "") + owner + " as owner_id, i.id, i.killed, i.injured from "
				+ from + " where " + where.sql() + ") t group by owner_id";
		if (groupBy.isEmpty()) {
			return run(totals, where.parameters(), ownerIds(families), groupBy);
		}
		String eachIncident = "select " + owner + " as owner_id, i.id, " + String.join(", ", grouping.selected()) + ", "
				+ (ownFigures ? "max(ss.killed)" : "i.killed") + " as killed, "
				+ (ownFigures ? "max(ss.injured)" : "i.injured") + " as injured from " + from + grouping.joins()
				+ " where " + where.sql() + " group by " + ((families != null) ? owner + ", " : "")
				+ "i.id, i.killed, i.injured, " + String.join(", ", grouping.expressions());
		String dimensions = dimensions(grouping);
		return run(
				totals + " union all select owner_id, 0, " + dimensions + ", count(*), sum(killed), sum(injured) from ("
						+ eachIncident + ") x group by owner_id, " + dimensions,
				where.parameters(), ownerIds(families), groupBy);
	}

	/**
	 * The same on the perpetrator cells: the cells of every perpetrator set that holds
	 * one of an organization's family, each set once, so each incident counts once (see
	 * {@code V11__perpetrator_statistics.sql}). The totals add up the cells of whole
	 * incidents; grouped by source, the buckets add up the per-dataset cells.
	 */
	private Map<Long, IncidentStatistics> perCell(Map<Long, Set<Member>> families, Condition where,
			List<IncidentDimension> groupBy) {
		List<String> sets = new ArrayList<>();
		String owned = ownedSets(families, sets);
		if (sets.isEmpty()) {
			return run(null, where.parameters(), families.keySet(), groupBy);
		}
		Map<String, Object> parameters = new HashMap<>(where.parameters());
		for (int i = 0; i < sets.size(); i++) {
			parameters.put("set" + i, sets.get(i));
		}
		Grouping grouping = grouping(groupBy, true, false);
		String from = owned + " join perpetrator_statistics_cell i on i.perpetrator_set = o.perpetrator_set and "
				+ inPeriod("o");
		String sums = "sum(i.incidents) as incidents, " + PERPETRATOR_CELLS_TABLE.killed() + " as killed, "
				+ PERPETRATOR_CELLS_TABLE.injured() + " as injured";
		String totals = "select o.owner_id, 1 as total, " + nulls(grouping) + sums + " from " + from
				+ " where i.whole = true and " + where.sql() + " group by o.owner_id";
		if (groupBy.isEmpty()) {
			return run(totals, parameters, families.keySet(), groupBy);
		}
		boolean whole = !groupBy.contains(IncidentDimension.SOURCE);
		return run(
				totals + " union all select o.owner_id, 0, " + String.join(", ", grouping.selected()) + ", " + sums
						+ " from " + from + " where i.whole = " + whole + " and " + where.sql()
						+ " group by o.owner_id, " + String.join(", ", grouping.expressions()),
				parameters, families.keySet(), groupBy);
	}

	/**
	 * The relation {@code o(owner_id, perpetrator_set, valid_from, valid_to)}: each
	 * owner's perpetrator sets, unconditionally when a set holds a member that counts on
	 * every day, else on the days its members count (as periods that do not overlap, so
	 * an incident counts once). One statement reads the sets of the families' members.
	 * @param sets receives the sets, named {@code :set0}, {@code :set1}... in the
	 * relation; empty when no incident names any of the families
	 */
	private String ownedSets(Map<Long, Set<Member>> families, List<String> sets) {
		Set<Long> ids = new TreeSet<>();
		families.values().forEach((family) -> family.forEach((member) -> ids.add(member.id())));
		Map<Long, List<String>> setsOf = new HashMap<>();
		this.jdbc.query("select perpetrator_set, organization_id from perpetrator_set_member "
				+ "where organization_id in (:ids)", Map.of("ids", ids), (rs) -> {
					setsOf.computeIfAbsent(rs.getLong("organization_id"), (id) -> new ArrayList<>())
						.add(rs.getString("perpetrator_set"));
				});
		List<String> rows = new ArrayList<>();
		Map<String, Integer> names = new HashMap<>();
		families.forEach((owner, family) -> {
			Map<String, List<Period>> periods = new TreeMap<>();
			for (Member member : family) {
				setsOf.getOrDefault(member.id(), List.of())
					.forEach((set) -> periods.computeIfAbsent(set, (key) -> new ArrayList<>()).add(member.period()));
			}
			periods.forEach((set, days) -> {
				int name = names.computeIfAbsent(set, (key) -> {
					sets.add(key);
					return sets.size() - 1;
				});
				for (Period period : Period.union(days)) {
					rows.add("(" + owner + ", :set" + name + ", " + date(period.from()) + ", " + date(period.to())
							+ ")");
				}
			});
		});
		return rows.isEmpty() ? ""
				: "(values " + String.join(", ", rows) + ") o(owner_id, perpetrator_set, valid_from, valid_to)";
	}

	/**
	 * Runs a statement whose rows are each owner's totals (column {@code total} = 1) and
	 * buckets ({@code total} = 0): the totals are rows of their own, since an incident
	 * with two perpetrators or sources falls in two buckets.
	 */
	private Map<Long, IncidentStatistics> run(String sql, Map<String, Object> whereParameters, Collection<Long> owners,
			List<IncidentDimension> groupBy) {
		if (sql == null) {
			return answers(owners, Map.of(), Map.of(), groupBy);
		}
		Map<String, Object> parameters = new HashMap<>(whereParameters);
		int limit = (MAX_BUCKETS + 2) * owners.size();
		parameters.put("bucketLimit", limit);
		Map<Long, Totals> totals = new HashMap<>();
		Map<Long, List<Row>> rows = new HashMap<>();
		int[] count = { 0 };
		this.jdbc.query(sql + " limit :bucketLimit", parameters, (rs) -> {
			count[0]++;
			long ownerId = rs.getLong("owner_id");
			if (rs.getInt("total") == 1) {
				totals.put(ownerId,
						new Totals(Math.toIntExact(rs.getLong("incidents")), sum(rs, "killed"), sum(rs, "injured")));
			}
			else {
				rows.computeIfAbsent(ownerId, (id) -> new ArrayList<>()).add(row(rs, groupBy));
			}
		});
		if (count[0] >= limit) {
			throw tooManyBuckets();
		}
		return answers(owners, totals, rows, groupBy);
	}

	private Map<Long, IncidentStatistics> answers(Collection<Long> owners, Map<Long, Totals> totals,
			Map<Long, List<Row>> rows, List<IncidentDimension> groupBy) {
		KeyNames names = keysOf(rows.values().stream().flatMap(List::stream).toList());
		Map<Long, IncidentStatistics> result = new HashMap<>();
		for (Long id : owners) {
			Totals ownTotals = totals.getOrDefault(id, new Totals(0, null, null));
			result.put(id, (ownTotals.incidents() == 0 || groupBy.isEmpty()) ? withoutGrouping(ownTotals)
					: grouped(ownTotals, rows.getOrDefault(id, List.of()), groupBy, names));
		}
		return result;
	}

	private static Collection<Long> ownerIds(Map<Long, Set<Member>> families) {
		return (families != null) ? families.keySet() : List.of(ALL);
	}

	/**
	 * The relation {@code ow(owner_id, organization_id, valid_from, valid_to)}: each
	 * owner with every organization of its family and the days that organization's
	 * incidents count for it. The ids and days come from the database, written as
	 * literals.
	 */
	private static String owners(Map<Long, Set<Member>> families) {
		List<String> rows = new ArrayList<>();
		families.forEach((owner, family) -> family.forEach((member) -> rows.add("(" + owner + ", " + member.id() + ", "
				+ date(member.period().from()) + ", " + date(member.period().to()) + ")")));
		return "(values " + String.join(", ", rows) + ") ow(owner_id, organization_id, valid_from, valid_to)";
	}

	// Typed, so that the first row of a VALUES list gives its columns their types
	private static String date(LocalDate day) {
		return (day != null) ? "cast('" + day + "' as date)" : "cast(null as date)";
	}

	// The incident (alias i) starts on a day its organization counts for the owner
	private static String inPeriod(String alias) {
		return "(" + alias + ".valid_from is null or i.date_start >= " + alias + ".valid_from) and (" + alias
				+ ".valid_to is null or i.date_start <= " + alias + ".valid_to)";
	}

	private static String nulls(Grouping grouping) {
		StringBuilder nulls = new StringBuilder();
		for (int i = 0; i < grouping.expressions().size(); i++) {
			nulls.append("null as g").append(i).append(", ");
		}
		return nulls.toString();
	}

	private static String dimensions(Grouping grouping) {
		List<String> columns = new ArrayList<>();
		for (int i = 0; i < grouping.expressions().size(); i++) {
			columns.add("g" + i);
		}
		return String.join(", ", columns);
	}

	/**
	 * Where the statistics are read: the coarsest table that answers exactly. The cells
	 * only when the filter reads only columns they keep, every incident falls in one
	 * bucket, and they are fresh; then the month cells when every date the condition
	 * compares with is a month bound, else the day cells. Otherwise the incidents.
	 */
	private Table source(Condition where, boolean cellsCanAnswer, List<IncidentDimension> groupBy) {
		if (!cellsCanAnswer || !SINGLE_VALUED.containsAll(groupBy) || !cellsAreFresh()) {
			return INCIDENTS;
		}
		return where.monthBounds() ? MONTH_CELLS : DAY_CELLS;
	}

	// Read in one statement with the cells' version: fresh cells stay right until a
	// writer commits, after this check, and a request may see that write or not
	private boolean cellsAreFresh() {
		return this.properties.cells() && this.cells.versions().fresh();
	}

	// Every incident is in exactly one of these buckets: the totals are their sums (the
	// bucket limit is checked after, as it is when the totals are counted)
	private static Totals totalsOf(List<Row> rows) {
		int incidents = 0;
		Integer killed = null;
		Integer injured = null;
		for (Row row : rows) {
			incidents += row.incidents();
			killed = plus(killed, row.killed());
			injured = plus(injured, row.injured());
		}
		return new Totals(incidents, killed, injured);
	}

	// SQL's sum: unknown values left out, unknown when all are
	private static Integer plus(Integer sum, Integer value) {
		if (value == null) {
			return sum;
		}
		return (sum != null) ? Integer.valueOf(Math.addExact(sum, value)) : value;
	}

	private IncidentStatistics grouped(Totals totals, List<Row> rows, List<IncidentDimension> groupBy) {
		return grouped(totals, rows, groupBy, keysOf(rows));
	}

	private static IncidentStatistics grouped(Totals totals, List<Row> rows, List<IncidentDimension> groupBy,
			KeyNames names) {
		if (rows.size() > MAX_BUCKETS) {
			throw tooManyBuckets();
		}
		List<Bucket> buckets = new ArrayList<>();
		for (Row row : rows) {
			Key key = new Key(row.country(), (row.regionId() != null) ? names.regions().get(row.regionId()) : null,
					(row.regionAtEventId() != null) ? names.regions().get(row.regionAtEventId()) : null, row.year(),
					row.quarter(), row.month(), row.kind(),
					perpetrator(row.organizationId(), row.unresolvedName(), names.organizations()),
					perpetrator(row.actorId(), row.unresolvedActor(), names.organizations()), row.source());
			buckets.add(bucket(key, row.incidents(), row.killed(), row.injured(), totals));
		}
		buckets.sort(order(groupBy));
		return new IncidentStatistics(totals, buckets);
	}

	// The regions and organizations the buckets' keys name: two statements at most,
	// whatever the number of organizations asking
	private KeyNames keysOf(Collection<Row> rows) {
		Set<Long> regionIds = new HashSet<>();
		Set<Long> organizationIds = new HashSet<>();
		for (Row row : rows) {
			if (row.regionId() != null) {
				regionIds.add(row.regionId());
			}
			if (row.regionAtEventId() != null) {
				regionIds.add(row.regionAtEventId());
			}
			if (row.organizationId() != null) {
				organizationIds.add(row.organizationId());
			}
			if (row.actorId() != null) {
				organizationIds.add(row.actorId());
			}
		}
		return new KeyNames(this.regions.findByIds(regionIds), this.organizations.findByIds(organizationIds));
	}

	private record KeyNames(Map<Long, Region> regions, Map<Long, Organization> organizations) {
	}

	private static Perpetrator perpetrator(Long organizationId, String unresolvedName,
			Map<Long, Organization> organizationsById) {
		if (organizationId != null && organizationsById.containsKey(organizationId)) {
			Organization organization = organizationsById.get(organizationId);
			return new Perpetrator(organization.name(), organization);
		}
		return (unresolvedName != null) ? new Perpetrator(unresolvedName, null) : null;
	}

	private static ApiException tooManyBuckets() {
		return ApiException.limitExceeded(
				"more than " + MAX_BUCKETS + " buckets: narrow the filter or group by fewer or coarser dimensions",
				"groupBy");
	}

	// On the incidents or the cells: only single-valued dimensions, no joins
	private List<Row> groupedRows(Table table, Condition where, List<IncidentDimension> groupBy) {
		Grouping grouping = grouping(groupBy, false, false);
		String sql = "select " + String.join(", ", grouping.selected()) + ", " + table.incidents() + " as incidents, "
				+ table.killed() + " as killed, " + table.injured() + " as injured from " + table.from() + " where "
				+ where.sql() + " group by " + String.join(", ", grouping.expressions()) + " limit :bucketLimit";
		Map<String, Object> parameters = new HashMap<>(where.parameters());
		parameters.put("bucketLimit", MAX_BUCKETS + 1);
		return this.jdbc.query(sql, parameters, (rs, number) -> row(rs, groupBy));
	}

	/**
	 * The expressions of the dimensions, in order (a perpetrator or an actor is two: the
	 * organization, or the name as reported when none was resolved), and the joins they
	 * need: the perpetrators (by {@link Perpetrators}' rule), any actors, or the sources,
	 * each joined by the incident's id. A perpetrator's bucket is the organization it
	 * counts as ({@link #countedAs}).
	 */
	private Grouping grouping(List<IncidentDimension> groupBy, boolean onCells, boolean includeFactions) {
		List<String> expressions = new ArrayList<>();
		StringBuilder joins = new StringBuilder();
		for (IncidentDimension dimension : groupBy) {
			switch (dimension) {
				case COUNTRY -> expressions.add("i.country");
				case REGION -> expressions.add("i.region_id");
				case REGION_AT_EVENT -> expressions.add("i.region_at_event_id");
				// EXTRACT is standard SQL: H2 and PostgreSQL both know these fields
				case YEAR -> expressions.add("extract(year from i.date_start)");
				case QUARTER -> expressions.add("extract(quarter from i.date_start)");
				case MONTH -> expressions.add("extract(month from i.date_start)");
				case KIND -> expressions.add("i.kind");
				case PERPETRATOR -> {
					expressions.add(countedAs("pp", includeFactions));
					expressions.add(UNRESOLVED.formatted("pp", "pp"));
					joins.append(" left join incident_perpetrator pp on pp.incident_id = i.id and ")
						.append(Perpetrators.sqlCondition("pp"));
				}
				case ACTOR -> {
					expressions.add("pa.organization_id");
					expressions.add(UNRESOLVED.formatted("pa", "pa"));
					joins.append(" left join incident_perpetrator pa on pa.incident_id = i.id");
				}
				case SOURCE -> {
					expressions.add(onCells ? "i.dataset" : "ss.dataset");
					joins.append(onCells ? "" : " left join source_record ss on ss.incident_id = i.id");
				}
			}
		}
		List<String> selected = new ArrayList<>();
		for (int i = 0; i < expressions.size(); i++) {
			selected.add(expressions.get(i) + " as g" + i);
		}
		return new Grouping(expressions, selected, joins.toString());
	}

	/**
	 * The organization a perpetrator row counts as when grouped
	 * ({@link OrganizationFamilies#rollUps}): the one it was merged into and, with
	 * factions, its movement on the days it belongs to it; else itself. An incident
	 * naming a movement and its faction then falls in the movement's bucket once.
	 */
	private String countedAs(String alias, boolean includeFactions) {
		List<RollUp> rollUps = this.families.current().rollUps(includeFactions);
		if (rollUps.isEmpty()) {
			return alias + ".organization_id";
		}
		// The roll-ups of one organization and period share an in-list; the order of
		// their first appearance is kept, the dated before those of every day
		Map<List<Object>, Set<Long>> shared = new LinkedHashMap<>();
		rollUps
			.forEach((rollUp) -> shared.computeIfAbsent(List.of(rollUp.as(), rollUp.period()), (key) -> new TreeSet<>())
				.add(rollUp.id()));
		StringBuilder sql = new StringBuilder("case");
		shared.forEach((key, ids) -> {
			sql.append(" when ")
				.append(alias)
				.append(".organization_id in (")
				.append(ids.stream().map(String::valueOf).collect(Collectors.joining(", ")))
				.append(")");
			Period period = (Period) key.get(1);
			if (period.from() != null) {
				sql.append(" and i.date_start >= ").append(date(period.from()));
			}
			if (period.to() != null) {
				sql.append(" and i.date_start <= ").append(date(period.to()));
			}
			sql.append(" then cast(").append(key.get(0)).append(" as bigint)");
		});
		return sql.append(" else ").append(alias).append(".organization_id end").toString();
	}

	private record Grouping(List<String> expressions, List<String> selected, String joins) {
	}

	private static Row row(ResultSet rs, List<IncidentDimension> groupBy) throws SQLException {
		RowBuilder row = new RowBuilder();
		int column = 0;
		for (IncidentDimension dimension : groupBy) {
			String name = "g" + column++;
			switch (dimension) {
				case COUNTRY -> row.country = rs.getString(name);
				case REGION -> row.regionId = rs.getObject(name, Long.class);
				case REGION_AT_EVENT -> row.regionAtEventId = rs.getObject(name, Long.class);
				case YEAR -> row.year = integer(rs, name);
				case QUARTER -> row.quarter = integer(rs, name);
				case MONTH -> row.month = integer(rs, name);
				case KIND -> row.kind = IncidentKind.valueOf(rs.getString(name));
				case PERPETRATOR -> {
					row.organizationId = rs.getObject(name, Long.class);
					row.unresolvedName = rs.getString("g" + column++);
				}
				case ACTOR -> {
					row.actorId = rs.getObject(name, Long.class);
					row.unresolvedActor = rs.getString("g" + column++);
				}
				case SOURCE -> row.source = rs.getString(name);
			}
		}
		return new Row(row.country, row.regionId, row.regionAtEventId, row.year, row.quarter, row.month, row.kind,
				row.organizationId, row.unresolvedName, row.actorId, row.unresolvedActor, row.source,
				Math.toIntExact(rs.getLong("incidents")), sum(rs, "killed"), sum(rs, "injured"));
	}

	// EXTRACT gives an integer on H2 and a numeric on PostgreSQL
	private static Integer integer(ResultSet rs, String column) throws SQLException {
		int value = rs.getInt(column);
		return rs.wasNull() ? null : value;
	}

	private static Integer sum(ResultSet rs, String column) throws SQLException {
		long value = rs.getLong(column);
		return rs.wasNull() ? null : Math.toIntExact(value);
	}

	private static Bucket bucket(Key key, int incidents, Integer killed, Integer injured, Totals totals) {
		double incidentsShare = (double) incidents / totals.incidents();
		Double killedShare = (killed != null && totals.killed() != null && totals.killed() > 0)
				? (double) killed / totals.killed() : null;
		return new Bucket(key, incidents, killed, injured, incidentsShare, killedShare);
	}

	private static Comparator<Bucket> order(List<IncidentDimension> groupBy) {
		Comparator<Bucket> order = (a, b) -> 0;
		for (IncidentDimension dimension : groupBy) {
			order = order.thenComparing(switch (dimension) {
				case COUNTRY -> nullsLast(Key::country);
				case REGION -> nullsLast((key) -> (key.region() != null) ? key.region().name() : null);
				case REGION_AT_EVENT ->
					nullsLast((key) -> (key.regionAtEvent() != null) ? key.regionAtEvent().name() : null);
				case YEAR -> nullsLast(Key::year);
				case QUARTER -> nullsLast(Key::quarter);
				case MONTH -> nullsLast(Key::month);
				case KIND -> nullsLast(Key::kind);
				case PERPETRATOR -> nullsLast((key) -> (key.perpetrator() != null)
						? key.perpetrator().name().toLowerCase(Locale.ROOT) : null);
				case ACTOR ->
					nullsLast((key) -> (key.actor() != null) ? key.actor().name().toLowerCase(Locale.ROOT) : null);
				case SOURCE -> nullsLast(Key::source);
			});
		}
		return order;
	}

	private static <T extends Comparable<? super T>> Comparator<Bucket> nullsLast(Function<Key, T> value) {
		return Comparator.comparing((bucket) -> value.apply(bucket.key()),
				Comparator.nullsLast(Comparator.naturalOrder()));
	}

	// A cell's sum is unknown when none of its incidents' values is known
	private static Table cells(String table) {
		return new Table(table + " i", "coalesce(sum(i.incidents), 0)",
				"case when sum(i.killed_known) > 0 then sum(i.killed) end",
				"case when sum(i.injured_known) > 0 then sum(i.injured) end");
	}

	/** The table read, aliased {@code i}, and the expressions of the counts and sums. */
	private record Table(String from, String incidents, String killed, String injured) {
	}

	private record Row(String country, Long regionId, Long regionAtEventId, Integer year, Integer quarter,
			Integer month, IncidentKind kind, Long organizationId, String unresolvedName, Long actorId,
			String unresolvedActor, String source, int incidents, Integer killed, Integer injured) {
	}

	private static final class RowBuilder {

		String country;

		Long regionId;

		Long regionAtEventId;

		Integer year;

		Integer quarter;

		Integer month;

		IncidentKind kind;

		Long organizationId;

		String unresolvedName;

		Long actorId;

		String unresolvedActor;

		String source;

	}

}
