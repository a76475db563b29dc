package org.incidentintel.domain.reference;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

import tools.jackson.databind.JsonNode;

/**
 * One reference data file as read: its entries (in file order, {@code null} where an
 * entry could not be read), the raw tree of each entry, and a way to report a problem at
 * a field path.
 */
final class ReferenceFile<T> {

	private final String name;

	private final String listKey;

	private final List<ReferenceDataProblem> problems;

	private final List<JsonNode> rawEntries = new ArrayList<>();

	private final List<T> entries = new ArrayList<>();

	private YamlLines lines;

	ReferenceFile(String name, String listKey, List<ReferenceDataProblem> problems) {
		this.name = name;
		this.listKey = listKey;
		this.problems = problems;
	}

	String name() {
		return this.name;
	}

	String listKey() {
		return this.listKey;
	}

	void lines(YamlLines lines) {
		this.lines = lines;
	}

	void add(JsonNode raw, T entry) {
		this.rawEntries.add(raw);
		this.entries.add(entry);
	}

	int size() {
		return this.entries.size();
	}

	/** The entry at the index, or {@code null} if it could not be read. */
	T entry(int index) {
		return this.entries.get(index);
	}

	/** The entries that could be read. */
	List<T> entries() {
		return this.entries.stream().filter(Objects::nonNull).toList();
	}

	/**
	 * The ids in the file, also of entries that could not be read, so that references to
	 * them do not fail too.
	 */
	List<String> rawIds() {
		List<String> ids = new ArrayList<>();
		for (JsonNode raw : this.rawEntries) {
			JsonNode id = (raw != null) ? raw.get("id") : null;
			ids.add((id != null && id.isString()) ? id.asString() : null);
		}
		return Collections.unmodifiableList(ids);
	}

	String path(int index) {
		return this.listKey + "[" + index + "]";
	}

	void problem(int line, String path, String message) {
		this.problems.add(new ReferenceDataProblem(this.name, line, path, message));
	}

	void problem(String path, String message) {
		problem((this.lines != null) ? this.lines.line(path) : 0, path, message);
	}

	int line(String path) {
		return (this.lines != null) ? this.lines.line(path) : 0;
	}

}
