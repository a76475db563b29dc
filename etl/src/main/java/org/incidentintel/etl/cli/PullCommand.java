package org.incidentintel.etl.cli;

import picocli.CommandLine.Command;

/**
 * {@code pull}: loads current data from a source's API; one subcommand per API.
 */
@Command(name = "pull", mixinStandardHelpOptions = true, subcommands = UcdpPullCommand.class,
		description = "Loads current data from a source's API (pages kept under the data directory).")
class PullCommand {

}
