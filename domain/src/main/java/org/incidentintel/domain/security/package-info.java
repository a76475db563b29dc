/**
 * API tokens: created and revoked by the ETL command line, stored hashed, checked by the
 * API for every request that carries one.
 */
package org.incidentintel.domain.security;
