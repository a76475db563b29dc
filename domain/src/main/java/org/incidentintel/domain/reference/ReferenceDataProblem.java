package org.incidentintel.domain.reference;

/**
 * One problem found in a reference data file, located by file, line and field path.
 *
 * @param file the file name, e.g. {@code organizations.yaml}
 * @param line the 1-based line, or 0 if not known
 * @param path the field path, e.g. {@code organizations[3].aliases[1]}, or empty for the
 * file
 * @param message what is wrong
 */
public record ReferenceDataProblem(String file, int line, String path, String message) {

	public ReferenceDataProblem {
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
