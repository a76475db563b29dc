package org.incidentintel.etl.cli;

import java.io.PrintWriter;

import org.springframework.context.ApplicationContext;

/**
 * A command's work, run once its arguments parsed and the application context started.
 */
interface EtlTask {

	/** Returns the process exit code ({@link ExitCodes}). */
	int run(ApplicationContext context, PrintWriter out, PrintWriter err) throws Exception;

}
