package org.incidentintel.etl.load;

/**
 * A load to run: the source (file and format), and an optional country filter.
 */
public record IngestRequest(IngestSource source, String country) {

}
