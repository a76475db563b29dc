/**
 * Canonical incidents, their casualties and perpetrators, and the date and casualty
 * parsers.
 */
package org.incidentintel.domain.incident;
