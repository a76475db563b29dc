package org.incidentintel.etl.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

import javax.sql.DataSource;

import org.incidentintel.etl.load.IngestOutcome;

import org.springframework.context.ApplicationContext;

/**
 * Compacts an embedded H2 file after a load, when no other process has it open.
 * <p>
 * H2's store never overwrites a page: each write of a changed page appends a new version,
 * and the old ones are reclaimed slowly. After a million-row load the file is ten to
 * fifteen times the data it holds (docs/benchmarks.md). {@code SHUTDOWN COMPACT} rewrites
 * the live pages into a new file, fully packed, but it closes the database for everyone
 * and takes time in proportion to the whole database (about 20 s for a million records).
 * So it runs only when every session is this process's own and the load changed at least
 * a tenth of the records: the store's fill rate cannot tell, as the dead space is mostly
 * half-filled index pages of live data. The {@code ingest} and {@code restart} commands
 * call it last, as their process is about to exit anyway.
 */
final class H2FileCompaction {

	/** Compacts when a load changed at least one record in this many. */
	static final int MIN_CHANGED_SHARE = 10;

	private H2FileCompaction() {
	}

	/**
	 * Called last by a load command: compacts when it should and can, and says so on
	 * {@code err}. Off with {@code incidentintel.ingest.compact=false}.
	 */
	static void afterLoad(ApplicationContext context, IngestOutcome outcome, PrintWriter out, PrintWriter err) {
		if (!context.getEnvironment().getProperty("incidentintel.ingest.compact", Boolean.class, true)) {
			return;
		}
		out.flush();
		try {
			String done = compactIfAlone(context.getBean(DataSource.class), outcome.inserted() + outcome.updated());
			if (done != null) {
				err.println(done);
			}
		}
		catch (SQLException ex) {
			// the load is committed: a failed compaction only leaves the file larger
			err.println("warning: the database file was not compacted: " + ex.getMessage());
		}
	}

	/**
	 * Compacts when the load was large and no other process has the file open; returns
	 * what it did, for the log, or {@code null} when there was nothing to say (not an H2
	 * file database, or a small change).
	 * @param changedRecords the records the load inserted or updated
	 */
	static String compactIfAlone(DataSource dataSource, long changedRecords) throws SQLException {
		Path file;
		long sizeBefore;
		try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
			if (!"H2".equals(connection.getMetaData().getDatabaseProductName())) {
				return null;
			}
			Map<String, String> info = storeInfo(statement);
			String path = path(statement);
			if (path == null || !info.containsKey("info.FILE_SIZE")) {
				return null; // in memory
			}
			file = Path.of(path + ".mv.db");
			sizeBefore = Long.parseLong(info.get("info.FILE_SIZE"));
			long records = count(statement, "select count(*) from source_record");
			if (changedRecords == 0 || changedRecords * MIN_CHANGED_SHARE < records) {
				return null;
			}
			// AUTO_SERVER: another process's sessions come in over TCP, with the client's
			// address
			long remote = count(statement,
					"select count(*) from information_schema.sessions where client_addr is not null");
			if (remote > 0) {
				return "%s (%s) not compacted: another process has it open (see docs/operations.md)"
					.formatted(file.getFileName(), megabytes(sizeBefore));
			}
		}
		long start = System.nanoTime();
		shutdownCompact(dataSource);
		long millis = (System.nanoTime() - start) / 1_000_000;
		try {
			return "%s compacted: %s -> %s in %.1f s".formatted(file.getFileName(), megabytes(sizeBefore),
					megabytes(Files.size(file)), millis / 1000.0);
		}
		catch (IOException ex) {
			throw new SQLException("cannot read the size of the compacted file " + file, ex);
		}
	}

	private static void shutdownCompact(DataSource dataSource) throws SQLException {
		Connection connection = dataSource.getConnection();
		try (Statement statement = connection.createStatement()) {
			statement.execute("shutdown compact");
		}
		finally {
			try {
				connection.close();
			}
			catch (SQLException expected) {
				// the pool cannot reset a connection to a database that is shut down
			}
		}
	}

	private static Map<String, String> storeInfo(Statement statement) throws SQLException {
		Map<String, String> info = new HashMap<>();
		try (ResultSet rows = statement.executeQuery(
				"select setting_name, setting_value from information_schema.settings where setting_name like 'info.%'")) {
			while (rows.next()) {
				info.put(rows.getString(1), rows.getString(2));
			}
		}
		return info;
	}

	private static String path(Statement statement) throws SQLException {
		try (ResultSet rows = statement.executeQuery("select database_path()")) {
			return rows.next() ? rows.getString(1) : null;
		}
	}

	private static long count(Statement statement, String sql) throws SQLException {
		try (ResultSet rows = statement.executeQuery(sql)) {
			rows.next();
			return rows.getLong(1);
		}
	}

	private static String megabytes(long bytes) {
		return "%,.1f MB".formatted(bytes / 1048576.0);
	}

}
