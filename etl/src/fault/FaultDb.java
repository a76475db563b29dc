import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The database side of kill-restart.sh, in plain JDBC (the drivers come from the ETL jar).
 *
 * <pre>
 * FaultDb checksum URL USER PASSWORD OUT   canonical text of what a load left -> OUT; prints its SHA-256
 * FaultDb run URL USER PASSWORD           the latest ingest run: "ID STATUS", or "none"
 * FaultDb exec URL USER PASSWORD SQL...   runs statements (create/drop database for PostgreSQL trials)
 * </pre>
 *
 * The canonical text leaves out everything a load generates (ids, run ids, timestamps, file
 * paths) and describes incidents by the set of (dataset, source record id) that report
 * them, so it stays valid however deduplication groups records.
 */
public class FaultDb {

	public static void main(String[] args) throws Exception {
		if (args.length < 4) {
			System.err.println("usage: FaultDb checksum|run|exec URL USER PASSWORD [OUT | SQL...]");
			System.exit(2);
		}
		try (Connection connection = connect(args[1], args[2], args[3])) {
			switch (args[0]) {
				case "checksum" -> checksum(connection, Path.of(args[4]));
				case "run" -> System.out.println(latestRun(connection));
				case "exec" -> {
					try (Statement statement = connection.createStatement()) {
						for (int i = 4; i < args.length; i++) {
							statement.execute(args[i]);
						}
					}
				}
				default -> {
					System.err.println("unknown command " + args[0]);
					System.exit(2);
				}
			}
		}
	}

	/**
	 * Connects, retrying for up to 30 s: right after a kill -9, H2 (AUTO_SERVER) may still
	 * send a connection to the dead process's server before it takes its lock over.
	 */
	static Connection connect(String url, String user, String password) throws Exception {
		long deadline = System.nanoTime() + 30_000_000_000L;
		while (true) {
			try {
				return DriverManager.getConnection(url, user, password);
			}
			catch (SQLException ex) {
				if (System.nanoTime() > deadline) {
					throw ex;
				}
				System.err.println("FaultDb: " + ex.getMessage().lines().findFirst().orElse("") + "; retrying");
				Thread.sleep(1000);
			}
		}
	}

