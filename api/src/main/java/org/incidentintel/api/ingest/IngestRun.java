package org.incidentintel.api.ingest;

import java.time.Instant;

/**
 * The read model of the GraphQL {@code IngestRun} type: one run of an ETL job over one
 * source file.
 *
 * @param id the database id
 * @param dataset the source dataset (e.g. {@code ucdp-ged})
 * @param fileName the name of the file read
 * @param fileChecksum the SHA-256 of the file read
 * @param status the run status
 * @param startedAt when the run started
 * @param finishedAt when the run finished, if it has
 * @param readCount rows read
 * @param insertedCount rows inserted
 * @param updatedCount rows updated
 * @param unchangedCount rows found unchanged
 * @param rejectedCount rows rejected
 * @param filteredCount rows filtered out
 * @param message a message, if any
 * @param details the JSON details (rejects by reason, warnings by code, unresolved names)
 */
public record IngestRun(long id, String dataset, String fileName, String fileChecksum, String status, Instant startedAt,
		Instant finishedAt, long readCount, long insertedCount, long updatedCount, long unchangedCount,
		long rejectedCount, long filteredCount, String message, String details) {

}
