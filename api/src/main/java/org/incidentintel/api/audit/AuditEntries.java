package org.incidentintel.api.audit;

import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Reads the audit log, newest first; a page and its targets in two statements.
 */
@Repository
class AuditEntries {

	private final NamedParameterJdbcTemplate jdbc;

	AuditEntries(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * A page of entries with ids below {@code beforeId} (all when null), newest first.
	 * @param target only entries with this target ({@code Type:id}), when not null
	 */
	List<AuditEntryView> findPage(AuditLogFilter filter, String target, Long beforeId, int limit) {
		MapSqlParameterSource parameters = new MapSqlParameterSource("limit", limit);
		StringBuilder sql = new StringBuilder("select e.id, e.occurred_at, e.actor, e.actor_kind, e.operation, "
				+ "e.before_state, e.after_state from audit_entry e where ")
			.append(where(filter, target, parameters));
		if (beforeId != null) {
			sql.append(" and e.id < :beforeId");
			parameters.addValue("beforeId", beforeId);
		}
		sql.append(" order by e.id desc fetch first :limit rows only");
		List<Object[]> rows = this.jdbc.query(sql.toString(), parameters,
				(rs, row) -> new Object[] { rs.getLong("id"), rs.getTimestamp("occurred_at"), rs.getString("actor"),
						rs.getString("actor_kind"), rs.getString("operation"), rs.getString("before_state"),
						rs.getString("after_state") });
		Map<Long, List<String>> targets = targetsOf(rows.stream().map((row) -> (Long) row[0]).toList());
		return rows.stream()
			.map((row) -> new AuditEntryView((Long) row[0], utc((Timestamp) row[1]), (String) row[2], (String) row[3],
					(String) row[4], targets.getOrDefault((Long) row[0], List.of()), (String) row[5], (String) row[6]))
			.toList();
	}

	long count(AuditLogFilter filter, String target) {
		MapSqlParameterSource parameters = new MapSqlParameterSource();
		Long count = this.jdbc.queryForObject(
				"select count(*) from audit_entry e where " + where(filter, target, parameters), parameters,
				Long.class);
		return (count != null) ? count : 0;
	}

	private static String where(AuditLogFilter filter, String target, MapSqlParameterSource parameters) {
		StringBuilder where = new StringBuilder("1 = 1");
		if (target != null) {
			where.append(" and exists (select 1 from audit_target t where t.audit_entry_id = e.id "
					+ "and t.target = :target)");
			parameters.addValue("target", target);
		}
		if (filter.actor() != null) {
			where.append(" and e.actor = :actor");
			parameters.addValue("actor", filter.actor());
		}
		if (filter.operation() != null) {
			where.append(" and e.operation = :operation");
			parameters.addValue("operation", filter.operation());
		}
		if (filter.from() != null) {
			where.append(" and e.occurred_at >= :from");
			parameters.addValue("from", Timestamp.from(filter.from().toInstant()));
		}
		if (filter.to() != null) {
			where.append(" and e.occurred_at <= :to");
			parameters.addValue("to", Timestamp.from(filter.to().toInstant()));
		}
		return where.toString();
	}

	private Map<Long, List<String>> targetsOf(List<Long> ids) {
		Map<Long, List<String>> result = new HashMap<>();
		if (!ids.isEmpty()) {
			this.jdbc.query("select audit_entry_id, target from audit_target where audit_entry_id in (:ids) "
					+ "order by audit_entry_id, position", Map.of("ids", ids), (rs) -> {
						result.computeIfAbsent(rs.getLong("audit_entry_id"), (id) -> new ArrayList<>())
							.add(rs.getString("target"));
					});
		}
		return result;
	}

	private static OffsetDateTime utc(Timestamp timestamp) {
		return timestamp.toInstant().atOffset(ZoneOffset.UTC);
	}

}
