package org.incidentintel.api.limits;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import graphql.language.Document;
import graphql.language.Node;
import graphql.language.NodeTraverser;
import graphql.language.NodeVisitorStub;
import graphql.language.SourceLocation;
import graphql.language.StringValue;
import graphql.util.TraversalControl;
import graphql.util.TraverserContext;

/**
 * Finds the first string longer than a bound in a request: in its variables (named by
 * their path, {@code variables.filter.text}) or among the literals of its document (named
 * by their line and column). Strings are measured in characters.
 */
final class LongStrings {

	private LongStrings() {
	}

	/**
	 * A string found too long.
	 *
	 * @param where the variable's path, or the literal's position
	 * @param length its length in characters
	 */
	record Found(String where, int length) {
	}

	static Found inVariables(Map<String, Object> variables, int maximum) {
		return (variables != null) ? find(variables, "variables", maximum) : null;
	}

	private static Found find(Object value, String path, int maximum) {
		if (value instanceof String text) {
			return (text.length() > maximum) ? new Found(path, text.length()) : null;
		}
		if (value instanceof Map<?, ?> map) {
			for (Map.Entry<?, ?> entry : map.entrySet()) {
				String key = String.valueOf(entry.getKey());
				if (key.length() > maximum) {
					return new Found(path + " (a key)", key.length());
				}
				Found found = find(entry.getValue(), path + "." + key, maximum);
				if (found != null) {
					return found;
				}
			}
		}
		if (value instanceof List<?> list) {
			for (int i = 0; i < list.size(); i++) {
				Found found = find(list.get(i), path + "[" + i + "]", maximum);
				if (found != null) {
					return found;
				}
			}
		}
		return null;
	}

	static Found inDocument(Document document, int maximum) {
		AtomicReference<Found> found = new AtomicReference<>();
		new NodeTraverser().depthFirst(new NodeVisitorStub() {

			@Override
			public TraversalControl visitStringValue(StringValue node, TraverserContext<Node> context) {
				if (node.getValue() != null && node.getValue().length() > maximum) {
					SourceLocation location = node.getSourceLocation();
					String where = (location != null)
							? "the string at line " + location.getLine() + ", column " + location.getColumn()
							: "a string of the document";
					found.set(new Found(where, node.getValue().length()));
					return TraversalControl.QUIT;
				}
				return TraversalControl.CONTINUE;
			}

		}, document);
		return found.get();
	}

}
