/**
 * Audited mutations (one transaction: the change and its audit entry) and the
 * {@code auditLog} query.
 */
package org.incidentintel.api.audit;
