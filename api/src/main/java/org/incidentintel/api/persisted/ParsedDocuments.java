package org.incidentintel.api.persisted;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import graphql.ExecutionInput;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.execution.preparsed.PreparsedDocumentProvider;

/**
 * Keeps the parsed and validated documents that passed, so that a client sending the same
 * query again (with other variables) skips parsing and validation: 12-16% of a page or
 * organization request's time (docs/benchmarks.md, "Where the API's time goes"). The
 * limits stay whole: the query-shape instrumentation (limits) measures the document,
 * which is the same, and only a document that passed it is kept; the cost, the rate limit
 * and the request timeout are checked on every execution. Bounded: documents longer than
 * {@value #MAX_LENGTH} characters are not kept, and the cache is emptied when it holds
 * {@value #MAX_ENTRIES}, so that many one-off documents cost memory no longer than that.
 */
class ParsedDocuments implements PreparsedDocumentProvider {

	static final int MAX_ENTRIES = 500;

	static final int MAX_LENGTH = 10_000;

	private final Map<String, PreparsedDocumentEntry> documents = new ConcurrentHashMap<>();

	@Override
	public CompletableFuture<PreparsedDocumentEntry> getDocumentAsync(ExecutionInput input,
			Function<ExecutionInput, PreparsedDocumentEntry> parseAndValidate) {
		return CompletableFuture.completedFuture(get(input, parseAndValidate));
	}

	/**
	 * The document of the request, kept or parsed and validated now (graphql-java has one
	 * preparsed document provider: the persisted documents' calls this for a request that
	 * names no hash).
	 * @param input the request
	 * @param parseAndValidate graphql-java's parsing and validation
	 * @return the document's entry
	 */
	PreparsedDocumentEntry get(ExecutionInput input,
			Function<ExecutionInput, PreparsedDocumentEntry> parseAndValidate) {
		String query = input.getQuery();
		if (query.length() > MAX_LENGTH) {
			return parseAndValidate.apply(input);
		}
		PreparsedDocumentEntry entry = this.documents.get(query);
		if (entry == null) {
			entry = parseAndValidate.apply(input);
			if (!entry.hasErrors()) {
				if (this.documents.size() >= MAX_ENTRIES) {
					this.documents.clear();
				}
				this.documents.put(query, entry);
			}
		}
		return entry;
	}

	int size() {
		return this.documents.size();
	}

}
