package org.incidentintel.domain.statistics;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.incidentintel.domain.statistics.IncidentStatisticsCells.Versions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * What the statistics cells and their versions must do on every supported database: the
 * rebuild's counts and sums, staleness after a write, and, under concurrent writers and
 * refreshes, that cells marked fresh always count exactly the incidents of the same
 * snapshot. Subclasses pick the database.
 */
abstract class IncidentStatisticsCellsContract {

	@Autowired
	IncidentStatisticsCells cells;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	DataSource dataSource;

	@Autowired
	PlatformTransactionManager transactionManager;

	@BeforeEach
	void empty() {
		for (String table : List.of("incident_perpetrator", "incident_attack_type", "incident_target",
				"source_record_actor", "source_record", "incident")) {
			this.jdbc.update("delete from " + table);
		}
		inTransaction(this.cells::incidentsChanged);
	}

	@Test
	void aRefreshCountsAndSumsTheIncidentsPerDayRangeCountryRegionAndKind() {
		insert("2012-03-01", "2012-03-01", "PAK", "ATTACK", 5, 10);
		insert("2012-03-01", "2012-03-01", "PAK", "ATTACK", null, 2);
		insert("2012-03-01", "2012-03-01", "PAK", "ATTACK", 7, null);
		insert("2012-03-01", "2012-03-07", "PAK", "ATTACK", null, null);
		insert("2012-03-01", "2012-03-01", "AFG", "CLASH", null, null);
		inTransaction(this.cells::incidentsChanged);
		assertThat(this.cells.versions().fresh()).isFalse();

		assertThat(this.cells.refresh()).isTrue();

		assertThat(this.cells.versions().fresh()).isTrue();
		assertThat(this.cells.size()).isEqualTo(3);
		Map<String, Object> day = this.jdbc
			.queryForMap("select incidents, killed, killed_known, injured, injured_known "
					+ "from incident_statistics_cell where country = 'PAK' and date_end = date_start");
		assertThat(day).containsEntry("incidents", 3)
			.containsEntry("killed", 12L)
			.containsEntry("killed_known", 2)
			.containsEntry("injured", 12L)
			.containsEntry("injured_known", 2);
		Map<String, Object> unknown = this.jdbc
			.queryForMap("select incidents, killed, killed_known from incident_statistics_cell where country = 'AFG'");
		assertThat(unknown).containsEntry("incidents", 1).containsEntry("killed", 0L).containsEntry("killed_known", 0);
	}

	@Test
	void aRefreshSumsTheDayCellsPerStartMonthAndEndMonth() {
		insert("2012-03-01", "2012-03-01", "PAK", "ATTACK", 5, 10);
		insert("2012-03-31", "2012-03-31", "PAK", "ATTACK", null, 2);
		insert("2012-03-15", "2012-03-20", "PAK", "ATTACK", 7, null);
		insert("2012-03-30", "2012-04-02", "PAK", "ATTACK", 1, 1);
		insert("2012-04-01", "2012-04-01", "PAK", "ATTACK", 3, 3);
		insert("2012-02-29", "2012-02-29", "PAK", "ATTACK", null, null);
		inTransaction(this.cells::incidentsChanged);

		assertThat(this.cells.refresh()).isTrue();

		assertThat(this.cells.size()).isEqualTo(6);
		assertThat(this.cells.monthSize()).isEqualTo(4);
		Map<String, Object> march = this.jdbc
			.queryForMap("select incidents, killed, killed_known, injured, injured_known "
					+ "from incident_statistics_month_cell where date_start = date '2012-03-01' "
					+ "and date_end = date '2012-03-01'");
		assertThat(march).containsEntry("incidents", 3)
			.containsEntry("killed", 12L)
			.containsEntry("killed_known", 2)
			.containsEntry("injured", 12L)
			.containsEntry("injured_known", 2);
		assertThat(this.jdbc.queryForObject("select incidents from incident_statistics_month_cell "
				+ "where date_start = date '2012-03-01' and date_end = date '2012-04-01'", Integer.class))
			.isEqualTo(1);
		assertThat(this.jdbc.queryForObject("select incidents from incident_statistics_month_cell "
				+ "where date_start = date '2012-04-01' and date_end = date '2012-04-01'", Integer.class))
			.isEqualTo(1);
		assertThat(this.jdbc.queryForMap("select incidents, killed_known, injured_known "
				+ "from incident_statistics_month_cell where date_start = date '2012-02-01'"))
			.containsEntry("incidents", 1)
			.containsEntry("killed_known", 0)
			.containsEntry("injured_known", 0);
	}

