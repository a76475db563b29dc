/**
 * The error catalog: codes every GraphQL error carries, and the resolver that assigns
 * them.
 */
package org.incidentintel.api.error;
