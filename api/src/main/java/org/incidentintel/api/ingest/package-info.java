/**
 * ETL runs and what they loaded, refused and could not resolve: {@code ingestRuns} and
 * the batch loader other features use for their edges to runs.
 */
package org.incidentintel.api.ingest;
