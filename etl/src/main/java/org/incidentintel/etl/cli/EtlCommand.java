package org.incidentintel.etl.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * The root command: {@code java -jar incidentintel-etl.jar <command>}.
 */
@Command(name = "incidentintel-etl", mixinStandardHelpOptions = true, version = "incidentintel-etl 0.1.0",
		description = "Loads sources about political violence and counter-terrorism into the incident database.",
		subcommands = { IngestCommand.class, ReferenceCommand.class, RunsCommand.class, RejectsCommand.class,
				RestartCommand.class, DedupeCommand.class, TokensCommand.class, OrganizationsCommand.class,
				PullCommand.class, HelpCommand.class },
		footer = { "", "Exit codes: 0 done, 1 job failed, 2 usage or configuration error,",
				"3 another run was loading the same dataset (restart the run once it has ended).",
				"Database: embedded H2 file ./data/incidentintel by default (shared with the API);",
				"set INCIDENTINTEL_DB_URL/_USER/_PASSWORD or --db-url/--db-user/--db-password for PostgreSQL." })
class EtlCommand {

	@Mixin
	DatabaseOptions database;

}
