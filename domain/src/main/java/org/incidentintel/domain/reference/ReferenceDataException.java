package org.incidentintel.domain.reference;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Thrown when reference data files are invalid; lists every problem found, not just the
 * first.
 */
public class ReferenceDataException extends RuntimeException {

	private final List<ReferenceDataProblem> problems;

	/**
	 * Create an exception listing the given problems.
	 * @param problems the problems, at least one
	 */
	public ReferenceDataException(List<ReferenceDataProblem> problems) {
		super(problems.size() + " problem(s) in the reference data:"
				+ problems.stream()
					.map((problem) -> System.lineSeparator() + "  " + problem)
					.collect(Collectors.joining()));
		this.problems = List.copyOf(problems);
	}

	/**
	 * The problems found, ordered by file and line.
	 * @return the problems
	 */
	public List<ReferenceDataProblem> getProblems() {
		return this.problems;
	}

}
