package org.incidentintel.etl.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

import org.incidentintel.etl.load.ConcurrentIngestException;
import org.incidentintel.etl.load.IngestInterruptedException;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Parses the command line first (so {@code --help} and usage errors answer at once,
 * without starting anything), then starts the application against the chosen database and
 * runs the command.
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
		return run(args, out, err, (commands) -> start(application, commands, extraProperties), true);
	}

	/**
	 * Runs a command in an application that is already started, with the same checks,
	 * messages and exit codes (its database options are ignored), so that a test can run
	 * many commands without starting the application for each. The context stays open.
	 */
	public static int run(String[] args, ConfigurableApplicationContext context, PrintWriter out, PrintWriter err) {
		return run(args, out, err, (commands) -> context, false);
	}

	private static int run(String[] args, PrintWriter out, PrintWriter err,
			Function<List<CommandLine>, ConfigurableApplicationContext> contexts, boolean closeContext) {
		CommandLine cli = new CommandLine(new EtlCommand());
		cli.setOut(out);
		cli.setErr(err);
		ParseResult parsed;
		try {
			parsed = cli.parseArgs(args);
		}
		catch (ParameterException ex) {
			err.println(ex.getMessage());
			ex.getCommandLine().usage(err);
			return ExitCodes.USAGE;
		}
		if (CommandLine.printHelpIfRequested(parsed)) {
			return ExitCodes.DONE;
		}
		List<CommandLine> commands = parsed.asCommandLineList();
		Object leaf = commands.get(commands.size() - 1).getCommand();
		if (!(leaf instanceof EtlTask task)) {
			cli.usage(err);
			return ExitCodes.USAGE;
		}
		try {
			task.check();
		}
		catch (CommandException ex) {
			err.println("error: " + ex.getMessage());
			return ExitCodes.USAGE;
		}
		ConfigurableApplicationContext context = null;
		try {
			context = contexts.apply(commands);
			return task.run(context, out, err);
		}
		catch (IngestInterruptedException ex) {
			err.println("error: " + ex.getMessage());
			return ExitCodes.JOB_FAILED;
		}
		catch (ConcurrentIngestException ex) {
			err.println("error: " + ex.getMessage());
			return ExitCodes.CONCURRENT_LOAD;
		}
		catch (IllegalArgumentException | CommandException ex) {
			err.println("error: " + ex.getMessage());
			return ExitCodes.USAGE;
		}
		catch (Exception ex) {
			err.println("error: " + rootMessage(ex));
			return ExitCodes.USAGE;
		}
		finally {
			if (closeContext && context != null) {
				context.close();
			}
			out.flush();
			err.flush();
		}
	}

	private static ConfigurableApplicationContext start(Class<?> application, List<CommandLine> commands,
			Map<String, Object> extraProperties) {
		Map<String, Object> properties = new LinkedHashMap<>(extraProperties);
		for (CommandLine command : commands) {
			if (command.getCommand() instanceof EtlCommand root) {
				properties.putAll(root.database.springProperties());
			}
		}
		// As command-line arguments: they must win over application.yml and the
		// environment.
		String[] springArguments = properties.entrySet()
			.stream()
			.map((entry) -> "--" + entry.getKey() + "=" + entry.getValue())
			.toArray(String[]::new);
		return new SpringApplicationBuilder(application).run(springArguments);
	}

	private static String rootMessage(Throwable failure) {
		Throwable cause = failure;
		while (cause.getCause() != null && cause.getCause() != cause) {
			cause = cause.getCause();
		}
		return (cause.getMessage() != null) ? cause.getMessage() : cause.toString();
	}

}
