package org.incidentintel.domain.database;

import java.sql.SQLException;
import java.util.Set;

import com.zaxxer.hikari.SQLExceptionOverride;

/**
 * Tells the connection pool to drop a connection whose database has gone away. Hikari
 * evicts a connection on its own only for SQL states of class 08 (connection exception);
 * H2 reports a database it closed (after an {@link OutOfMemoryError}, a {@code SHUTDOWN}
 * or a failed disk write) with its own codes, so without this the pool would lend the
 * dead connections out again and again, and every request would fail until a restart. A
 * connection opened afterwards reopens the database file. Set as
 * {@code spring.datasource.hikari.exception-override-class-name}.
 */
public class DeadConnections implements SQLExceptionOverride {

	/**
	 * H2's codes for a connection that can never work again: the database is closed
	 * (90098), closing (90121), the connection is broken (90067), it ran out of memory
	 * (90108), or its file is corrupted (90030).
	 */
	static final Set<Integer> H2_FATAL = Set.of(90098, 90121, 90067, 90108, 90030);

	@java.lang.Override
	public Override adjudicate(SQLException failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof SQLException sql && H2_FATAL.contains(sql.getErrorCode())) {
				return Override.MUST_EVICT;
			}
		}
		return Override.CONTINUE_EVICT;
	}

}
