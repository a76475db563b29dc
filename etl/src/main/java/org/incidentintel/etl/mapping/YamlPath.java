package org.incidentintel.etl.mapping;

import java.util.ArrayList;
import java.util.List;

/**
 * Where a value sits in a mapping file, as the keys and list indexes leading to it:
 * {@code fields.date.patterns[1]}. Kept as steps rather than text so that keys holding
 * dots or brackets (value maps) still locate their line.
 */
final class YamlPath {

	static final YamlPath ROOT = new YamlPath(List.of());

	private final List<Object> steps;

	private YamlPath(List<Object> steps) {
		this.steps = steps;
	}

	static YamlPath of(String... keys) {
		YamlPath path = ROOT;
		for (String key : keys) {
			path = path.key(key);
		}
		return path;
	}

	YamlPath key(String key) {
		return append(key);
	}

	YamlPath index(int index) {
		return append(index);
	}

	List<Object> steps() {
		return this.steps;
	}

	private YamlPath append(Object step) {
		List<Object> next = new ArrayList<>(this.steps);
		next.add(step);
		return new YamlPath(List.copyOf(next));
	}

	@Override
	public String toString() {
		StringBuilder text = new StringBuilder();
		for (Object step : this.steps) {
			if (step instanceof Integer index) {
				text.append('[').append(index).append(']');
			}
			else {
				text.append(text.isEmpty() ? "" : ".").append(step);
			}
		}
		return text.toString();
	}

}
