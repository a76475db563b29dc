package org.incidentintel.etl.format;

/**
 * Why a row was not loaded. The codes are stable: they are stored in the rejects table
 * and documented in docs/sources.md.
 */
public enum RejectReason {

	/** The row has fewer cells than the header. */
	TRUNCATED_ROW,
	/** The reader could not parse the record (broken quoting, bad encoding). */
	UNREADABLE_ROW,
	/** No source record id. */
	MISSING_ID,
	/** A required field is empty. */
	MISSING_FIELD,
	/** The date is missing, unparseable or impossible. */
	BAD_DATE,
	/** A count or number is not a number. */
	BAD_NUMBER,
	/** A casualty count is negative (and not an unknown-value code). */
	NEGATIVE_COUNT,
	/** A min/max range has min above max, or a best estimate outside its range. */
	RANGE_INVERTED,
	/** Latitude or longitude out of range. */
	BAD_COORDINATES,
	/** The country cannot be mapped to ISO 3166 alpha-3. */
	UNKNOWN_COUNTRY,
	/** A value outside the codes the format defines. */
	BAD_CODE

}
