package org.incidentintel.domain.reference;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * Finds the line of a field path ({@code organizations[3].aliases[1]}) in a composed YAML
 * document, for problems that Jackson does not locate itself (cross-references,
 * duplicates).
 */
final class YamlLines {

	private static final Pattern STEP = Pattern.compile("([^.\\[\\]]+)|\\[(\\d+)]");

	private final Node root;

	YamlLines(Node root) {
		this.root = root;
	}

	/**
	 * Return the 1-based line of the deepest node on the path that exists: the key of a
	 * property, the start of a list item; so a missing field points at its entry.
	 */
	int line(String path) {
		Node node = this.root;
		int line = startLine(node);
		Matcher step = STEP.matcher(path);
		while (node != null && step.find()) {
			Node key = null;
			Node next = null;
			if (step.group(1) != null && node instanceof MappingNode mapping) {
				for (NodeTuple tuple : mapping.getValue()) {
					if (tuple.getKeyNode() instanceof ScalarNode scalar && scalar.getValue().equals(step.group(1))) {
						key = tuple.getKeyNode();
						next = tuple.getValueNode();
					}
				}
			}
			else if (step.group(2) != null && node instanceof SequenceNode sequence) {
				List<Node> items = sequence.getValue();
				int index = Integer.parseInt(step.group(2));
				next = (index < items.size()) ? items.get(index) : null;
			}
			if (next != null) {
				line = startLine((key != null) ? key : next);
			}
			node = next;
		}
		return line;
	}

	private static int startLine(Node node) {
		return (node != null) ? node.getStartMark().map((mark) -> mark.getLine() + 1).orElse(0) : 0;
	}

}
