/**
 * The dashboard page served from the jar (no asset from the internet), built on the
 * public GraphQL API.
 */
package org.incidentintel.api.dashboard;
