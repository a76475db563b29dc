package org.incidentintel.etl.format;

/**
 * Thrown by a {@link SourceFormat} for a row that cannot be loaded, naming the field at
 * fault and the reason.
 */
public class RowRejectedException extends Exception {

	private final RejectReason reason;

	private final String field;

	public RowRejectedException(RejectReason reason, String field, String message) {
		super(message);
		this.reason = reason;
		this.field = field;
	}

	public RowRejectedException(RejectReason reason, String field, String message, Throwable cause) {
		super(message, cause);
		this.reason = reason;
		this.field = field;
	}

	public RejectReason reason() {
		return this.reason;
	}

	/** The column at fault, or null when the row as a whole is. */
	public String field() {
		return this.field;
	}

}
