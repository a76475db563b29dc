package org.incidentintel.etl.cli;

import java.io.PrintWriter;
import java.util.List;

import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Turns what the user typed wrong into one message, the nearest command or option names
 * picocli finds ("did you mean"), and the usage when there is nothing to suggest. A
 * mistyped word is named first: it is usually why a required option looks missing, and
 * {@code --help} after it must not hide it.
 */
final class UsageErrors {

	private UsageErrors() {
	}

	/**
	 * The words no command or option took, when a command line otherwise parsed (picocli
	 * lets them pass when help is asked for, as in {@code pul --help}).
	 * @return the error, or null when every word was taken
	 */
	static ParameterException unmatched(ParseResult parsed) {
		for (ParseResult result = parsed; result != null; result = result.subcommand()) {
			if (!result.unmatched().isEmpty()) {
				return new UnmatchedArgumentException(result.commandSpec().commandLine(), result.unmatched());
			}
		}
		return null;
	}

	/**
	 * The error to report for a failed parse: a mistyped word rather than the required
	 * option it left missing.
	 */
	static ParameterException explain(ParameterException failure) {
		if (failure instanceof UnmatchedArgumentException) {
			return failure;
		}
		ParseResult partial = failure.getCommandLine().getParseResult();
		ParameterException unmatched = (partial != null) ? unmatched(partial) : null;
		return (unmatched != null) ? unmatched : failure;
	}

	/** An unknown name given to {@code help} (or as a subcommand of {@code command}). */
	static ParameterException unknownCommand(CommandLine command, String name) {
		return new UnmatchedArgumentException(command, List.of(name));
	}

	/** Prints the error, then suggestions, or the usage when there is none. */
	static void print(ParameterException error, PrintWriter err) {
		CommandLine command = error.getCommandLine();
		err.println("error: " + message(error));
		if (UnmatchedArgumentException.printSuggestions(error, err)) {
			err.println("See '" + command.getCommandSpec().qualifiedName() + " --help'.");
		}
		else {
			command.usage(err);
		}
	}

	private static String message(ParameterException error) {
		if (error instanceof UnmatchedArgumentException unmatched && !unmatched.getUnmatched().isEmpty()) {
			String first = unmatched.getUnmatched().get(0);
			CommandLine command = error.getCommandLine();
			if (!first.startsWith("-") && !command.getSubcommands().isEmpty()) {
				return "unknown command '" + first + "' for " + command.getCommandSpec().qualifiedName();
			}
		}
		return error.getMessage();
	}

}
