package org.incidentintel.etl.load;

import java.util.List;
import java.util.Map;

/**
 * What a load would do, without writing anything: counts, the first rejects and what did
 * not resolve.
 */
public record DryRunReport(String fileName, String format, long read, long accepted, long rejected, long filtered,
		Map<String, Long> rejectsByReason, Map<String, Long> warningsByCode, Map<String, Long> unresolvedOrganizations,
		Map<String, Long> unresolvedRegions, List<SampleReject> firstRejects) {

	/** One rejected row, for a data engineer to look at. */
	public record SampleReject(long line, String reason, String field, String message) {
	}

}
