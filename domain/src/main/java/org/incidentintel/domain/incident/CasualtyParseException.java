package org.incidentintel.domain.incident;

/**
 * Thrown when a casualty cell is not a count: the reason code goes with the rejected row.
 */
public class CasualtyParseException extends RuntimeException {

	private final String input;

	private final Reason reason;

	/**
	 * Create an exception for an unreadable count.
	 * @param input the cell text, may be {@code null}
	 * @param reason the reason code
	 * @param detail a readable explanation
	 */
	public CasualtyParseException(String input, Reason reason, String detail) {
		super("Cannot read count " + ((input != null) ? "'" + input + "'" : "(null)") + ": " + detail);
		this.input = input;
		this.reason = reason;
	}

	/**
	 * The cell that could not be read.
	 * @return the input, may be {@code null}
	 */
	public String getInput() {
		return this.input;
	}

	/**
	 * Why the cell was rejected.
	 * @return the reason code
	 */
	public Reason getReason() {
		return this.reason;
	}

	/**
	 * Why a casualty cell was rejected.
	 */
	public enum Reason {

		/** Text, a fraction or a number too large to be a count. */
		NOT_A_NUMBER,

		/** A negative number that is not one of the unknown-value sentinels. */
		NEGATIVE_COUNT,

		/** A range whose minimum exceeds its maximum. */
		RANGE_INVERTED

	}

}
