package org.incidentintel.etl.load;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Writes what a load did into its {@code ingest_run} row: the job execution, the counts,
 * the details (rejects by reason, warnings, unresolved names) and the outcome.
 */
class IngestRunRecorder {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final JdbcTemplate jdbc;

	IngestRunRecorder(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	void started(long ingestRunId, long jobExecutionId) {
		this.jdbc.update("update ingest_run set job_execution_id = ?, status = 'RUNNING', finished_at = null, "
				+ "message = null where id = ?", jobExecutionId, ingestRunId);
	}

	void counted(long ingestRunId, long read, long filtered, LoadTally tally) {
		this.jdbc.update(
				"update ingest_run set read_count = ?, filtered_count = ?, inserted_count = ?, "
						+ "updated_count = ?, unchanged_count = ?, rejected_count = ?, details = ? where id = ?",
				read, filtered, tally.get(LoadTally.INSERTED), tally.get(LoadTally.UPDATED),
				tally.get(LoadTally.UNCHANGED), tally.get(LoadTally.REJECTED), details(tally), ingestRunId);
	}

	void finished(long ingestRunId, boolean completed, String message) {
		this.jdbc.update("update ingest_run set status = ?, finished_at = ?, message = ? where id = ?",
				completed ? "COMPLETED" : "FAILED", Timestamp.from(Instant.now()), message, ingestRunId);
	}

	static String details(LoadTally tally) {
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("rejectsByReason", tally.withPrefix(LoadTally.REJECT_PREFIX));
		details.put("warningsByCode", tally.withPrefix(LoadTally.WARNING_PREFIX));
		details.put("unresolvedOrganizations", tally.withPrefix(LoadTally.UNRESOLVED_ORGANIZATION_PREFIX));
		details.put("unresolvedRegions", tally.withPrefix(LoadTally.UNRESOLVED_REGION_PREFIX));
		return JSON.writeValueAsString(details);
	}

}
