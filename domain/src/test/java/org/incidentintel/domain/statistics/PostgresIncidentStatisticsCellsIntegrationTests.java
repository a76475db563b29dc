package org.incidentintel.domain.statistics;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.incidentintel.testing.PostgresContainerConfiguration;
import org.incidentintel.testing.RequiresDocker;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The statistics cells on PostgreSQL, the production database, in the shared container.
 */
@SpringBootTest
@Import(PostgresContainerConfiguration.class)
@RequiresDocker
class PostgresIncidentStatisticsCellsIntegrationTests extends IncidentStatisticsCellsContract {

	/**
	 * API replicas each run a refresher on one database: the row lock on
	 * {@code incident_statistics_refresh} elects one to rebuild, and the other, once the
	 * lock is free, finds the cells fresh and does nothing. Two sessions of the pool
	 * stand for the two replicas (the database sees sessions, not processes); a third
	 * holds the lock, as a refresh in progress would, until both wait on it.
	 */
	@Test
	void ofTwoReplicasRefreshingAtOnceOneRebuildsAndTheOtherFindsTheCellsFresh() throws Exception {
		new TransactionTemplate(this.transactionManager)
			.executeWithoutResult((status) -> this.cells.incidentsChanged());
		ExecutorService replicas = Executors.newFixedThreadPool(2);
		try {
			List<Future<Boolean>> refreshes = new TransactionTemplate(this.transactionManager).execute((status) -> {
				this.jdbc.queryForObject("select id from incident_statistics_refresh where id = 1 for update",
						Long.class);
				List<Future<Boolean>> started = List.of(replicas.submit(this.cells::refresh),
						replicas.submit(this.cells::refresh));
				await().atMost(Duration.ofSeconds(60)).until(() -> sessionsWaitingForTheRefreshLock() == 2);
				return started;
			});

			List<Boolean> rebuilt = List.of(refreshes.get(0).get(60, TimeUnit.SECONDS),
					refreshes.get(1).get(60, TimeUnit.SECONDS));
			assertThat(rebuilt).containsExactlyInAnyOrder(true, false);
			assertThat(this.cells.versions().fresh()).isTrue();
		}
		finally {
			replicas.shutdownNow();
		}
	}

	private long sessionsWaitingForTheRefreshLock() {
		return this.jdbc.queryForObject(
				"select count(*) from pg_stat_activity where datname = current_database() "
						+ "and wait_event_type = 'Lock' and query like '%from incident_statistics_refresh%for update%'",
				Long.class);
	}

}
