package org.incidentintel.domain.organization;

import java.util.function.Supplier;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The {@link OrganizationFamilies} of the database, loaded once and kept, so that asking
 * which organizations an organization stands for costs no statement. Merges and factions
 * change rarely, and only through a few writers: each calls
 * {@link #organizationsChanged()} (the reference data load, a curator's merge); a writer
 * in another process (the ETL's {@code reference} command while the API runs) is seen by
 * the next {@link #reload()}, which the API runs on a schedule.
 */
@Component
public class OrganizationFamiliesCache {

	private final Supplier<OrganizationFamilies> loader;

	private volatile OrganizationFamilies current;

	@Autowired
	public OrganizationFamiliesCache(JdbcTemplate jdbc) {
		this(() -> OrganizationFamilies.load(jdbc));
	}

	/**
	 * @param loader reads the families as they are now
	 */
	public OrganizationFamiliesCache(Supplier<OrganizationFamilies> loader) {
		this.loader = loader;
	}

	/** The families as last loaded; the first call loads them. */
	public OrganizationFamilies current() {
		OrganizationFamilies families = this.current;
		if (families == null) {
			families = this.loader.get();
			this.current = families;
		}
		return families;
	}

	/** Reads the families again, now. */
	public void reload() {
		this.current = this.loader.get();
	}

	/**
	 * To be called by every writer of merges or factions: reloads the families once the
	 * transaction commits (a reload before the commit would not see its changes), or now
	 * without one.
	 */
	public void organizationsChanged() {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					reload();
				}
			});
		}
		else {
			reload();
		}
	}

}
