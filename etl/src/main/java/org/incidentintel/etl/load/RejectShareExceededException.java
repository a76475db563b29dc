package org.incidentintel.etl.load;

/**
 * A file whose rows were mostly rejected: almost certainly read in the wrong format.
 */
class RejectShareExceededException extends RuntimeException {

	RejectShareExceededException(String message) {
		super(message);
	}

}
