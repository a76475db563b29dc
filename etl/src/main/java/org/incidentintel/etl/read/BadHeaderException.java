package org.incidentintel.etl.read;

/**
 * A file that cannot be loaded at all because of its header (empty file, no header row,
 * duplicate column names) or its layout (no such sheet). Thrown when the reader opens,
 * before any row is read.
 */
public class BadHeaderException extends IllegalArgumentException {

	private final String file;

	public BadHeaderException(String file, String message) {
		this(file, message, null);
	}

	public BadHeaderException(String file, String message, Throwable cause) {
		super(file + ": " + message, cause);
		this.file = file;
	}

	/** The display name of the file at fault. */
	public String file() {
		return this.file;
	}

}
