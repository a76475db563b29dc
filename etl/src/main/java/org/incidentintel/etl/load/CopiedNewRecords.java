package org.incidentintel.etl.load;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.incidentintel.etl.load.LoadOutcome.Accepted;
import org.incidentintel.etl.load.LoadTables.Table;
import org.postgresql.PGConnection;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.SqlProvider;

/**
 * New records with PostgreSQL's COPY, the server's fastest way in: the ids of the new
 * incidents and records are taken from their identity sequences first, so that every
 * table of the chunk is written by one COPY, with no keys to read back. COPY runs on the
 * chunk transaction's connection, so a failed chunk leaves nothing behind (and the ids it
 * took are skipped, as identity ids of rolled back inserts are).
 */
class CopiedNewRecords implements NewRecords {

	private final JdbcTemplate jdbc;

	private final IngestContext context;

	CopiedNewRecords(JdbcTemplate jdbc, IngestContext context) {
		this.jdbc = jdbc;
		this.context = context;
	}

	/** Whether the database behind the template is PostgreSQL (with its COPY). */
	static boolean supported(JdbcTemplate jdbc) {
		String product = jdbc.execute((Connection connection) -> connection.getMetaData().getDatabaseProductName());
		return "PostgreSQL".equals(product);
	}

	/**
	 * One COPY from memory, on the template's connection: the chunk transaction's.
	 */
	record CopyIn(String sql, String csv) implements ConnectionCallback<Long>, SqlProvider {

		@Override
		public Long doInConnection(Connection connection) throws SQLException {
			try {
				return connection.unwrap(PGConnection.class).getCopyAPI().copyIn(this.sql, new StringReader(this.csv));
			}
			catch (IOException ex) {
				// reading a string never fails; the connection might
				throw new SQLException("COPY failed: " + ex.getMessage(), ex);
			}
		}

		@Override
		public String getSql() {
			return this.sql;
		}

	}

	@Override
	public void insert(List<Accepted> rows) {
		if (rows.isEmpty()) {
			return;
		}
		Timestamp now = Timestamp.from(Instant.now());
		List<Long> incidentIds = allocate("incident", rows.size());
		List<Long> recordIds = allocate("source_record", rows.size());
		List<Object[]> incidents = new ArrayList<>();
		List<Object[]> records = new ArrayList<>();
		for (int i = 0; i < rows.size(); i++) {
			Accepted row = rows.get(i);
			incidents.add(LoadTables.withId(incidentIds.get(i), LoadTables.incident(row, now)));
			records.add(LoadTables.withId(recordIds.get(i),
					LoadTables.sourceRecord(this.context, row, incidentIds.get(i))));
		}
		copy(LoadTables.INCIDENT.withId(), incidents);
		LoadTables.incidentDetails(rows, incidentIds).forEach(this::copy);
		copy(LoadTables.SOURCE_RECORD.withId(), records);
		LoadTables.recordDetails(rows, recordIds).forEach(this::copy);
	}

	private List<Long> allocate(String table, int count) {
		return this.jdbc.queryForList("select nextval(pg_get_serial_sequence(?, 'id')) from generate_series(1, ?)",
				Long.class, table, count);
	}

	private void copy(Table table, List<Object[]> rows) {
		if (rows.isEmpty()) {
			return;
		}
		StringBuilder csv = new StringBuilder(rows.size() * 256);
		for (Object[] row : rows) {
			CopyCsv.appendRow(csv, row);
		}
		this.jdbc.execute(new CopyIn(
				"copy " + table.name() + " (" + String.join(", ", table.columns()) + ") from stdin (format csv)",
				csv.toString()));
	}

}
