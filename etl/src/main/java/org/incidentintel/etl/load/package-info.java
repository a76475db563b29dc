/**
 * The ingest job: reading a source file, normalizing and resolving its rows, and
 * upserting them with their provenance.
 */
package org.incidentintel.etl.load;
