package org.incidentintel.api.incident;

import org.incidentintel.domain.incident.PerpetratorRole;

/**
 * An actor of an incident as recorded in {@code incident_perpetrator}; its organization
 * is batch loaded.
 *
 * @param id the row id
 * @param incidentId the incident
 * @param organizationId the organization the name resolved to, or {@code null}
 * @param name the name as reported
 * @param role how the actor took part
 * @param suspected whether the source only suspects the actor
 */
public record IncidentPerpetrator(long id, long incidentId, Long organizationId, String name, PerpetratorRole role,
		boolean suspected) {

}
