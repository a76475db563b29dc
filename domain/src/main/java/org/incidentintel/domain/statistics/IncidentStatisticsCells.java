package org.incidentintel.domain.statistics;

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
		this.jdbc.update("update incident_statistics_state set cells_version = ? where id = 1", version);
		return true;
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
