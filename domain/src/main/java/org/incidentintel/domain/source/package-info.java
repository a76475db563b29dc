/** Provenance: source records, source documents, ingest runs and rejected records. */
package org.incidentintel.domain.source;
