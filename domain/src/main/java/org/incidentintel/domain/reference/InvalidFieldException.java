package org.incidentintel.domain.reference;

/**
 * A reference data entry rejected one of its fields; the reader reports it under that
 * field.
 */
class InvalidFieldException extends IllegalArgumentException {

	private final String field;

	InvalidFieldException(String field, String message) {
		super(field + ": " + message);
		this.field = field;
	}

	String field() {
		return this.field;
	}

	String problem() {
		return getMessage().substring(this.field.length() + 2);
	}

}
