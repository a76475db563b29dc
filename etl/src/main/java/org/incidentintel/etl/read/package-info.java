/**
 * Streaming readers for CSV, XLSX and JSON source files, producing one
 * {@link org.incidentintel.etl.read.SourceRow} per record.
 */
package org.incidentintel.etl.read;
