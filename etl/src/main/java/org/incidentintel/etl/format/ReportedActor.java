package org.incidentintel.etl.format;

import org.incidentintel.domain.incident.PerpetratorRole;

/**
 * An actor as a source names it, with the part it played. The name is resolved to an
 * organization later; it may hold several groups ("A, B") or a {@code (suspected)}
 * suffix.
 */
public record ReportedActor(String name, PerpetratorRole role) {

	public ReportedActor {
		if (name == null || name.isBlank()) {
			throw new IllegalArgumentException("actor name must not be blank");
		}
		if (role == null) {
			throw new IllegalArgumentException("actor role must not be null");
		}
	}

}
