package org.incidentintel.domain.dedup;

/**
 * A source record named as its source names it: survives re-ingestion, unlike row ids.
 *
 * @param dataset the dataset
 * @param recordId the record's id in the dataset
 */
public record RecordKey(String dataset, String recordId) implements Comparable<RecordKey> {

	@Override
	public int compareTo(RecordKey other) {
		int byDataset = this.dataset.compareTo(other.dataset);
		return (byDataset != 0) ? byDataset : this.recordId.compareTo(other.recordId);
	}

	@Override
	public String toString() {
		return this.dataset + ":" + this.recordId;
	}

}
