/**
 * Incidents: {@code incident}, {@code incidents} with their filter and keyset pages,
 * {@code incidentStatistics}, and the batch-loaded edges of an incident.
 */
package org.incidentintel.api.incident;
