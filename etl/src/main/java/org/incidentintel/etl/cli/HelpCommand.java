package org.incidentintel.etl.cli;

import java.util.List;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code help [COMMAND...]}: the usage of a command, as {@code COMMAND --help} prints it.
 * {@link EtlCli} answers it; an unknown command name is a usage error with a suggestion.
 */
@Command(name = "help", helpCommand = true,
		description = "Shows the usage of a command, e.g. `help ingest` or `help pull ucdp`.")
class HelpCommand {

	@Parameters(paramLabel = "COMMAND", arity = "0..*", description = "The command (and its subcommand)")
	List<String> path = List.of();

}
