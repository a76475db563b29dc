/** The GraphQL API application over the shared incident database. */
package org.incidentintel.api;
