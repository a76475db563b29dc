package org.incidentintel.api.organization;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.incidentintel.domain.organization.OrganizationFamiliesCache;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Reloads the {@link OrganizationFamiliesCache} every
 * {@code incidentintel.api.organization-families.refresh-interval} (one small statement):
 * merges and factions written by another process, such as the ETL's {@code reference}
 * command while the API runs, show within that interval. The API's own writers reload it
 * at once. Each API replica reloads its own copy (a read, nothing is rebuilt), so a
 * replica shows another's writes within the interval too.
 */
@Component
class OrganizationFamiliesRefresher implements InitializingBean, DisposableBean {

	private static final Log logger = LogFactory.getLog(OrganizationFamiliesRefresher.class);

	private final OrganizationFamiliesCache families;

	private final Duration interval;

	private ScheduledExecutorService executor;

	OrganizationFamiliesRefresher(OrganizationFamiliesCache families,
			@Value("${incidentintel.api.organization-families.refresh-interval:10s}") Duration interval) {
		this.families = families;
		this.interval = interval;
	}

	@Override
	public void afterPropertiesSet() {
		long millis = this.interval.toMillis();
		if (millis == 0) {
			return;
		}
		this.executor = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "organization-families-refresh");
			thread.setDaemon(true);
			return thread;
		});
		this.executor.scheduleWithFixedDelay(this::reload, millis, millis, TimeUnit.MILLISECONDS);
	}

	@Override
	public void destroy() {
		if (this.executor != null) {
			this.executor.shutdownNow();
		}
	}

	private void reload() {
		try {
			this.families.reload();
		}
		catch (RuntimeException ex) {
			// The database may be down: the families loaded last serve meanwhile
			logger.warn("Organization families not reloaded: " + ex.getMessage());
		}
	}

}
