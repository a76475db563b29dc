package org.incidentintel.domain.incident;

import java.util.Objects;

/**
 * Something suspicious {@link DateParser} noticed in a date it could still read: the code
 * says what (callers count and store it), the message says it for a person.
 *
 * @param code what was noticed
 * @param message the cell's problem in words, e.g. {@code weekday 'Saturday' contradicts
 * 2016-03-07, which is a Monday}
 */
public record DateWarning(Code code, String message) {

	public DateWarning {
		Objects.requireNonNull(code, "code must not be null");
		Objects.requireNonNull(message, "message must not be null");
	}

	/** What a date warning is about; the names are the warning codes runs store. */
	public enum Code {

		/** The weekday given is not the weekday of the date. */
		WEEKDAY_MISMATCH,

		/**
		 * The weekday is misspelt ({@code Thursay}) and was read by its first letters.
		 */
		WEEKDAY_MISSPELT

	}

}
