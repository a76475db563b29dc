/**
 * The rate limit: a budget of query cost units per client (its credential, else its
 * address) that refills over a time window, kept in memory or, for API replicas, in
 * Redis.
 */
package org.incidentintel.api.ratelimit;
