package org.incidentintel.api.ingest;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Reads ingest runs; {@link #findByIds(Collection)} is the batch loader other packages
 * use for their edges to runs.
 */
@Repository
public class IngestRuns {

	static final String COLUMNS = "r.id, r.dataset, r.file_name, r.file_checksum, r.status, r.started_at, "
			+ "r.finished_at, r.read_count, r.inserted_count, r.updated_count, r.unchanged_count, r.rejected_count, "
			+ "r.filtered_count, r.message, r.details";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final TypeReference<Map<String, Long>> COUNTS = new TypeReference<>() {
	};

	private final NamedParameterJdbcTemplate jdbc;

	public IngestRuns(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The runs with the given ids, in one statement; ids without a row are absent from
	 * the map.
	 */
	public Map<Long, IngestRun> findByIds(Collection<Long> ids) {
		Map<Long, IngestRun> result = new LinkedHashMap<>();
		if (ids.isEmpty()) {
			return result;
		}
		this.jdbc.query("select " + COLUMNS + " from ingest_run r where r.id in (:ids)", Map.of("ids", ids), (rs) -> {
			IngestRun run = map(rs);
			result.put(run.id(), run);
		});
		return result;
	}

	/**
	 * A page of runs, the most recently started first, after the given keyset values;
	 * {@code limit} rows at most.
	 */
	List<IngestRun> findPage(Instant afterStartedAt, Long afterId, int limit) {
		MapSqlParameterSource parameters = new MapSqlParameterSource("limit", limit);
		String where = "";
		if (afterStartedAt != null) {
			where = " where r.started_at < :afterStartedAt or (r.started_at = :afterStartedAt and r.id < :afterId)";
			parameters.addValue("afterStartedAt", OffsetDateTime.ofInstant(afterStartedAt, ZoneOffset.UTC))
				.addValue("afterId", afterId);
		}
		return this.jdbc.query(
				"select " + COLUMNS + " from ingest_run r" + where
						+ " order by r.started_at desc, r.id desc fetch first :limit rows only",
				parameters, (rs, row) -> map(rs));
	}

	/**
	 * Where the run stands now: its row and its last committed chunk
	 * ({@code load_checkpoint}, which the ETL writes in each chunk's transaction); empty
	 * when no run has the id.
	 */
	Optional<IngestRunProgress> findProgress(long id) {
		return this.jdbc
			.query("select " + COLUMNS + ", c.rows_consumed, c.tally from ingest_run r "
					+ "left join load_checkpoint c on c.ingest_run_id = r.id where r.id = :id", Map.of("id", id),
					(rs, row) -> IngestRunProgress.of(map(rs), rs.getLong("rows_consumed"),
							rejected(rs.getString("tally")), Instant.now()))
			.stream()
			.findFirst();
	}

	/** The rejected rows of a checkpoint's tally ({@code {"rejected": n, ...}}). */
	private static long rejected(String tally) {
		if (tally == null) {
			return 0;
		}
		try {
			Map<String, Long> counts = JSON.readValue(tally, COUNTS);
			Long rejected = (counts != null) ? counts.get("rejected") : null;
			return (rejected != null) ? rejected : 0;
		}
		catch (JacksonException ex) {
			// A tally this API cannot read: the run's own count still stands
			return 0;
		}
	}

	long count() {
		Long count = this.jdbc.getJdbcTemplate().queryForObject("select count(*) from ingest_run", Long.class);
		return (count != null) ? count : 0;
	}

	static IngestRun map(ResultSet rs) throws SQLException {
		return new IngestRun(rs.getLong("id"), rs.getString("dataset"), rs.getString("file_name"),
				rs.getString("file_checksum"), rs.getString("status"), instant(rs, "started_at"),
				instant(rs, "finished_at"), rs.getLong("read_count"), rs.getLong("inserted_count"),
				rs.getLong("updated_count"), rs.getLong("unchanged_count"), rs.getLong("rejected_count"),
				rs.getLong("filtered_count"), rs.getString("message"), rs.getString("details"));
	}

	static Instant instant(ResultSet rs, String column) throws SQLException {
		try {
			OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
			return (value != null) ? value.toInstant() : null;
		}
		catch (SQLException ex) {
			Timestamp timestamp = rs.getTimestamp(column);
			return (timestamp != null) ? timestamp.toInstant() : null;
		}
	}

}
