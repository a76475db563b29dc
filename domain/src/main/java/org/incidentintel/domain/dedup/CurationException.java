package org.incidentintel.domain.dedup;

/**
 * A curator's request that cannot be carried out, naming the argument at fault.
 */
public class CurationException extends RuntimeException {

	private final String field;

	private final boolean notFound;

	private CurationException(String field, String message, boolean notFound) {
		super(message);
		this.field = field;
		this.notFound = notFound;
	}

	static CurationException notFound(String field, String message) {
		return new CurationException(field, message, true);
	}

	static CurationException invalid(String field, String message) {
		return new CurationException(field, message, false);
	}

	/** The argument at fault. */
	public String field() {
		return this.field;
	}

	/** Whether the argument names something that does not exist. */
	public boolean notFound() {
		return this.notFound;
	}

}
