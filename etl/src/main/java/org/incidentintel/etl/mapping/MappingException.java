package org.incidentintel.etl.mapping;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Thrown when a mapping file is invalid, or does not fit a file's header; lists every
 * problem found, one per line, each with file, line and field path. An
 * {@link IllegalArgumentException}, as {@code SourceFormat.checkHeader} promises.
 */
public class MappingException extends IllegalArgumentException {

	private final List<MappingProblem> problems;

	/**
	 * Create an exception listing the given problems.
	 * @param summary what was being done, e.g. "Invalid mapping file x.yaml"
	 * @param problems the problems, at least one
	 */
	public MappingException(String summary, List<MappingProblem> problems) {
		super(summary + " (" + problems.size() + ((problems.size() == 1) ? " problem" : " problems") + "):"
				+ problems.stream()
					.map((problem) -> System.lineSeparator() + "  " + problem)
					.collect(Collectors.joining()));
		this.problems = List.copyOf(problems);
	}

	/**
	 * The problems found, in line order.
	 * @return the problems
	 */
	public List<MappingProblem> problems() {
		return this.problems;
	}

}
