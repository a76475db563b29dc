package org.incidentintel.api.audit;

import java.time.OffsetDateTime;

/**
 * The GraphQL {@code AuditLogFilter} input.
 *
 * @param target entries that changed this object (a global id)
 * @param actor entries of this actor
 * @param operation entries of this mutation
 * @param from entries at or after this instant
 * @param to entries at or before this instant
 */
record AuditLogFilter(String target, String actor, String operation, OffsetDateTime from, OffsetDateTime to) {

	static final AuditLogFilter NONE = new AuditLogFilter(null, null, null, null, null);

}
