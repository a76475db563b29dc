package org.incidentintel.domain.incident;

/**
 * Thrown when a date cell is garbage or names a day that does not exist.
 */
public class DateParseException extends RuntimeException {

	private final String input;

	private final String reason;

	/**
	 * Create an exception for an unreadable date.
	 * @param input the text (or field values) that could not be read, may be {@code null}
	 * @param reason why it could not be read, in words a data engineer understands
	 */
	public DateParseException(String input, String reason) {
		super("Cannot read date " + ((input != null) ? "'" + input + "'" : "(null)") + ": " + reason);
		this.input = input;
		this.reason = reason;
	}

	/**
	 * The text that could not be read.
	 * @return the input, may be {@code null}
	 */
	public String getInput() {
		return this.input;
	}

	/**
	 * Why the input could not be read, without the input itself.
	 * @return the reason
	 */
	public String getReason() {
		return this.reason;
	}

}
