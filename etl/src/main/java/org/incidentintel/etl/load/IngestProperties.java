package org.incidentintel.etl.load;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Tuning of the ingest job ({@code incidentintel.ingest.*}).
 *
 * @param chunkSize rows per chunk, i.e. per transaction
 * @param maxRejectShare a file with a larger share of rejected rows fails the run: it is
 * probably not in the format it was read as
 * @param progressInterval how often progress is printed on stderr
 * @param copy whether new records go in with COPY on PostgreSQL (the fast way; off, they
 * go in with batched inserts as on every other database)
 */
@ConfigurationProperties("incidentintel.ingest")
record IngestProperties(@DefaultValue("1000") int chunkSize, @DefaultValue("0.5") double maxRejectShare,
		@DefaultValue("2s") Duration progressInterval, @DefaultValue("true") boolean copy) {

	IngestProperties {
		if (chunkSize < 1) {
			throw new IllegalArgumentException("incidentintel.ingest.chunk-size must be at least 1");
		}
		if (maxRejectShare < 0 || maxRejectShare > 1) {
			throw new IllegalArgumentException("incidentintel.ingest.max-reject-share must be within 0..1");
		}
	}

}