	static String latestRun(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement();
				ResultSet row = statement.executeQuery("select id, status from ingest_run order by id desc")) {
			return row.next() ? row.getLong(1) + " " + row.getString(2) : "none";
		}
	}

	static void checksum(Connection connection, Path out) throws Exception {
		List<String> text = new ArrayList<>();
		// records, keyed by what a source says: (dataset, record id)
		Map<Long, String> recordKey = new HashMap<>();
		Map<Long, List<String>> members = new HashMap<>();
		List<String> unlinked = new ArrayList<>();
		List<String> records = new ArrayList<>();
		query(connection, "select id, dataset, source_record_id, content_hash, line_number, file_checksum, "
				+ "incident_id from source_record", (row) -> {
					String key = row.getString(2) + ":" + row.getString(3);
					recordKey.put(row.getLong(1), key);
					records.add("record " + key + " " + row.getString(4) + " line " + row.getLong(5) + " file "
							+ row.getString(6));
					long incident = row.getLong(7);
					if (row.wasNull()) {
						unlinked.add("unlinked " + key);
					}
					else {
						members.computeIfAbsent(incident, (id) -> new ArrayList<>()).add(key);
					}
				});
		add(text, records);
		add(text, unlinked);
		List<String> actors = new ArrayList<>();
		query(connection, "select a.source_record_id, a.position, a.name_as_reported, a.role, a.suspected, o.ref_key "
				+ "from source_record_actor a left join organization o on o.id = a.organization_id", (row) -> {
					actors.add("actor " + recordKey.get(row.getLong(1)) + " #" + row.getInt(2) + " " + row.getString(3)
							+ " " + row.getString(4) + " " + row.getBoolean(5) + " " + row.getString(6));
				});
		add(text, actors);
		// an incident: its sources, then what it says, its perpetrators, attack types and
		// targets
		Map<Long, List<String>> details = new HashMap<>();
		query(connection, "select p.incident_id, p.name_as_reported, p.role, p.suspected, o.ref_key "
				+ "from incident_perpetrator p left join organization o on o.id = p.organization_id", (row) -> {
					details.computeIfAbsent(row.getLong(1), (id) -> new ArrayList<>())
						.add("perpetrator " + row.getString(2) + " " + row.getString(3) + " " + row.getBoolean(4) + " "
								+ row.getString(5));
				});
		query(connection, "select incident_id, attack_type from incident_attack_type", (row) -> details
			.computeIfAbsent(row.getLong(1), (id) -> new ArrayList<>())
			.add("attack type " + row.getString(2)));
		query(connection, "select incident_id, target from incident_target", (row) -> details
			.computeIfAbsent(row.getLong(1), (id) -> new ArrayList<>())
			.add("target " + row.getString(2)));
		List<String> incidents = new ArrayList<>();
		query(connection, "select id, date_start, date_end, date_precision, kind, country, killed, injured "
				+ "from incident", (row) -> {
					long id = row.getLong(1);
					List<String> sources = members.getOrDefault(id, new ArrayList<>());
					Collections.sort(sources);
					List<String> about = details.getOrDefault(id, new ArrayList<>());
					Collections.sort(about);
					incidents.add("incident " + (sources.isEmpty() ? "WITHOUT SOURCES" : String.join(" ", sources))
							+ " | " + row.getString(2) + " " + row.getString(3) + " " + row.getString(4) + " "
							+ row.getString(5) + " " + row.getString(6) + " killed " + row.getString(7) + " injured "
							+ row.getString(8) + " | " + String.join("; ", about));
				});
		add(text, incidents);
		List<String> rejects = new ArrayList<>();
		query(connection, "select line_number, reason_code, field, file_name from rejected_record", (row) -> rejects
			.add(String.format("reject line %09d %s %s %s", row.getLong(1), row.getString(2), row.getString(3),
					row.getString(4))));
		add(text, rejects);
		// runs in order; their ids, file paths and times differ from database to database
		query(connection, "select dataset, status, read_count, inserted_count, updated_count, unchanged_count, "
				+ "rejected_count, filtered_count, file_checksum, details, message from ingest_run order by id",
				(row) -> text.add("run " + row.getString(1) + " " + row.getString(2) + " read " + row.getLong(3)
						+ " inserted " + row.getLong(4) + " updated " + row.getLong(5) + " unchanged " + row.getLong(6)
						+ " rejected " + row.getLong(7) + " filtered " + row.getLong(8) + " file " + row.getString(9)
						+ " details " + row.getString(10) + " message " + row.getString(11)));
		MessageDigest digest = MessageDigest.getInstance("SHA-256");
		try (BufferedWriter writer = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
			for (String line : text) {
				writer.write(line);
				writer.write('\n');
				digest.update(line.getBytes(StandardCharsets.UTF_8));
				digest.update((byte) '\n');
			}
		}
		Map<String, Long> counts = new TreeMap<>();
		counts.put("records", (long) records.size());
		counts.put("incidents", (long) incidents.size());
		counts.put("rejects", (long) rejects.size());
		System.out.println(HexFormat.of().formatHex(digest.digest()) + " " + counts);
	}

	private static void add(List<String> text, List<String> section) {
		Collections.sort(section);
		text.addAll(section);
	}

	private static void query(Connection connection, String sql, RowHandler handler) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			statement.setFetchSize(10_000);
			// PostgreSQL streams with a fetch size only outside auto-commit
			boolean autoCommit = connection.getAutoCommit();
			connection.setAutoCommit(false);
			try (ResultSet row = statement.executeQuery(sql)) {
				while (row.next()) {
					handler.handle(row);
				}
			}
			finally {
				connection.commit();
				connection.setAutoCommit(autoCommit);
			}
		}
	}

	interface RowHandler {

		void handle(ResultSet row) throws SQLException;

	}

}
