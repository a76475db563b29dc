/**
 * The read replica: GraphQL queries read from a PostgreSQL streaming replica when one is
 * configured, everything else uses the primary.
 */
package org.incidentintel.api.replica;
