package org.incidentintel.api.http;

import org.incidentintel.api.replica.ReplicaReads;
import org.incidentintel.domain.reference.ReferenceDataVersion;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The version of the data an answer is made of, read in one statement (two primary key
 * lookups and the audit log's last id): the incidents' {@code data_version} (every writer
 * of incident rows adds 1 to it, the ETL's ingests included), the reference data's
 * version (every load of it by the ETL's {@code reference} command adds 1:
 * {@link ReferenceDataVersion}) and the last entry of the audit log (every curation the
 * API makes is audited: aliases, merges, organizations, incidents).
 * <p>
 * Read where the query it tags will be: with a read replica, from the replica, so that an
 * ETag never names a version newer than the answer it is sent with.
 */
class DataVersion {

	private static final String QUERY = "select s.data_version, r.version, "
			+ "(select coalesce(max(a.id), 0) from audit_entry a) from incident_statistics_state s, "
			+ ReferenceDataVersion.TABLE + " r where s.id = 1 and r.id = 1";

	private final JdbcTemplate jdbc;

	DataVersion(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	String current() {
		return ReplicaReads.read(() -> this.jdbc.queryForObject(QUERY,
				(row, number) -> row.getLong(1) + "." + row.getLong(2) + "." + row.getLong(3)));
	}

}
