package org.incidentintel.etl.load;

import java.util.Collection;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import javax.sql.DataSource;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.ParameterizedPreparedStatementSetter;
import org.springframework.jdbc.core.PreparedStatementCreator;
import org.springframework.jdbc.core.SqlProvider;
import org.springframework.jdbc.support.KeyHolder;

/**
 * A JdbcTemplate that fails the Nth insert into {@code source_record} (batched or COPY),
 * once, as a database outage in the middle of a load would: after the chunk's incidents
 * are written, before its records are. It can also run an action just before an insert
 * into {@code source_record} (another run committing the same records: the race of two
 * loads of one dataset). Disarmed, it is a plain JdbcTemplate.
 */
class FailingJdbcTemplate extends JdbcTemplate {

	private final AtomicInteger batchesUntilFailure = new AtomicInteger(-1);

	private final AtomicReference<Runnable> beforeRecordInsert = new AtomicReference<>();

	FailingJdbcTemplate(DataSource dataSource) {
		super(dataSource);
	}

	/** Fails the given batch insert (1-based) from now on, once. */
	void failInsertBatch(int batch) {
		this.batchesUntilFailure.set(batch);
	}

	/**
	 * Runs {@code action} once, just before the next insert into {@code source_record}:
	 * in the chunk's transaction, after its look-up of the records already loaded.
	 */
	void beforeNextRecordInsert(Runnable action) {
		this.beforeRecordInsert.set(action);
	}

	void disarm() {
		this.batchesUntilFailure.set(-1);
		this.beforeRecordInsert.set(null);
	}

	@Override
	public <T> int[][] batchUpdate(String sql, Collection<T> batchArgs, int batchSize,
			ParameterizedPreparedStatementSetter<T> setter) {
		failIfDue(sql);
		return super.batchUpdate(sql, batchArgs, batchSize, setter);
	}

	@Override
	public int[] batchUpdate(PreparedStatementCreator creator, BatchPreparedStatementSetter setter,
			KeyHolder generatedKeys) {
		failIfDue((creator instanceof SqlProvider provider) ? provider.getSql() : "");
		return super.batchUpdate(creator, setter, generatedKeys);
	}

	@Override
	public <T> T execute(ConnectionCallback<T> action) {
		failIfDue((action instanceof SqlProvider provider) ? provider.getSql() : "");
		return super.execute(action);
	}

	private void failIfDue(String sql) {
		boolean recordInsert = sql.startsWith("insert into source_record ") || sql.startsWith("copy source_record ");
		Runnable action = recordInsert ? this.beforeRecordInsert.getAndSet(null) : null;
		if (action != null) {
			action.run();
		}
		if (recordInsert && this.batchesUntilFailure.get() > 0 && this.batchesUntilFailure.decrementAndGet() == 0) {
			throw new DataAccessResourceFailureException("simulated outage in the middle of the load");
		}
	}

}
