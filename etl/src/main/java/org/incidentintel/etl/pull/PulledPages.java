package org.incidentintel.etl.pull;

import java.nio.file.Path;
import java.util.List;

/**
 * What a pull left in its folder.
 *
 * @param directory the pull's folder: {@code page-0001.json}, ..., {@code pages.json},
 * {@code manifest.json}
 * @param pagesFile the pages one after another, the file the ingest loads
 * @param firstPageUrl the URL of the first page (the query)
 * @param pages pages in all
 * @param fetched pages fetched by this run (the others were saved by an earlier one)
 * @param events events on all pages
 * @param totalCount the events the API said the answer holds
 * @param sha256 the SHA-256 of {@code pages.json}: the pages' checksum
 * @param eventIds the events' ids, in page order
 */
public record PulledPages(Path directory, Path pagesFile, String firstPageUrl, int pages, int fetched, long events,
		long totalCount, String sha256, List<String> eventIds) {

	/** Pages an earlier run had saved. */
	public int reused() {
		return this.pages - this.fetched;
	}

}
