package org.incidentintel.etl.load;

import java.util.Collection;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.ParameterizedPreparedStatementSetter;

/**
 * A JdbcTemplate that fails the Nth batch insert into {@code source_record}, once, as a
 * database outage in the middle of a load would. Disarmed, it is a plain JdbcTemplate.
 */
class FailingJdbcTemplate extends JdbcTemplate {

	private final AtomicInteger batchesUntilFailure = new AtomicInteger(-1);

	FailingJdbcTemplate(DataSource dataSource) {
		super(dataSource);
	}

	/** Fails the given batch insert (1-based) from now on, once. */
	void failInsertBatch(int batch) {
		this.batchesUntilFailure.set(batch);
	}

	void disarm() {
		this.batchesUntilFailure.set(-1);
	}

	@Override
	public <T> int[][] batchUpdate(String sql, Collection<T> batchArgs, int batchSize,
			ParameterizedPreparedStatementSetter<T> setter) {
		if (sql.startsWith("insert into source_record ") && this.batchesUntilFailure.get() > 0
				&& this.batchesUntilFailure.decrementAndGet() == 0) {
			throw new DataAccessResourceFailureException("simulated outage in the middle of the load");
		}
		return super.batchUpdate(sql, batchArgs, batchSize, setter);
	}

}
