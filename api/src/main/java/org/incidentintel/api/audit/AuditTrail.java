package org.incidentintel.api.audit;

import java.util.ArrayList;
import java.util.List;

import org.incidentintel.domain.audit.AuditTarget;

/**
 * What a mutation tells the audit log while it works: the objects it changes (the main
 * one first) and their state before and after (maps, lists or records; written as JSON).
 */
public final class AuditTrail {

	private final List<AuditTarget> targets = new ArrayList<>();

	private Object before;

	private Object after;

	AuditTrail() {
	}

	/**
	 * Adds a changed object.
	 * @param type its GraphQL type ({@code Organization})
	 * @param id its database id
	 */
	public AuditTrail target(String type, long id) {
		AuditTarget target = new AuditTarget(type, id);
		if (!this.targets.contains(target)) {
			this.targets.add(target);
		}
		return this;
	}

	/** The state before the change; leave it unset for a creation. */
	public AuditTrail before(Object state) {
		this.before = state;
		return this;
	}

	/** The state after the change. */
	public AuditTrail after(Object state) {
		this.after = state;
		return this;
	}

	List<AuditTarget> targets() {
		return this.targets;
	}

	Object beforeState() {
		return this.before;
	}

	Object afterState() {
		return this.after;
	}

}
