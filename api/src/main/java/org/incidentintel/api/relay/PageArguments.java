package org.incidentintel.api.relay;

import org.incidentintel.api.error.ApiException;

/**
 * Validated Relay page arguments: {@code first}/{@code after} pages forward,
 * {@code last}/ {@code before} backward. A size over the cap is an error
 * ({@code LIMIT_EXCEEDED}), never a silent cut.
 *
 * @param size the page size
 * @param backward whether the page is counted back from {@code before} (or the end)
 */
public record PageArguments(int size, boolean backward, String after, String before) {

	/** The default page size when neither {@code first} nor {@code last} is given. */
	public static final int DEFAULT_SIZE = 20;

	public static PageArguments of(Integer first, String after, Integer last, String before, int maxSize) {
		if (first != null && last != null) {
			throw ApiException.badInput("give either first or last, not both", "last");
		}
		if (last != null && after != null) {
			throw ApiException.badInput("after pages forward: use it with first, not last", "after");
		}
		if (first != null && before != null) {
			throw ApiException.badInput("before pages backward: use it with last, not first", "before");
		}
		boolean backward = last != null || (before != null);
		Integer requested = backward ? last : first;
		String argument = backward ? "last" : "first";
		int size = (requested != null) ? requested : DEFAULT_SIZE;
		if (size < 0) {
			throw ApiException.badInput(argument + " must not be negative", argument);
		}
		if (size > maxSize) {
			throw ApiException.limitExceeded(
					argument + " is " + size + "; a page holds at most " + maxSize + " items: page with cursors",
					argument);
		}
		return new PageArguments(size, backward, after, before);
	}

}
