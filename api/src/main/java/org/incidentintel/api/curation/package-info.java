/**
 * The curation mutations: dialogue rounds created and changed, organization aliases added
 * and removed, organizations merged. Each runs through
 * {@link org.incidentintel.api.audit.AuditedMutations}: one transaction, one audit entry.
 */
package org.incidentintel.api.curation;
