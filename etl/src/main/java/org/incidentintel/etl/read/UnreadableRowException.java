package org.incidentintel.etl.read;

/**
 * A record the reader could not parse at all (broken quoting, undecodable bytes). The
 * reader can go on with the next record; the load records this one as a reject.
 */
public class UnreadableRowException extends Exception {

	private final long lineNumber;

	private final String rawText;

	public UnreadableRowException(long lineNumber, String rawText, String message, Throwable cause) {
		super(message, cause);
		this.lineNumber = lineNumber;
		this.rawText = rawText;
	}

	public long lineNumber() {
		return this.lineNumber;
	}

	public String rawText() {
		return this.rawText;
	}

}
