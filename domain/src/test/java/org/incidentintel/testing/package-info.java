/**
 * Test support shared with the etl and api modules: the PostgreSQL container and the
 * Docker condition.
 */
package org.incidentintel.testing;
