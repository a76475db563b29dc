package org.incidentintel.etl.load;

import java.util.List;

import org.incidentintel.domain.incident.PerpetratorRole;
import org.incidentintel.etl.format.NormalizedRecord;
import org.incidentintel.etl.format.RejectReason;

/**
 * What the processor made of one row: a record ready to upsert, or a reject with its
 * reason.
 */
sealed interface LoadOutcome {

	long lineNumber();

	/**
	 * A row that loads, with its organization and region names resolved to database ids
	 * (null when unresolved: the verbatim name is kept).
	 */
	record Accepted(long lineNumber, NormalizedRecord record, Long regionId, Long regionAtEventId,
			String regionNameAtEvent, List<Actor> actors, List<String> unresolvedNames, boolean regionUnresolved,
			String contentHash, String rawText) implements LoadOutcome {

	}

	/** One actor of an accepted row. */
	record Actor(String nameAsReported, Long organizationId, PerpetratorRole role, boolean suspected) {

	}

	/** A row that does not load, kept verbatim with the reason. */
	record Rejected(long lineNumber, RejectReason reason, String field, String message,
			String rawText) implements LoadOutcome {

	}

}
