package org.incidentintel.api.audit;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * The read model of the GraphQL {@code AuditEntry} type.
 *
 * @param id the database id
 * @param occurredAt when the mutation committed
 * @param actor the token name or JWT subject
 * @param actorKind {@code TOKEN} or {@code JWT}
 * @param operation the mutation's name
 * @param targetKeys what it changed, as {@code Type:id}
 * @param before the state before, JSON
 * @param after the state after, JSON
 */
record AuditEntryView(long id, OffsetDateTime occurredAt, String actor, String actorKind, String operation,
		List<String> targetKeys, String before, String after) {

}
