package org.incidentintel.domain.dedup;

import java.util.List;

/**
 * Attack type and target labels as an incident stores them.
 */
public final class IncidentLabels {

	private static final int MAX_LENGTH = 300;

	private IncidentLabels() {
	}

	/**
	 * Trimmed, each once (the incident's label tables are sets), cut to the column's 300
	 * characters (the source record keeps them whole).
	 * @param labels labels as a source lists them
	 * @return the labels to store
	 */
	public static List<String> distinct(List<String> labels) {
		return labels.stream()
			.map(String::strip)
			.filter((label) -> !label.isEmpty())
			.map((label) -> (label.length() <= MAX_LENGTH) ? label : label.substring(0, MAX_LENGTH))
			.distinct()
			.toList();
	}

}
