package org.incidentintel.api.limits;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToLongBiFunction;

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
 * The size of a parsed document, measured before it is validated: how deep its selections
 * nest and how many fields they select once fragments are expanded, how many root fields
 * each operation selects, and how many aliases it holds. Fragments are measured once
 * each, so a document of fragments that spread each other many times is measured in
 * linear time; a fragment that spreads itself counts as empty (validation refuses it
 * afterwards).
 *
 * @param depth the deepest nesting of fields in any operation (a root field is at depth
 * 1)
 * @param fields the most fields any operation selects, fragments expanded (saturates at
 * {@link Long#MAX_VALUE})
 * @param rootFields the most root fields any operation selects, fragments expanded
 * @param aliases the aliases written in the document
 */
record QueryShape(long depth, long fields, long rootFields, long aliases) {

	static QueryShape of(Document document) {
		return new Measure(document).shape();
	}

	private static final class Measure {

		private final Map<String, FragmentDefinition> fragments = new HashMap<>();

		private final Map<String, Long> fragmentDepths = new HashMap<>();

		private final Map<String, Long> fragmentFields = new HashMap<>();

		private final Map<String, Long> fragmentRootFields = new HashMap<>();

		private final Set<String> visiting = new HashSet<>();

		private final Document document;

		Measure(Document document) {
			this.document = document;
			for (Definition<?> definition : document.getDefinitions()) {
				if (definition instanceof FragmentDefinition fragment) {
					this.fragments.putIfAbsent(fragment.getName(), fragment);
				}
			}
		}

		QueryShape shape() {
			long depth = 0;
			long fields = 0;
			long rootFields = 0;
			long aliases = 0;
			for (Definition<?> definition : this.document.getDefinitions()) {
				if (definition instanceof OperationDefinition operation) {
					depth = Math.max(depth, depth(operation.getSelectionSet()));
					fields = Math.max(fields, fields(operation.getSelectionSet()));
					rootFields = Math.max(rootFields, rootFields(operation.getSelectionSet()));
					aliases += aliases(operation.getSelectionSet());
				}
				else if (definition instanceof FragmentDefinition fragment) {
					aliases += aliases(fragment.getSelectionSet());
				}
			}
			return new QueryShape(depth, fields, rootFields, aliases);
		}

		/** The deepest nesting of fields below a selection set. */
		private long depth(SelectionSet selectionSet) {
			long deepest = 0;
			for (Selection<?> selection : selections(selectionSet)) {
				if (selection instanceof Field field) {
					deepest = Math.max(deepest, 1 + depth(field.getSelectionSet()));
				}
				else if (selection instanceof InlineFragment inline) {
					deepest = Math.max(deepest, depth(inline.getSelectionSet()));
				}
				else if (selection instanceof FragmentSpread spread) {
					deepest = Math.max(deepest,
							fragment(spread.getName(), this.fragmentDepths, (measure, set) -> measure.depth(set)));
				}
			}
			return deepest;
		}

		/** The fields selected below a selection set, fragments expanded. */
		private long fields(SelectionSet selectionSet) {
			long count = 0;
			for (Selection<?> selection : selections(selectionSet)) {
				if (selection instanceof Field field) {
					count = add(count, add(1, fields(field.getSelectionSet())));
				}
				else if (selection instanceof InlineFragment inline) {
					count = add(count, fields(inline.getSelectionSet()));
				}
				else if (selection instanceof FragmentSpread spread) {
					count = add(count,
							fragment(spread.getName(), this.fragmentFields, (measure, set) -> measure.fields(set)));
				}
			}
			return count;
		}

		/** The fields directly in a selection set, fragments expanded. */
		private long rootFields(SelectionSet selectionSet) {
			long count = 0;
			for (Selection<?> selection : selections(selectionSet)) {
				if (selection instanceof Field) {
					count = add(count, 1);
				}
				else if (selection instanceof InlineFragment inline) {
					count = add(count, rootFields(inline.getSelectionSet()));
				}
				else if (selection instanceof FragmentSpread spread) {
					count = add(count, fragment(spread.getName(), this.fragmentRootFields,
							(measure, set) -> measure.rootFields(set)));
				}
			}
			return count;
		}

		/** The aliases written in a selection set (fragment spreads are not followed). */
		private long aliases(SelectionSet selectionSet) {
			long count = 0;
			for (Selection<?> selection : selections(selectionSet)) {
				if (selection instanceof Field field) {
					count += ((field.getAlias() != null) ? 1 : 0) + aliases(field.getSelectionSet());
				}
				else if (selection instanceof InlineFragment inline) {
					count += aliases(inline.getSelectionSet());
				}
			}
			return count;
		}

		private long fragment(String name, Map<String, Long> memo, ToLongBiFunction<Measure, SelectionSet> measure) {
			Long known = memo.get(name);
			if (known != null) {
				return known;
			}
			FragmentDefinition fragment = this.fragments.get(name);
			if (fragment == null || !this.visiting.add(name)) {
				return 0; // unknown or cyclic: validation refuses the document
			}
			try {
				long value = measure.applyAsLong(this, fragment.getSelectionSet());
				memo.put(name, value);
				return value;
			}
			finally {
				this.visiting.remove(name);
			}
		}

		private static List<Selection> selections(SelectionSet selectionSet) {
			return (selectionSet != null) ? selectionSet.getSelections() : List.of();
		}

		private static long add(long a, long b) {
			long sum = a + b;
			return (sum < 0) ? Long.MAX_VALUE : sum;
		}

	}

}
