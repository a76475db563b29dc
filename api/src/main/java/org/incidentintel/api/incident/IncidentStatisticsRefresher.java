package org.incidentintel.api.incident;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.incidentintel.domain.statistics.IncidentStatisticsCells;
import org.incidentintel.domain.statistics.IncidentStatisticsCells.Versions;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Rebuilds stale statistics cells in the background, every
 * {@code incidentintel.api.statistics.refresh-interval}: only once the data version has
 * not moved for one interval, so that a running load (which commits every chunk) is not
 * slowed by a rebuild after each chunk. Until then {@code incidentStatistics} answers
 * from the incidents. Several API processes (replicas) may run it: the row lock of
 * {@link IncidentStatisticsCells#refresh()} elects one to rebuild, and the others, once
 * it commits, find the cells fresh and do nothing (proved by
 * {@code PostgresIncidentStatisticsCellsIntegrationTests}).
 */
@Component
@EnableConfigurationProperties(IncidentStatisticsProperties.class)
class IncidentStatisticsRefresher implements InitializingBean, DisposableBean {

	private static final Log logger = LogFactory.getLog(IncidentStatisticsRefresher.class);

	private final IncidentStatisticsCells cells;

	private final IncidentStatisticsProperties properties;

	private ScheduledExecutorService executor;

	// The data version of the previous check: -1 before the first
	private long lastSeen = -1;

	IncidentStatisticsRefresher(IncidentStatisticsCells cells, IncidentStatisticsProperties properties) {
		this.cells = cells;
		this.properties = properties;
	}

	@Override
	public void afterPropertiesSet() {
		long interval = this.properties.refreshInterval().toMillis();
		if (interval == 0 || !this.properties.cells()) {
			return;
		}
		this.executor = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "statistics-refresh");
			thread.setDaemon(true);
			return thread;
		});
		this.executor.scheduleWithFixedDelay(this::check, interval, interval, TimeUnit.MILLISECONDS);
	}

	@Override
	public void destroy() {
		if (this.executor != null) {
			this.executor.shutdownNow();
		}
	}

	/** One check: rebuilds the cells if they are stale and the incidents stood still. */
	void check() {
		try {
			Versions versions = this.cells.versions();
			long seen = this.lastSeen;
			this.lastSeen = versions.dataVersion();
			if (versions.fresh() || versions.dataVersion() != seen) {
				return;
			}
			long started = System.nanoTime();
			if (this.cells.refresh()) {
				logger.info("Statistics cells rebuilt in " + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)
						+ " ms");
			}
		}
		catch (RuntimeException ex) {
			// The database may be down: the next check tries again; requests answer from
			// the incidents meanwhile
			logger.warn("Statistics cells not refreshed: " + ex.getMessage());
		}
	}

}
