package org.incidentintel.etl.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

import org.incidentintel.etl.load.ConcurrentIngestException;
import org.incidentintel.etl.load.IngestInterruptedException;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Parses the command line and checks what it can without the application (so
 * {@code --help}, a mistyped command, a missing file or an unknown run answer at once),
 * then starts the application against the chosen database and runs the command.
 */
public final class EtlCli {

	private EtlCli() {
	}

	public static int run(String[] args, Class<?> application) {
		return run(args, application, new PrintWriter(System.out, true), new PrintWriter(System.err, true), Map.of());
	}

	/** Runs a command; {@code extraProperties} lets tests point it at their database. */
	public static int run(String[] args, Class<?> application, PrintWriter out, PrintWriter err,
			Map<String, Object> extraProperties) {
		return run(args, out, err, application, extraProperties, null);
	}

	/**
	 * Runs a command in an application that is already started, with the same checks,
	 * messages and exit codes (its database options are ignored), so that a test can run
	 * many commands without starting the application for each. The context stays open.
	 */
	public static int run(String[] args, ConfigurableApplicationContext context, PrintWriter out, PrintWriter err) {
		return run(args, out, err, null, Map.of(), context);
	}

	private static int run(String[] args, PrintWriter out, PrintWriter err, Class<?> application,
			Map<String, Object> extraProperties, ConfigurableApplicationContext started) {
		CommandLine cli = new CommandLine(new EtlCommand());
		cli.setOut(out);
		cli.setErr(err);
		ParseResult parsed;
		try {
			parsed = cli.parseArgs(args);
			ParameterException unmatched = UsageErrors.unmatched(parsed);
			if (unmatched != null) {
				throw unmatched;
			}
		}
		catch (ParameterException ex) {
			UsageErrors.print(UsageErrors.explain(ex), err);
			return ExitCodes.USAGE;
		}
		List<CommandLine> commands = parsed.asCommandLineList();
		CommandLine leaf = commands.get(commands.size() - 1);
		if (leaf.getCommand() instanceof HelpCommand help) {
			return help(commands.get(commands.size() - 2), help, out, err);
		}
		if (CommandLine.printHelpIfRequested(parsed)) {
			return ExitCodes.DONE;
		}
		if (!(leaf.getCommand() instanceof EtlTask task)) {
			// a group such as `pull`: its usage lists the commands it has
			err.println("error: " + leaf.getCommandSpec().qualifiedName() + " needs a command: "
					+ String.join(", ", leaf.getSubcommands().keySet()));
			leaf.usage(err);
			return ExitCodes.USAGE;
		}
		String[] springArguments = springArguments(commands, extraProperties);
		try {
			// everything that needs no application context is answered before it starts
			task.check(err);
			if (started == null && task.requiredRun() != null) {
				RunLookup.requireRun(springArguments, task.requiredRun());
			}
		}
		catch (RuntimeException ex) {
			return failed(ex, err);
		}
		ConfigurableApplicationContext context = null;
		try {
			context = (started != null) ? started : new SpringApplicationBuilder(application).run(springArguments);
			return task.run(context, out, err);
		}
		catch (Exception ex) {
			return failed(ex, err);
		}
		finally {
			if (started == null && context != null) {
				context.close();
			}
			out.flush();
			err.flush();
		}
	}

	/**
	 * {@code help COMMAND...}: the usage of that command, or an unknown command error.
	 */
	private static int help(CommandLine parent, HelpCommand help, PrintWriter out, PrintWriter err) {
		CommandLine command = parent;
		for (String name : help.path) {
			CommandLine sub = command.getSubcommands().get(name);
			if (sub == null) {
				UsageErrors.print(UsageErrors.unknownCommand(command, name), err);
				return ExitCodes.USAGE;
			}
			command = sub;
		}
		command.usage(out);
		return ExitCodes.DONE;
	}

	/** Prints why a command failed and returns its exit code. */
	private static int failed(Exception failure, PrintWriter err) {
		if (failure instanceof IngestInterruptedException) {
			err.println("error: " + failure.getMessage());
			return ExitCodes.JOB_FAILED;
		}
		if (failure instanceof ConcurrentIngestException) {
			err.println("error: " + failure.getMessage());
			return ExitCodes.CONCURRENT_LOAD;
		}
		if (failure instanceof IllegalArgumentException || failure instanceof CommandException) {
			err.println("error: " + failure.getMessage());
			return ExitCodes.USAGE;
		}
		err.println("error: " + rootMessage(failure));
		return ExitCodes.USAGE;
	}

	/**
	 * The test's properties and the database options as command-line arguments: they must
	 * win over application.yml and the environment.
	 */
	private static String[] springArguments(List<CommandLine> commands, Map<String, Object> extraProperties) {
		Map<String, Object> properties = new LinkedHashMap<>(extraProperties);
		for (CommandLine command : commands) {
			if (command.getCommand() instanceof EtlCommand root) {
				properties.putAll(root.database.springProperties());
			}
		}
		return properties.entrySet()
			.stream()
			.map((entry) -> "--" + entry.getKey() + "=" + entry.getValue())
			.toArray(String[]::new);
	}

	private static String rootMessage(Throwable failure) {
		Throwable cause = failure;
		while (cause.getCause() != null && cause.getCause() != cause) {
			cause = cause.getCause();
		}
		return (cause.getMessage() != null) ? cause.getMessage() : cause.toString();
	}

}
