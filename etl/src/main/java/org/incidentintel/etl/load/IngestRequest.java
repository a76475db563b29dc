package org.incidentintel.etl.load;

/**
 * A load to run: the source (file and format), an optional country filter, and what a
 * pulled source adds to its provenance.
 *
 * @param datasetVersion the dataset's version, stored on every record, or null
 * @param origin where the file came from, recorded as the run's file name instead of its
 * path (e.g. the API URL a pull paged through), or null
 */
public record IngestRequest(IngestSource source, String country, String datasetVersion, String origin) {

	/** A file loaded as it is: no version, its path as the origin. */
	public IngestRequest(IngestSource source, String country) {
		this(source, country, null, null);
	}

}
