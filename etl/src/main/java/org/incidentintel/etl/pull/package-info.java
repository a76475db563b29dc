/**
 * Pulling current data from a source's API into the data directory, page by page, and
 * loading it through the same formats and ingest job as a file.
 */
package org.incidentintel.etl.pull;
