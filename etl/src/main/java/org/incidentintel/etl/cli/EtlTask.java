package org.incidentintel.etl.cli;

import java.io.PrintWriter;

import org.springframework.context.ApplicationContext;

/**
 * A command's work, run once its arguments parsed, its checks passed and the application
 * context started.
 */
interface EtlTask {

	/**
	 * Checks what can be checked without a database (files exist and fit their format,
	 * codes are well formed), so a usage error answers at once and touches nothing.
	 * @param err where to say what the check found (a file's format and encoding)
	 * @throws CommandException or {@link IllegalArgumentException} naming what is wrong
	 */
	default void check(PrintWriter err) {
	}

	/**
	 * The ingest run the command works on, which must exist: it is looked up with plain
	 * JDBC before the application starts, so an unknown run answers at once.
	 * @return the run's id, or null when the command works on no particular run
	 */
	default Long requiredRun() {
		return null;
	}

	/** Returns the process exit code ({@link ExitCodes}). */
	int run(ApplicationContext context, PrintWriter out, PrintWriter err) throws Exception;

}