	@Test
	void aWriteMakesTheCellsStaleAndTheNextRefreshFreshAgain() {
		insert("2012-03-01", "2012-03-01", "PAK", "ATTACK", 5, 10);
		inTransaction(this.cells::incidentsChanged);
		this.cells.refresh();
		Versions fresh = this.cells.versions();
		assertThat(fresh.fresh()).isTrue();
		assertThat(this.cells.refresh()).as("nothing to do when fresh").isFalse();

		inTransaction(() -> {
			insert("2012-03-02", "2012-03-02", "PAK", "ATTACK", 1, 1);
			this.cells.incidentsChanged();
		});
		Versions stale = this.cells.versions();
		assertThat(stale.fresh()).isFalse();
		assertThat(stale.dataVersion()).isEqualTo(fresh.dataVersion() + 1);
		assertThat(cellTotal("incident_statistics_cell")).isEqualTo(1);
		assertThat(cellTotal("incident_statistics_month_cell")).isEqualTo(1);

		assertThat(this.cells.refresh()).isTrue();
		assertThat(this.cells.versions()).isEqualTo(new Versions(stale.dataVersion(), stale.dataVersion()));
		assertThat(cellTotal("incident_statistics_cell")).isEqualTo(2);
		assertThat(cellTotal("incident_statistics_month_cell")).isEqualTo(2);
	}

	@Test
	void aWriterMustMarkTheCellsStaleInItsOwnTransaction() {
		assertThatExceptionOfType(IllegalTransactionStateException.class)
			.isThrownBy(() -> this.cells.incidentsChanged());
	}

	@Test
	void cellsMarkedFreshCountExactlyTheIncidentsUnderConcurrentWritersAndRefreshes() throws Exception {
		int writers = 3;
		int transactionsPerWriter = 100;
		AtomicBoolean writing = new AtomicBoolean(true);
		AtomicInteger freshChecks = new AtomicInteger();
		AtomicInteger staleChecks = new AtomicInteger();
		ExecutorService pool = Executors.newFixedThreadPool(writers + 2);
		try {
			List<Future<?>> tasks = new ArrayList<>();
			for (int w = 0; w < writers; w++) {
				int writer = w;
				tasks.add(pool.submit(() -> {
					for (int t = 0; t < transactionsPerWriter; t++) {
						int transaction = t;
						// Each transaction writes incident rows (insert, update, delete),
						// then
						// marks the cells stale, as the ETL's chunks do
						inTransaction(() -> {
							LocalDate day = LocalDate.of(2010, 1, 1).plusDays(transaction % 20);
							insert(day.toString(), day.toString(), (writer % 2 == 0) ? "PAK" : "AFG", "ATTACK",
									transaction, null);
							insert(day.toString(), day.plusDays(1).toString(), "PAK", "CLASH", null, writer);
							this.jdbc.update(
									"update incident set killed = coalesce(killed, 0) + 1 "
											+ "where id = (select min(id) from incident where country = ?)",
									(writer % 2 == 0) ? "PAK" : "AFG");
							if (transaction % 5 == 4) {
								this.jdbc.update("delete from incident where id = (select max(id) from incident "
										+ "where kind = 'CLASH')");
							}
							this.cells.incidentsChanged();
						});
					}
					return null;
				}));
			}
			Future<?> refresher = pool.submit(() -> {
				while (writing.get()) {
					this.cells.refresh();
				}
				return null;
			});
			Future<?> checker = pool.submit(() -> {
				while (writing.get()) {
					check(freshChecks, staleChecks);
				}
				return null;
			});
			for (Future<?> task : tasks) {
				task.get(120, TimeUnit.SECONDS);
			}
			writing.set(false);
			refresher.get(60, TimeUnit.SECONDS);
			checker.get(60, TimeUnit.SECONDS);
		}
		finally {
			pool.shutdownNow();
		}
		this.cells.refresh();
		check(freshChecks, staleChecks);
		assertThat(this.cells.versions().fresh()).isTrue();
		assertThat(freshChecks).as("checks that found the cells fresh").hasPositiveValue();
	}

