/**
 * The audit log: one entry per curation mutation (who, when, what, before and after),
 * written in the mutation's own transaction.
 */
package org.incidentintel.domain.audit;
