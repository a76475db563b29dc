package org.incidentintel.domain.statistics;

import java.util.ArrayList;
import java.util.List;

import org.incidentintel.domain.incident.Perpetrators;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The incident statistics cells (table {@code incident_statistics_cell}, see
 * {@code V7__incident_statistics.sql}): incidents counted and casualties summed per day
 * range, country, region, region at the event and kind, rebuilt whole from table
 * {@code incident}; and the month cells ({@code incident_statistics_month_cell}), the
 * same summed per start month and end month, rebuilt from the day cells in the same
 * transaction, so both are fresh or stale together.
 * <p>
 * The perpetrator cells ({@code perpetrator_statistics_cell}, see
 * {@code V11__perpetrator_statistics.sql}) count the same per day range and perpetrator
 * set, whole and per dataset, for the statistics of an organization's incidents.
 * <p>
 * Freshness without triggers: every transaction that writes incident rows calls
 * {@link #incidentsChanged()} once (not once per row); {@link #refresh()} rebuilds the
 * cells and records the data version it rebuilt from. A reader may use the cells only
 * while {@link #versions()} says they are {@linkplain Versions#fresh() fresh}.
 */
@Service
public class IncidentStatisticsCells {

	/** The cells' columns, and how each is computed from the incidents. */
	private static final String REBUILD = "insert into incident_statistics_cell (date_start, date_end, country, "
			+ "region_id, region_at_event_id, kind, incidents, killed, killed_known, injured, injured_known) "
			+ "select date_start, date_end, country, region_id, region_at_event_id, kind, count(*), "
			+ "coalesce(sum(killed), 0), count(killed), coalesce(sum(injured), 0), count(injured) from incident "
			+ "group by date_start, date_end, country, region_id, region_at_event_id, kind";

	/**
	 * The month cells from the day cells: each date becomes the first day of its month
	 * (PostgreSQL's date_trunc gives a timestamp, H2's a date: both cast back to a date).
	 */
	private static final String REBUILD_MONTHS = "insert into incident_statistics_month_cell (date_start, date_end, "
			+ "country, region_id, region_at_event_id, kind, incidents, killed, killed_known, injured, injured_known) "
			+ "select m.date_start, m.date_end, m.country, m.region_id, m.region_at_event_id, m.kind, sum(m.incidents), "
			+ "sum(m.killed), sum(m.killed_known), sum(m.injured), sum(m.injured_known) from (select "
			+ "cast(date_trunc('month', date_start) as date) as date_start, "
			+ "cast(date_trunc('month', date_end) as date) as date_end, country, region_id, region_at_event_id, kind, "
			+ "incidents, killed, killed_known, injured, injured_known from incident_statistics_cell) m "
			+ "group by m.date_start, m.date_end, m.country, m.region_id, m.region_at_event_id, m.kind";

	/**
	 * Each incident's perpetrator set ({@link Perpetrators}' rule): its perpetrators'
	 * organization ids in ascending order, comma-separated (string_agg: both databases).
	 */
	private static final String PERPETRATOR_SETS = "(select d.incident_id, string_agg(cast(d.organization_id as "
			+ "varchar(20)), ',' order by d.organization_id) as perpetrator_set from (select distinct p.incident_id, "
			+ "p.organization_id from incident_perpetrator p where p.organization_id is not null and "
			+ Perpetrators.sqlCondition("p") + ") d group by d.incident_id) x";

	private static final String PERPETRATOR_CELL_COLUMNS = "insert into perpetrator_statistics_cell (perpetrator_set, "
			+ "whole, dataset, date_start, date_end, country, region_id, region_at_event_id, kind, incidents, killed, "
			+ "killed_known, injured, injured_known) ";

	private static final String DAYS = "i.date_start, i.date_end, i.country, i.region_id, i.region_at_event_id, "
			+ "i.kind";

	private static final String CELL_KEY = "m.date_start, m.date_end, m.country, m.region_id, m.region_at_event_id, "
			+ "m.kind";

	private static final String CELL_SUMS = "count(*), coalesce(sum(m.killed), 0), count(m.killed), "
			+ "coalesce(sum(m.injured), 0), count(m.injured)";

	/** The perpetrator cells of whole incidents, with their merged figures. */
	private static final String REBUILD_PERPETRATORS = PERPETRATOR_CELL_COLUMNS + "select m.perpetrator_set, true, "
			+ "null, " + CELL_KEY + ", " + CELL_SUMS + " from (select x.perpetrator_set, " + DAYS
			+ ", i.killed, i.injured from incident i join " + PERPETRATOR_SETS + " on x.incident_id = i.id) m "
			+ "group by m.perpetrator_set, " + CELL_KEY;

	/**
	 * The perpetrator cells per dataset: each dataset's own figures for the incident, the
	 * largest of its records' values (as the API's live SOURCE grouping).
	 */
	private static final String REBUILD_PERPETRATOR_SOURCES = PERPETRATOR_CELL_COLUMNS
			+ "select m.perpetrator_set, false, m.dataset, " + CELL_KEY + ", " + CELL_SUMS
			+ " from (select x.perpetrator_set, s.dataset, " + DAYS + ", s.killed, s.injured from incident i join "
			+ PERPETRATOR_SETS + " on x.incident_id = i.id left join (select incident_id, dataset, "
			+ "max(killed) as killed, max(injured) as injured from source_record group by incident_id, dataset) s "
			+ "on s.incident_id = i.id) m group by m.perpetrator_set, m.dataset, " + CELL_KEY;

	private final JdbcTemplate jdbc;

	private final JdbcTemplate rebuild;

	public IncidentStatisticsCells(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
		// A rebuild reads every incident: the API's query timeout (meant for one request)
		// does not apply to it
		this.rebuild = new JdbcTemplate(jdbc.getDataSource());
	}

	/**
	 * Marks the cells stale: to be called once by every transaction that inserts, updates
	 * or deletes incident rows, before it commits (best last, as the state row stays
	 * locked until the commit). It must run in that transaction, so that the rows and the
	 * new version commit together.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void incidentsChanged() {
		this.jdbc.update("update incident_statistics_state set data_version = data_version + 1 where id = 1");
	}

	/** Both versions, read in one statement. */
	public Versions versions() {
		return this.jdbc.queryForObject(
				"select data_version, cells_version from incident_statistics_state where id = 1",
				(rs, row) -> new Versions(rs.getLong("data_version"), rs.getLong("cells_version")));
	}

	/**
	 * Rebuilds the cells if they are stale, in one transaction; refreshes run one at a
	 * time.
	 * @return whether the cells were rebuilt (false: they were fresh already)
	 */
	@Transactional
	public boolean refresh() {
		// One refresh at a time: two concurrent rebuilds would both insert the cells, and
		// an older one finishing last could set cells_version back
		this.jdbc.queryForObject("select id from incident_statistics_refresh where id = 1 for update", Long.class);
		Versions versions = versions();
		if (versions.fresh()) {
			return false;
		}
		// Why reading the version before the rebuild is safe under READ COMMITTED: a
		// writer's rows and its increment commit together. Every write the rebuild below
		// sees committed before it started; a write it does not see committed after that,
		// so after the version was read, and made data_version greater than this one: the
		// cells stay stale until the next refresh. Reading the version after the rebuild
		// would wrongly count writes committed in between that the rebuild missed.
		long version = versions.dataVersion();
		this.rebuild.update("delete from incident_statistics_cell");
		this.rebuild.update(REBUILD);
		this.rebuild.update("delete from incident_statistics_month_cell");
		this.rebuild.update(REBUILD_MONTHS);
		rebuildPerpetratorCells();
		this.jdbc.update("update incident_statistics_state set cells_version = ? where id = 1", version);
		return true;
	}

	private void rebuildPerpetratorCells() {
		this.rebuild.update("delete from perpetrator_statistics_cell");
		this.rebuild.update("delete from perpetrator_set_member");
		this.rebuild.update(REBUILD_PERPETRATORS);
		this.rebuild.update(REBUILD_PERPETRATOR_SOURCES);
		// The sets are a few thousand strings: split here rather than in two dialects of
		// SQL
		List<Object[]> members = new ArrayList<>();
		this.rebuild.query("select distinct perpetrator_set from perpetrator_statistics_cell", (rs) -> {
			String set = rs.getString(1);
			for (String id : set.split(",")) {
				members.add(new Object[] { set, Long.parseLong(id) });
			}
		});
		this.rebuild.batchUpdate("insert into perpetrator_set_member (perpetrator_set, organization_id) values (?, ?)",
				members);
	}

	/** How many day cells there are (for logs and tests). */
	public long size() {
		return this.jdbc.queryForObject("select count(*) from incident_statistics_cell", Long.class);
	}

	/** How many month cells there are (for logs and tests). */
	public long monthSize() {
		return this.jdbc.queryForObject("select count(*) from incident_statistics_month_cell", Long.class);
	}

	/**
	 * The versions of the incident data and of the cells.
	 *
	 * @param dataVersion incremented by every transaction that writes incident rows
	 * @param cellsVersion the data version the cells were last rebuilt from
	 */
	public record Versions(long dataVersion, long cellsVersion) {

		/** Whether the cells count exactly the incidents as they are now. */
		public boolean fresh() {
			return this.dataVersion == this.cellsVersion;
		}

	}

}
