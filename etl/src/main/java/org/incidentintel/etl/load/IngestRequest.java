package org.incidentintel.etl.load;

/**
 * A load to run: the source (file and format), an optional country filter, what a pulled
 * source adds to its provenance, and how many partitions to load it in.
 *
 * @param datasetVersion the dataset's version, stored on every record, or null
 * @param origin where the file came from, recorded as the run's file name instead of its
 * path (e.g. the API URL a pull paged through), or null
 * @param partitions 1 for one load step, more to split the file into that many ranges of
 * records loaded side by side (at most; fewer for a file of fewer records)
 */
public record IngestRequest(IngestSource source, String country, String datasetVersion, String origin, int partitions) {

	public IngestRequest {
		if (partitions < 1) {
			throw new IllegalArgumentException("partitions must be at least 1, not " + partitions);
		}
	}

	/** A file loaded in one step. */
	public IngestRequest(IngestSource source, String country, String datasetVersion, String origin) {
		this(source, country, datasetVersion, origin, 1);
	}

	/** A file loaded as it is, in one step: no version, its path as the origin. */
	public IngestRequest(IngestSource source, String country) {
		this(source, country, null, null);
	}

	/** The same load split into partitions. */
	public IngestRequest withPartitions(int partitions) {
		return new IngestRequest(this.source, this.country, this.datasetVersion, this.origin, partitions);
	}

}
