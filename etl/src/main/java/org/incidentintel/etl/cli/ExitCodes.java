package org.incidentintel.etl.cli;

/**
 * The documented exit codes of the command line.
 */
final class ExitCodes {

	/** The command did what it was asked. */
	static final int DONE = 0;

	/** A job ran and failed (the run records why; `restart --run N` continues it). */
	static final int JOB_FAILED = 1;

	/** Bad arguments, a missing file, an invalid mapping or database settings. */
	static final int USAGE = 2;

	/**
	 * Another run was loading the same dataset at the same time and wrote the same
	 * records first: this run stopped (FAILED); {@code restart --run N} continues it once
	 * the other has ended.
	 */
	static final int CONCURRENT_LOAD = 3;

	private ExitCodes() {
	}

}
