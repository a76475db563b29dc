package org.incidentintel.etl.cli;

import java.io.PrintWriter;

import org.springframework.context.ApplicationContext;

/**
 * A command's work, run once its arguments parsed and the application context started.
 */
interface EtlTask {

	/**
	 * Checks what can be checked without a database (files exist, codes are well formed),
	 * so a usage error answers at once and touches nothing.
	 * @throws CommandException naming what is wrong
	 */
	default void check() {
	}

	/** Returns the process exit code ({@link ExitCodes}). */
	int run(ApplicationContext context, PrintWriter out, PrintWriter err) throws Exception;

}
