package org.incidentintel.etl.pull;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One page of the UCDP API as it documents it:
 * {@code {"TotalCount": n, "TotalPages": n, "PreviousPageUrl": "...", "NextPageUrl": "...",
 * "Result": [{...}, ...]}}; the last page's {@code NextPageUrl} is empty.
 *
 * @param totalCount events in the whole answer
 * @param totalPages pages in the whole answer
 * @param nextPageUrl the next page, or null after the last
 * @param ids the events' {@code id}s, in page order
 */
record UcdpPage(long totalCount, int totalPages, String nextPageUrl, List<String> ids) {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/**
	 * Reads a page's body.
	 * @throws TruncatedPage when the body is not whole JSON (a transfer cut short)
	 * @throws UcdpApiException when it is JSON but not a page
	 */
	static UcdpPage parse(String body, URI from) {
		JsonNode page;
		try {
			page = JSON.readTree(body);
		}
		catch (JacksonException ex) {
			throw new TruncatedPage("the page from " + from + " is not whole JSON (" + body.length() + " characters): "
					+ ex.getOriginalMessage());
		}
		if (page == null || !page.isObject() || !page.path("Result").isArray()) {
			throw new UcdpApiException("the answer from " + from
					+ " is not a UCDP API page (an object with a Result array): " + excerpt(body));
		}
		String next = page.path("NextPageUrl").isString() ? page.path("NextPageUrl").asString().strip() : "";
		List<String> ids = new ArrayList<>();
		for (JsonNode event : page.path("Result")) {
			JsonNode id = event.path("id");
			if (id.isValueNode() && !id.isNull()) {
				ids.add(id.asString());
			}
		}
		return new UcdpPage(page.path("TotalCount").asLong(-1), page.path("TotalPages").asInt(-1),
				next.isEmpty() ? null : next, List.copyOf(ids));
	}

	/** Events on this page. */
	int events() {
		return this.ids.size();
	}

	static String excerpt(String body) {
		String text = body.strip().replaceAll("\\s+", " ");
		return (text.length() > 200) ? text.substring(0, 200) + "..." : text;
	}

	/** A body that stops before its JSON ends: worth asking for again. */
	static final class TruncatedPage extends RuntimeException {

		TruncatedPage(String message) {
			super(message);
		}

	}

}
