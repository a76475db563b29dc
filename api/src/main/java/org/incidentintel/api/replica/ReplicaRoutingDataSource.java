package org.incidentintel.api.replica;

import java.util.Map;

import javax.sql.DataSource;

import org.springframework.jdbc.datasource.LazyConnectionDataSourceProxy;
import org.springframework.jdbc.datasource.lookup.AbstractRoutingDataSource;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Chooses the database of each new connection: the replica for {@link ReplicaReads}
 * outside any transaction or in a read-only one, the primary for everything else. A
 * read-write transaction begun during a query (a write anywhere) gets the primary.
 * <p>
 * It is used behind a {@link LazyConnectionDataSourceProxy} ({@link #of}): a transaction
 * manager asks for its connection before it marks the transaction active and read-only,
 * so the choice is put off until the first statement, when both are known.
 */
final class ReplicaRoutingDataSource extends AbstractRoutingDataSource {

	enum Target {

		PRIMARY, REPLICA

	}

	private ReplicaRoutingDataSource(DataSource primary, DataSource replica) {
		setTargetDataSources(Map.of(Target.PRIMARY, primary, Target.REPLICA, replica));
		setDefaultTargetDataSource(primary);
		setLenientFallback(false);
		afterPropertiesSet();
	}

	/**
	 * The data source the application uses when a replica is configured.
	 * @param primary the primary's pool
	 * @param replica the replica's pool
	 * @return a data source routing as described above
	 */
	static DataSource of(DataSource primary, DataSource replica) {
		// The proxy learns a connection's defaults (auto-commit, isolation) from one of
		// the
		// primary at start-up, and then answers for them itself: a transaction's begin
		// asks
		// for them before the transaction is marked active, too early to route
		LazyConnectionDataSourceProxy proxy = new LazyConnectionDataSourceProxy(
				new ReplicaRoutingDataSource(primary, replica));
		return proxy;
	}

	@Override
	protected Object determineCurrentLookupKey() {
		return target();
	}

	static Target target() {
		if (!ReplicaReads.active()) {
			return Target.PRIMARY;
		}
		boolean writing = TransactionSynchronizationManager.isActualTransactionActive()
				&& !TransactionSynchronizationManager.isCurrentTransactionReadOnly();
		return writing ? Target.PRIMARY : Target.REPLICA;
	}

}
