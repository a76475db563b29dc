/**
 * Security reports, their published figures, and those figures reconciled against the
 * incidents in the database: {@code report} and {@code reports}.
 */
package org.incidentintel.api.report;
