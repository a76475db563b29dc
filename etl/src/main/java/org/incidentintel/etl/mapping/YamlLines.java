package org.incidentintel.etl.mapping;

import java.util.List;

import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * Finds the line of a {@link YamlPath} in a composed YAML document (snakeyaml-engine
 * keeps a mark on every node), so that every problem, even one found long after parsing,
 * can name its line. The same technique as the domain's reference data reader.
 */
final class YamlLines {

	private final Node root;

	YamlLines(Node root) {
		this.root = root;
	}

	/**
	 * The 1-based line of the deepest node on the path that exists: the key of a
	 * property, the start of a list item; so a missing field points at its parent.
	 */
	int line(YamlPath path) {
		return walk(path).line();
	}

	/** Whether the value at the path exists and is a YAML list. */
	boolean isList(YamlPath path) {
		Found found = walk(path);
		return found.complete() && found.node() instanceof SequenceNode;
	}

	private Found walk(YamlPath path) {
		Node node = this.root;
		int line = startLine(node);
		for (Object step : path.steps()) {
			Node key = null;
			Node next = null;
			if (step instanceof String name && node instanceof MappingNode mapping) {
				for (NodeTuple tuple : mapping.getValue()) {
					if (tuple.getKeyNode() instanceof ScalarNode scalar && scalar.getValue().equals(name)) {
						key = tuple.getKeyNode();
						next = tuple.getValueNode();
					}
				}
			}
			else if (step instanceof Integer index && node instanceof SequenceNode sequence) {
				List<Node> items = sequence.getValue();
				next = (index < items.size()) ? items.get(index) : null;
			}
			if (next == null) {
				return new Found(node, line, false);
			}
			line = startLine((key != null) ? key : next);
			node = next;
		}
		return new Found(node, line, true);
	}

	private static int startLine(Node node) {
		return (node != null) ? node.getStartMark().map((mark) -> mark.getLine() + 1).orElse(0) : 0;
	}

	private record Found(Node node, int line, boolean complete) {
	}

}
