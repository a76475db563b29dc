package org.incidentintel.domain.reference;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The version of the reference data ({@code reference_data_state}, see
 * {@code V16__reference_data_version.sql}): what a reader in another process (the API's
 * ETags) compares to know that a load changed organizations, dialogues or reports.
 */
@Component
public class ReferenceDataVersion {

	/**
	 * Read as one column of a primary-key lookup:
	 * {@code select version ... where id = 1}.
	 */
	public static final String TABLE = "reference_data_state";

	private final JdbcTemplate jdbc;

	public ReferenceDataVersion(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Marks a change of the reference data; joins the writer's transaction, so the new
	 * version is seen exactly when its rows are.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void changed() {
		this.jdbc.update("update " + TABLE + " set version = version + 1 where id = 1");
	}

}
