package org.incidentintel.etl.load;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * What a load did so far: rows inserted, updated, unchanged and rejected (by reason),
 * warnings by code, and the names it could not resolve, with counts. Saved with each
 * chunk in its {@link LoadCheckpoint}, so a restarted load continues the same tally.
 */
final class LoadTally {

	static final String KEY = "incidentintel.tally";

	private final Map<String, Long> counts;

	private LoadTally(Map<String, Long> counts) {
		this.counts = counts;
	}

	static LoadTally of(Map<String, Long> counts) {
		return new LoadTally(new TreeMap<>(counts));
	}

	/**
	 * The tally shown in the step's execution context, where the progress lines read it
	 * (a restart reads the {@link LoadCheckpoint}).
	 */
	@SuppressWarnings("unchecked")
	static LoadTally from(ExecutionContext context) {
		Object saved = context.get(KEY);
		return of((saved instanceof Map<?, ?> map) ? (Map<String, Long>) map : Map.of());
	}

	void saveTo(ExecutionContext context) {
		context.put(KEY, new TreeMap<>(this.counts));
	}

	Map<String, Long> counts() {
		return Collections.unmodifiableMap(this.counts);
	}

	void add(String key, long amount) {
		if (amount != 0) {
			this.counts.merge(key, amount, Long::sum);
		}
	}

	/** Counts an accepted row's warnings and the names it could not resolve. */
	void countNotes(LoadOutcome.Accepted row) {
		row.record().warnings().forEach((warning) -> add(WARNING_PREFIX + warning.code(), 1));
		row.unresolvedNames().forEach((name) -> add(UNRESOLVED_ORGANIZATION_PREFIX + name, 1));
		if (row.regionUnresolved()) {
			add(UNRESOLVED_REGION_PREFIX + row.record().regionName(), 1);
		}
	}

	/** Counts a rejected row, in all and by reason. */
	void countReject(LoadOutcome.Rejected reject) {
		add(REJECTED, 1);
		add(REJECT_PREFIX + reject.reason().name(), 1);
	}

	long get(String key) {
		return this.counts.getOrDefault(key, 0L);
	}

	/** Counts whose key starts with the prefix, keyed by the rest. */
	Map<String, Long> withPrefix(String prefix) {
		Map<String, Long> found = new TreeMap<>();
		this.counts.forEach((key, value) -> {
			if (key.startsWith(prefix)) {
				found.put(key.substring(prefix.length()), value);
			}
		});
		return found;
	}

	static final String INSERTED = "inserted";

	static final String UPDATED = "updated";

	static final String UNCHANGED = "unchanged";

	static final String REJECTED = "rejected";

	static final String FILTERED = "filtered";

	static final String REJECT_PREFIX = "reject.";

	static final String WARNING_PREFIX = "warning.";

	static final String UNRESOLVED_ORGANIZATION_PREFIX = "unresolved.organization.";

	static final String UNRESOLVED_REGION_PREFIX = "unresolved.region.";

}
