package org.incidentintel.api.incident;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

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
import org.incidentintel.domain.statistics.IncidentStatisticsCells;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Computes {@code incidentStatistics} in the database: one statement for the totals, one
 * GROUP BY statement for the buckets, and one each for the regions and organizations the
 * bucket keys name.
 * <p>
 * Without a grouping by perpetrator or source every incident falls in exactly one bucket:
 * the totals are then the buckets' sums, and one statement reads the incidents once.
 * <p>
 * Actors and datasets join through distinct (incident, actor) and (incident, dataset)
 * pairs, so an incident counts, and its casualties add up, once per bucket even when it
 * names the same actor twice or several records of one dataset report it.
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

	// Distinct (incident, organization or unresolved name) pairs: of the perpetrators
	// only
	// (Perpetrators), or of every actor
	private static final String PERPETRATORS = actors("pp", Perpetrators.sqlCondition("p"));

	private static final String ACTORS = actors("pa", "1 = 1");

	// Each dataset's own figures for the incident: the largest of its records' values
	// (the
	// records of one dataset in one incident report the same event)
	private static final String SOURCES = " left join (select incident_id, dataset, max(killed) as killed, "
			+ "max(injured) as injured from source_record group by incident_id, dataset) ss on ss.incident_id = i.id";

	// The dimensions that put each incident in exactly one bucket
	private static final Set<IncidentDimension> SINGLE_VALUED = EnumSet.of(IncidentDimension.COUNTRY,
			IncidentDimension.REGION, IncidentDimension.REGION_AT_EVENT, IncidentDimension.YEAR,
			IncidentDimension.QUARTER, IncidentDimension.MONTH, IncidentDimension.KIND);

	// What the statements count and add up, on the incidents or on the cells. A cell's
	// sum is unknown when none of its incidents' values is known (SQL's sum over them)
	private static final Table INCIDENTS = new Table("incident i", "count(*)", "sum(i.killed)", "sum(i.injured)");

	private static final Table DAY_CELLS = cells("incident_statistics_cell");

	private static final Table MONTH_CELLS = cells("incident_statistics_month_cell");

	private final NamedParameterJdbcTemplate jdbc;

	private final Regions regions;

	private final Organizations organizations;

	private final IncidentStatisticsCells cells;

	private final IncidentStatisticsProperties properties;

	IncidentStatisticsQuery(NamedParameterJdbcTemplate jdbc, Regions regions, Organizations organizations,
			IncidentStatisticsCells cells, IncidentStatisticsProperties properties) {
		this.jdbc = jdbc;
		this.regions = regions;
		this.organizations = organizations;
		this.cells = cells;
		this.properties = properties;
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
	IncidentStatistics statistics(Condition where, boolean cellsCanAnswer, List<IncidentDimension> groupBy) {
		boolean singleValued = SINGLE_VALUED.containsAll(groupBy);
		Table table = source(where, cellsCanAnswer, groupBy);
		if (!groupBy.isEmpty() && singleValued) {
			List<Row> rows = groupedRows(table, where, groupBy);
			Totals totals = totalsOf(rows);
			if (totals.incidents() == 0) {
				return new IncidentStatistics(totals, List.of());
			}
			return grouped(totals, rows, groupBy);
		}
		Totals totals = this.jdbc.queryForObject(
				"select " + table.incidents() + " as incidents, " + table.killed() + " as killed, " + table.injured()
						+ " as injured from " + table.from() + " where " + where.sql(),
				where.parameters(), (rs, row) -> new Totals(Math.toIntExact(rs.getLong("incidents")), sum(rs, "killed"),
						sum(rs, "injured")));
		if (totals.incidents() == 0) {
			return new IncidentStatistics(totals, List.of());
		}
		if (groupBy.isEmpty()) {
			Key none = new Key(null, null, null, null, null, null, null, null, null, null);
			return new IncidentStatistics(totals,
					List.of(bucket(none, totals.incidents(), totals.killed(), totals.injured(), totals)));
		}
		return grouped(totals, groupedRows(table, where, groupBy), groupBy);
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
		if (rows.size() > MAX_BUCKETS) {
			throw ApiException.limitExceeded(
					"more than " + MAX_BUCKETS + " buckets: narrow the filter or group by fewer or coarser dimensions",
					"groupBy");
		}
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
		Map<Long, Region> regionsById = this.regions.findByIds(regionIds);
		Map<Long, Organization> organizationsById = this.organizations.findByIds(organizationIds);
		List<Bucket> buckets = new ArrayList<>();
		for (Row row : rows) {
			Key key = new Key(row.country(), (row.regionId() != null) ? regionsById.get(row.regionId()) : null,
					(row.regionAtEventId() != null) ? regionsById.get(row.regionAtEventId()) : null, row.year(),
					row.quarter(), row.month(), row.kind(),
					perpetrator(row.organizationId(), row.unresolvedName(), organizationsById),
					perpetrator(row.actorId(), row.unresolvedActor(), organizationsById), row.source());
			buckets.add(bucket(key, row.incidents(), row.killed(), row.injured(), totals));
		}
		buckets.sort(order(groupBy));
		return new IncidentStatistics(totals, buckets);
	}

	private static Perpetrator perpetrator(Long organizationId, String unresolvedName,
			Map<Long, Organization> organizationsById) {
		if (organizationId != null && organizationsById.containsKey(organizationId)) {
			Organization organization = organizationsById.get(organizationId);
			return new Perpetrator(organization.name(), organization);
		}
		return (unresolvedName != null) ? new Perpetrator(unresolvedName, null) : null;
	}

	private List<Row> groupedRows(Table table, Condition where, List<IncidentDimension> groupBy) {
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
					expressions.add("pp.organization_id");
					expressions.add("pp.unresolved_name");
					joins.append(PERPETRATORS);
				}
				case ACTOR -> {
					expressions.add("pa.organization_id");
					expressions.add("pa.unresolved_name");
					joins.append(ACTORS);
				}
				case SOURCE -> {
					expressions.add("ss.dataset");
					joins.append(SOURCES);
				}
			}
		}
		List<String> selected = new ArrayList<>();
		for (int i = 0; i < expressions.size(); i++) {
			selected.add(expressions.get(i) + " as g" + i);
		}
		// Grouped by source, a bucket adds up the source's own figures
		boolean ownFigures = groupBy.contains(IncidentDimension.SOURCE);
		String sql = "select " + String.join(", ", selected) + ", " + table.incidents() + " as incidents, "
				+ (ownFigures ? "sum(ss.killed)" : table.killed()) + " as killed, "
				+ (ownFigures ? "sum(ss.injured)" : table.injured()) + " as injured from " + table.from() + joins
				+ " where " + where.sql() + " group by " + String.join(", ", expressions) + " limit :bucketLimit";
		Map<String, Object> parameters = new HashMap<>(where.parameters());
		parameters.put("bucketLimit", MAX_BUCKETS + 1);
		return this.jdbc.query(sql, parameters, (rs, number) -> row(rs, groupBy));
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

	private static String actors(String alias, String condition) {
		return " left join (select distinct p.incident_id, p.organization_id, "
				+ "case when p.organization_id is null then p.name_as_reported end as unresolved_name "
				+ "from incident_perpetrator p where " + condition + ") " + alias + " on " + alias
				+ ".incident_id = i.id";
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
