package org.incidentintel.api.actuator;

import java.sql.SQLException;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import com.zaxxer.hikari.SQLExceptionOverride;

/**
 * Empties the pool when H2 says that its database was closed.
 * <p>
 * After H2 closed an embedded database (on an {@code OutOfMemoryError}, or a
 * {@code SHUTDOWN}) every statement on an open connection fails with
 * {@code 90098 The database has been closed}, yet {@code Connection.isValid()} still
 * answers true and the error's SQL state is not one Hikari takes for a broken connection:
 * without this, the pool would keep handing out the dead connections for ever. On such an
 * error every connection of the pool is evicted (those in use when they are returned), so
 * that the next requests open new ones, which reopen the database file.
 */
final class ClosedDatabaseEviction implements SQLExceptionOverride {

	/** H2's {@code DATABASE_IS_CLOSED}. */
	static final int DATABASE_IS_CLOSED = 90098;

	/** H2's {@code DATABASE_CALLED_AT_SHUTDOWN}. */
	static final int DATABASE_CALLED_AT_SHUTDOWN = 90121;

	private final HikariDataSource dataSource;

	ClosedDatabaseEviction(HikariDataSource dataSource) {
		this.dataSource = dataSource;
	}

	@java.lang.Override
	public Override adjudicate(SQLException ex) {
		if (!closed(ex)) {
			return Override.CONTINUE_EVICT;
		}
		HikariPoolMXBean pool = this.dataSource.getHikariPoolMXBean();
		if (pool != null) {
			pool.softEvictConnections();
		}
		return Override.MUST_EVICT;
	}

	static boolean closed(SQLException ex) {
		for (SQLException cause = ex; cause != null; cause = cause.getNextException()) {
			int code = cause.getErrorCode();
			if (code == DATABASE_IS_CLOSED || code == DATABASE_CALLED_AT_SHUTDOWN) {
				return true;
			}
		}
		return false;
	}

}
