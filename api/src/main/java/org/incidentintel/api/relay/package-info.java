/**
 * Relay conventions: opaque global ids, cursors, and cursor connections with page
 * arguments.
 */
package org.incidentintel.api.relay;
