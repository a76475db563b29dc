/**
 * GraphiQL served from the jar (no asset from the internet), opening with the cookbook's
 * key queries.
 */
package org.incidentintel.api.graphiql;
