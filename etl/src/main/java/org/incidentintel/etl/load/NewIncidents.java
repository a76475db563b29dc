package org.incidentintel.etl.load;

import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.incidentintel.domain.dedup.IncidentLabels;
import org.incidentintel.domain.incident.Casualties;
import org.incidentintel.etl.format.NormalizedRecord;
import org.incidentintel.etl.load.LoadOutcome.Accepted;
import org.incidentintel.etl.load.LoadOutcome.Actor;

import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;

/**
 * Creates the canonical incident of each new source record of a chunk, in the chunk's
 * transaction, so that records are written once with their link (a separate linking pass
 * would rewrite every row). Deduplication later regroups records that describe the same
 * event.
 */
class NewIncidents {

	private final JdbcTemplate jdbc;

	NewIncidents(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Inserts one incident per row, in order, and returns their ids in the same order.
	 */
	List<Long> create(List<Accepted> rows) {
		if (rows.isEmpty()) {
			return List.of();
		}
		Timestamp now = Timestamp.from(Instant.now());
		GeneratedKeyHolder keys = new GeneratedKeyHolder();
		this.jdbc.batchUpdate((connection) -> connection.prepareStatement("insert into incident (date_start, "
				+ "date_end, date_precision, kind, country, region_id, region_at_event_id, region_name_at_event, "
				+ "district, place, latitude, longitude, killed, killed_low, killed_high, killed_civilians, "
				+ "killed_security_forces, killed_militants, killed_unknown, injured, summary, created_at, updated_at) "
				+ "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
				new String[] { "id" }), new BatchPreparedStatementSetter() {

					@Override
					public void setValues(PreparedStatement statement, int index) throws SQLException {
						bind(statement, rows.get(index), now);
					}

					@Override
					public int getBatchSize() {
						return rows.size();
					}

				}, keys);
		List<Long> ids = new ArrayList<>(rows.size());
		for (Map<String, Object> key : keys.getKeyList()) {
			ids.add(((Number) key.values().iterator().next()).longValue());
		}
		if (ids.size() != rows.size()) {
			throw new IllegalStateException(
					"the database returned " + ids.size() + " keys for " + rows.size() + " new incidents");
		}
		insertDetails(rows, ids);
		return ids;
	}

	private void insertDetails(List<Accepted> rows, List<Long> ids) {
		List<Object[]> perpetrators = new ArrayList<>();
		List<Object[]> attackTypes = new ArrayList<>();
		List<Object[]> targets = new ArrayList<>();
		for (int i = 0; i < rows.size(); i++) {
			Accepted row = rows.get(i);
			long incident = ids.get(i);
			for (Actor actor : row.actors()) {
				perpetrators.add(new Object[] { incident, actor.organizationId(), actor.nameAsReported(),
						actor.role().name(), actor.suspected() });
			}
			IncidentLabels.distinct(row.record().attackTypes())
				.forEach((label) -> attackTypes.add(new Object[] { incident, label }));
			IncidentLabels.distinct(row.record().targets())
				.forEach((label) -> targets.add(new Object[] { incident, label }));
		}
		this.jdbc.batchUpdate(
				"insert into incident_perpetrator (incident_id, organization_id, name_as_reported, role, "
						+ "suspected) values (?, ?, ?, ?, ?)",
				perpetrators, new int[] { Types.BIGINT, Types.BIGINT, Types.VARCHAR, Types.VARCHAR, Types.BOOLEAN });
		this.jdbc.batchUpdate("insert into incident_attack_type (incident_id, attack_type) values (?, ?)", attackTypes);
		this.jdbc.batchUpdate("insert into incident_target (incident_id, target) values (?, ?)", targets);
	}

	private static void bind(PreparedStatement statement, Accepted row, Timestamp now) throws SQLException {
		NormalizedRecord record = row.record();
		Casualties casualties = record.casualties();
		int i = 1;
		statement.setDate(i++, Date.valueOf(record.date().start()));
		statement.setDate(i++, Date.valueOf(record.date().end()));
		statement.setString(i++, record.date().precision().name());
		statement.setString(i++, record.kind().name());
		statement.setString(i++, record.country());
		statement.setObject(i++, row.regionId(), Types.BIGINT);
		statement.setObject(i++, row.regionAtEventId(), Types.BIGINT);
		statement.setString(i++, row.regionNameAtEvent());
		statement.setString(i++, record.district());
		statement.setString(i++, record.place());
		statement.setObject(i++, (record.location() != null) ? record.location().latitude() : null, Types.DOUBLE);
		statement.setObject(i++, (record.location() != null) ? record.location().longitude() : null, Types.DOUBLE);
		statement.setObject(i++, casualties.killed(), Types.INTEGER);
		statement.setObject(i++, casualties.killedLow(), Types.INTEGER);
		statement.setObject(i++, casualties.killedHigh(), Types.INTEGER);
		statement.setObject(i++, casualties.civilians(), Types.INTEGER);
		statement.setObject(i++, casualties.securityForces(), Types.INTEGER);
		statement.setObject(i++, casualties.militants(), Types.INTEGER);
		statement.setObject(i++, casualties.unknown(), Types.INTEGER);
		statement.setObject(i++, casualties.injured(), Types.INTEGER);
		statement.setString(i++, record.summary());
		statement.setTimestamp(i++, now);
		statement.setTimestamp(i, now);
	}

}
