package org.incidentintel.domain.audit;

import java.time.Clock;
import java.util.List;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes audit entries. It joins the caller's transaction and refuses to run without one,
 * so an entry is committed exactly when the change it describes is.
 */
@Service
public class AuditLog {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final AuditEntryRepository entries;

	private final Clock clock;

	@Autowired
	public AuditLog(AuditEntryRepository entries) {
		this(entries, Clock.systemUTC());
	}

	AuditLog(AuditEntryRepository entries, Clock clock) {
		this.entries = entries;
		this.clock = clock;
	}

	/**
	 * Records one mutation.
	 * @param actor who ran it
	 * @param operation the mutation's name ({@code mergeOrganizations})
	 * @param targets what it touched, the main object first
	 * @param before the state of the targets before (any value Jackson writes: maps,
	 * lists, records), or null for a creation
	 * @param after the state after, or null for a deletion
	 * @return the saved entry
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public AuditEntry record(Actor actor, String operation, List<AuditTarget> targets, Object before, Object after) {
		AuditEntry entry = new AuditEntry(this.clock.instant(), actor.name(), actor.kind(), operation,
				targets.stream().map(AuditTarget::text).toList(), json(before), json(after));
		return this.entries.save(entry);
	}

	static String json(Object value) {
		return (value != null) ? JSON.writeValueAsString(value) : null;
	}

}
