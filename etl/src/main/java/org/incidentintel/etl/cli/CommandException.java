package org.incidentintel.etl.cli;

/**
 * A command cannot run as asked (a missing file, an unknown run); exits with the usage
 * code.
 */
class CommandException extends RuntimeException {

	CommandException(String message) {
		super(message);
	}

}
