package org.incidentintel.etl.format;

import java.util.List;

import org.incidentintel.etl.read.SourceRow;

/**
 * How one kind of source file reads: which dataset it feeds, whether a header looks like
 * it, and how a row becomes a {@link NormalizedRecord}. Implementations are plain,
 * stateless classes, tested without Spring.
 */
public interface SourceFormat {

	/** The format's name on the command line, e.g. {@code ucdp-ged}. */
	String name();

	/**
	 * The dataset its records belong to (records are unique per dataset and record id).
	 */
	String dataset();

	/**
	 * Whether a file with this header is unambiguously in this format (for
	 * auto-detection).
	 */
	boolean recognizes(List<String> header);

	/**
	 * Reads one row. Returns the record, or throws naming the field and the reason when
	 * the row cannot be loaded.
	 */
	NormalizedRecord read(SourceRow row) throws RowRejectedException;

	/**
	 * Why a row is not data at all and is to be skipped silently (a totals row), or null
	 * for a row to read.
	 */
	default String skipReason(SourceRow row) {
		return null;
	}

	/**
	 * Checks, before any row is read, that the file's header has what this format needs;
	 * throws {@link IllegalArgumentException} naming what is missing (the caller adds the
	 * file's name).
	 */
	default void checkHeader(List<String> header) {
		if (!recognizes(header)) {
			throw new IllegalArgumentException("line 1 (the header) does not look like the '" + name() + "' format; "
					+ Cells.describeHeader(header));
		}
	}

}
