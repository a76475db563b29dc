package org.incidentintel.api.relay;

import java.util.List;
import java.util.function.Function;

/**
 * A Relay cursor connection: the page's edges, where it sits in the whole list, and how
 * many items the whole (filtered) list holds.
 */
public record Connection<T>(List<Edge<T>> edges, PageInfo pageInfo, long totalCount) {

	/** One item and the cursor just after which the next page starts. */
	public record Edge<T>(String cursor, T node) {
	}

	/**
	 * Where the page sits: whether more lies beyond it, and its first and last cursors.
	 */
	public record PageInfo(boolean hasNextPage, boolean hasPreviousPage, String startCursor, String endCursor) {
	}

	/**
	 * Builds a connection from the rows fetched for a page (fetched one row beyond the
	 * page size, so that the extra row tells whether there is more).
	 * @param rows rows in display order, possibly one more than the page size
	 * @param page the page arguments
	 * @param cursorOf the cursor of a row
	 */
	public static <T> Connection<T> of(List<T> rows, PageArguments page, Function<T, String> cursorOf,
			long totalCount) {
		boolean more = rows.size() > page.size();
		List<T> shown = more ? (page.backward() ? rows.subList(rows.size() - page.size(), rows.size())
				: rows.subList(0, page.size())) : rows;
		List<Edge<T>> edges = shown.stream().map((row) -> new Edge<>(cursorOf.apply(row), row)).toList();
		String start = edges.isEmpty() ? null : edges.get(0).cursor();
		String end = edges.isEmpty() ? null : edges.get(edges.size() - 1).cursor();
		boolean hasNext = page.backward() ? page.before() != null : more;
		boolean hasPrevious = page.backward() ? more : page.after() != null;
		return new Connection<>(edges, new PageInfo(hasNext, hasPrevious, start, end), totalCount);
	}

}
