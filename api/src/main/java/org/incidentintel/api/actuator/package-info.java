/**
 * What operations sees through the actuator: a health check that queries the database,
 * the Kubernetes probes, and metrics without server paths.
 */
package org.incidentintel.api.actuator;
