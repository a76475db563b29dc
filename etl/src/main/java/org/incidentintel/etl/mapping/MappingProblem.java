package org.incidentintel.etl.mapping;

/**
 * One problem in a mapping file, located by file, line and field path.
 *
 * @param file the mapping file's name, e.g.
 * {@code pakistan-body-count-suicide-attacks.yaml}
 * @param line the 1-based line, or 0 when not known
 * @param path the field path, e.g. {@code fields.date.patterns[1]}, or empty for the
 * whole file
 * @param message what is wrong
 */
public record MappingProblem(String file, int line, String path, String message) {

	public MappingProblem {
		if (file == null || message == null) {
			throw new IllegalArgumentException("A problem needs a file and a message");
		}
		path = (path != null) ? path : "";
	}

	@Override
	public String toString() {
		return this.file + ((this.line > 0) ? ":" + this.line : "") + ": "
				+ (this.path.isEmpty() ? "" : this.path + ": ") + this.message;
	}

}
