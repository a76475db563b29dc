package org.incidentintel.etl.mapping;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Collects the problems of one mapping file, locating each path on its line, so that all
 * of them are reported together.
 */
final class Problems {

	private final String file;

	private final List<MappingProblem> problems = new ArrayList<>();

	private YamlLines lines;

	Problems(String file) {
		this.file = file;
	}

	String file() {
		return this.file;
	}

	void lines(YamlLines lines) {
		this.lines = lines;
	}

	void add(YamlPath path, String message) {
		add((this.lines != null) ? this.lines.line(path) : 0, path, message);
	}

	void add(int line, YamlPath path, String message) {
		this.problems.add(new MappingProblem(this.file, line, path.toString(), message));
	}

	boolean any() {
		return !this.problems.isEmpty();
	}

	MappingException exception() {
		return exception("Invalid mapping file " + this.file);
	}

	MappingException exception(String summary) {
		List<MappingProblem> sorted = new ArrayList<>(this.problems);
		sorted.sort(Comparator.comparingInt(MappingProblem::line).thenComparing(MappingProblem::path));
		return new MappingException(summary, sorted);
	}

}
