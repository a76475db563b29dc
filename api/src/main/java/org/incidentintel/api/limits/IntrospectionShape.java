package org.incidentintel.api.limits;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import graphql.language.Definition;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;

/**
 * What makes an introspection query expensive, measured on the document (fragments
 * expanded), in place of graphql-java's "good faith" check, which allows each of
 * {@code __Type.fields}, {@code inputFields}, {@code interfaces} and
 * {@code possibleTypes} once per operation and so refused {@code { __schema { queryType {
 * fields { name } } mutationType { fields { name } } } }}. The size of an introspection
 * answer grows with the lists of {@code __Type} nested in each other (the fields of the
 * types of the fields of every type...) and with repeats of the whole schema; so an
 * operation may select:
 * <ul>
 * <li>{@code __schema} and its {@code types} once each;</li>
 * <li>{@code __type(name:)} up to {@value #MAX_REPEATS} times (Apollo Kotlin probes five
 * meta-types so);</li>
 * <li>each list of a type ({@code fields}, {@code inputFields}, {@code interfaces},
 * {@code possibleTypes}) up to {@value #MAX_REPEATS} times, and never one inside another
 * (as {@code fields { type { fields } }}): the queries of GraphiQL, graphql-codegen,
 * Relay, Apollo (graphql-js's {@code getIntrospectionQuery}, graphql-java's
 * {@code IntrospectionQuery}) list the fields of each type once, and the types they point
 * to by name and {@code ofType}.</li>
 * </ul>
 * How deep {@code ofType} nests is bounded by {@code max-depth} like any selection.
 */
final class IntrospectionShape {

	static final int MAX_REPEATS = 10;

	private static final Set<String> TYPE_LISTS = Set.of("fields", "inputFields", "interfaces", "possibleTypes");

	private final Map<String, FragmentDefinition> fragments = new HashMap<>();

	private final Set<String> visiting = new HashSet<>();

	private final Map<String, Integer> counts = new HashMap<>();

	private String refusal;

	private IntrospectionShape(Document document) {
		for (Definition<?> definition : document.getDefinitions()) {
			if (definition instanceof FragmentDefinition fragment) {
				this.fragments.putIfAbsent(fragment.getName(), fragment);
			}
		}
	}

	/**
	 * Why the document's introspection is refused, or {@code null} when it is not. Call
	 * it on documents whose size {@link QueryShape} accepted: fragments are expanded.
	 * @param document a parsed document
	 * @return the message of the refusal, or {@code null}
	 */
	static String refusal(Document document) {
		for (Definition<?> definition : document.getDefinitions()) {
			if (definition instanceof OperationDefinition operation) {
				IntrospectionShape shape = new IntrospectionShape(document);
				shape.root(operation.getSelectionSet());
				if (shape.refusal != null) {
					return shape.refusal;
				}
			}
		}
		return null;
	}

	private void root(SelectionSet selectionSet) {
		for (Field field : fields(selectionSet)) {
			if ("__schema".equals(field.getName())) {
				count("__schema", 1);
				walk(field.getSelectionSet(), null, true);
			}
			else if ("__type".equals(field.getName())) {
				count("__type", MAX_REPEATS);
				walk(field.getSelectionSet(), null, false);
			}
		}
	}

	private void walk(SelectionSet selectionSet, String enclosingList, boolean underSchema) {
		for (Field field : fields(selectionSet)) {
			if (this.refusal != null) {
				return;
			}
			String name = field.getName();
			String list = enclosingList;
			if (underSchema && "types".equals(name)) {
				count("__schema.types", 1);
			}
			if (TYPE_LISTS.contains(name)) {
				if (enclosingList != null) {
					this.refusal = "The introspection query asks for " + name + " inside " + enclosingList
							+ " (the lists of every type nested in each other); ask for the types a field points to "
							+ "by name, and for their own " + name + " at the level of __schema.types or __type.";
					return;
				}
				count(name, MAX_REPEATS);
				list = name;
			}
			walk(field.getSelectionSet(), list, underSchema && "__schema".equals(name));
		}
	}

	private void count(String what, int maximum) {
		int count = this.counts.merge(what, 1, Integer::sum);
		if (count > maximum && this.refusal == null) {
			this.refusal = "The introspection query asks for " + what + " " + count + " times; at most "
					+ ((maximum == 1) ? "once" : maximum + " times") + " per operation.";
		}
	}

	/** The fields of a selection set, fragments and inline fragments expanded. */
	private List<Field> fields(SelectionSet selectionSet) {
		if (selectionSet == null) {
			return List.of();
		}
		List<Field> fields = new ArrayList<>();
		for (Selection<?> selection : selectionSet.getSelections()) {
			if (selection instanceof Field field) {
				fields.add(field);
			}
			else if (selection instanceof InlineFragment inline) {
				fields.addAll(fields(inline.getSelectionSet()));
			}
			else if (selection instanceof FragmentSpread spread) {
				FragmentDefinition fragment = this.fragments.get(spread.getName());
				if (fragment != null && this.visiting.add(spread.getName())) {
					try {
						fields.addAll(fields(fragment.getSelectionSet()));
					}
					finally {
						this.visiting.remove(spread.getName());
					}
				}
			}
		}
		return fields;
	}

}
