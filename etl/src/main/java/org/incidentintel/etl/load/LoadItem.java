package org.incidentintel.etl.load;

import org.incidentintel.etl.read.SourceRow;

/**
 * What the reader hands to the processor: a row, or a record it could not parse at all.
 */
sealed interface LoadItem {

	long lineNumber();

	/** A parsed row. */
	record Row(SourceRow row) implements LoadItem {

		@Override
		public long lineNumber() {
			return this.row.lineNumber();
		}

	}

	/**
	 * A record the reader could not parse; it becomes an {@code UNREADABLE_ROW} reject.
	 */
	record Unreadable(long lineNumber, String rawText, String message) implements LoadItem {

	}

}