	// In one snapshot (repeatable read; snapshot on H2): the versions, the day and month
	// cells' totals and the incidents' totals; when the versions say fresh, all three
	// must
	// agree
	private void check(AtomicInteger freshChecks, AtomicInteger staleChecks) throws Exception {
		try (Connection connection = this.dataSource.getConnection()) {
			connection.setAutoCommit(false);
			connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
			try (Statement statement = connection.createStatement()) {
				if (connection.getMetaData().getDatabaseProductName().equals("H2")) {
					// H2's repeatable read lets new rows appear; its snapshot level does
					// not
					statement.execute("set session characteristics as transaction isolation level snapshot");
				}
				List<Long> versions = row(statement,
						"select data_version, cells_version from incident_statistics_state where id = 1");
				List<Long> fromCells = row(statement, "select coalesce(sum(incidents), 0), coalesce(sum(killed), 0), "
						+ "coalesce(sum(killed_known), 0), coalesce(sum(injured), 0) from incident_statistics_cell");
				List<Long> fromMonthCells = row(statement,
						"select coalesce(sum(incidents), 0), "
								+ "coalesce(sum(killed), 0), coalesce(sum(killed_known), 0), coalesce(sum(injured), 0) "
								+ "from incident_statistics_month_cell");
				List<Long> fromIncidents = row(statement, "select count(*), coalesce(sum(killed), 0), count(killed), "
						+ "coalesce(sum(injured), 0) from incident");
				if (versions.get(0).equals(versions.get(1))) {
					freshChecks.incrementAndGet();
					assertThat(fromCells).as("cells marked fresh at version " + versions.get(0))
						.isEqualTo(fromIncidents);
					assertThat(fromMonthCells).as("month cells marked fresh at version " + versions.get(0))
						.isEqualTo(fromIncidents);
				}
				else {
					staleChecks.incrementAndGet();
				}
			}
			connection.rollback();
		}
	}

	private static List<Long> row(Statement statement, String sql) throws Exception {
		try (ResultSet rs = statement.executeQuery(sql)) {
			rs.next();
			List<Long> values = new ArrayList<>();
			for (int column = 1; column <= rs.getMetaData().getColumnCount(); column++) {
				values.add(rs.getLong(column));
			}
			return values;
		}
	}

	private long cellTotal(String table) {
		return this.jdbc.queryForObject("select coalesce(sum(incidents), 0) from " + table, Long.class);
	}

	private void insert(String start, String end, String country, String kind, Integer killed, Integer injured) {
		this.jdbc.update("insert into incident (date_start, date_end, date_precision, kind, country, killed, injured, "
				+ "created_at, updated_at) values (?, ?, 'DAY', ?, ?, ?, ?, current_timestamp, current_timestamp)",
				LocalDate.parse(start), LocalDate.parse(end), kind, country, killed, injured);
	}

	private void inTransaction(Runnable work) {
		new TransactionTemplate(this.transactionManager).executeWithoutResult((status) -> work.run());
	}

}
