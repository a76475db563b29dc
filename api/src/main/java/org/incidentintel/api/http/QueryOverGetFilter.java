package org.incidentintel.api.http;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import graphql.language.Document;
import graphql.language.OperationDefinition;
import graphql.parser.Parser;
import graphql.parser.ParserEnvironment;
import graphql.parser.ParserOptions;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.incidentintel.api.error.ErrorCode;
import org.incidentintel.api.error.GraphQlErrorBodies;
import org.incidentintel.api.persisted.PersistedDocuments;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.DefaultCorsProcessor;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Runs queries sent over GET ({@code ?query=…&variables=…&operationName=…&extensions=…},
 * the JSON values URL-encoded), cacheable:
 * <ul>
 * <li>a mutation (or subscription) is refused with 405 and {@code Allow: POST}, also when
 * named by a persisted query's hash;</li>
 * <li>the answer's {@code ETag} is made of the request (its parameters and credential)
 * and the {@link DataVersion}: a request whose {@code If-None-Match} holds it is answered
 * {@code 304 Not Modified} without running the query; the answer without errors carries
 * it with {@code Cache-Control: public, max-age=…} ({@code private} when a credential is
 * sent: {@link CacheHeadersInterceptor});</li>
 * <li>anything else goes to Spring for GraphQL as the POST it stands for, so that every
 * interceptor, limit, rate limit and error code applies.</li>
 * </ul>
 * A GET without {@code query} nor {@code extensions}, or asking for an event stream, is
 * left alone.
 */
class QueryOverGetFilter extends OncePerRequestFilter {

	static final String ETAG = QueryOverGetFilter.class.getName() + ".etag";

	static final String CACHE_CONTROL = QueryOverGetFilter.class.getName() + ".cacheControl";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final PersistedDocuments documents;

	private final DataVersion dataVersion;

	private final long maxAgeSeconds;

	private final ParserOptions parserOptions;

	private final CorsConfiguration cors;

	QueryOverGetFilter(PersistedDocuments documents, DataVersion dataVersion, long maxAgeSeconds, int maxTokens,
			CorsConfiguration cors) {
		this.documents = documents;
		this.dataVersion = dataVersion;
		this.maxAgeSeconds = maxAgeSeconds;
		this.parserOptions = ParserOptions.getDefaultOperationParserOptions()
			.transform((options) -> options.maxTokens(maxTokens));
		this.cors = cors;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		if (!"GET".equals(request.getMethod())
				|| (request.getParameter("query") == null && request.getParameter("extensions") == null)) {
			return true;
		}
		String accept = request.getHeader(HttpHeaders.ACCEPT);
		return accept != null && accept.contains(MediaType.TEXT_EVENT_STREAM_VALUE);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Map<String, Object> body = new LinkedHashMap<>();
		try {
			body.put("variables", jsonObject(request, "variables"));
			body.put("extensions", jsonObject(request, "extensions"));
		}
		catch (JacksonException | ClassCastException malformed) {
			refuse(request, response, HttpStatus.BAD_REQUEST, "The variables and extensions parameters of a GET are "
					+ "JSON objects, URL-encoded: ?query=...&variables=%7B%22first%22%3A5%7D.");
			return;
		}
		String query = request.getParameter("query");
		String operationName = request.getParameter("operationName");
		@SuppressWarnings("unchecked")
		String hash = PersistedDocuments.hashOf((Map<String, Object>) body.get("extensions"));
		String document = (query != null && !query.isBlank()) ? query
				: (hash != null) ? this.documents.document(hash).orElse(null) : null;
		if (document != null && !isQuery(document, operationName)) {
			response.setHeader(HttpHeaders.ALLOW, "POST");
			refuse(request, response, HttpStatus.METHOD_NOT_ALLOWED,
					"Only queries run over GET; send a mutation with POST.");
			return;
		}
		String version = currentDataVersion();
		// Without a version (the database is down) the answer, UNAVAILABLE, is not cached
		if (version != null) {
			String credential = request.getHeader(HttpHeaders.AUTHORIZATION);
			String etag = "W/\""
					+ PersistedDocuments.sha256(credential + "\n" + request.getQueryString()).substring(0, 32) + "-"
					+ version + "\"";
			String cacheControl = ((credential != null) ? "private" : "public") + ", max-age=" + this.maxAgeSeconds;
			if (matches(request.getHeader(HttpHeaders.IF_NONE_MATCH), etag)) {
				applyCors(request, response);
				response.setStatus(HttpStatus.NOT_MODIFIED.value());
				response.setHeader(HttpHeaders.ETAG, etag);
				response.setHeader(HttpHeaders.CACHE_CONTROL, cacheControl);
				return;
			}
			request.setAttribute(ETAG, etag);
			request.setAttribute(CACHE_CONTROL, cacheControl);
		}
		body.put("query", (query != null && !query.isBlank()) ? query : PersistedDocuments.HASH_ONLY);
		body.put("operationName", operationName);
		chain.doFilter(new JsonBodyRequest(request, JSON.writeValueAsBytes(body)), response);
	}

	private String currentDataVersion() {
		try {
			return this.dataVersion.current();
		}
		catch (DataAccessException unavailable) {
			return null;
		}
	}

	private static Map<String, Object> jsonObject(HttpServletRequest request, String name) {
		String value = request.getParameter(name);
		if (value == null || value.isBlank()) {
			return null;
		}
		return JSON.readValue(value, new TypeReference<LinkedHashMap<String, Object>>() {
		});
	}

	/**
	 * Whether the operation to run is a query; a document that does not parse, or names
	 * no single operation, is left for graphql-java to answer.
	 */
	private boolean isQuery(String document, String operationName) {
		Document parsed;
		try {
			parsed = Parser.parse(ParserEnvironment.newParserEnvironment()
				.document(document)
				.parserOptions(this.parserOptions)
				.build());
		}
		catch (RuntimeException unparsable) {
			return true;
		}
		List<OperationDefinition> operations = parsed.getDefinitionsOfType(OperationDefinition.class)
			.stream()
			.filter((operation) -> operationName == null || operationName.equals(operation.getName()))
			.toList();
		return operations.size() != 1 || operations.get(0).getOperation() == OperationDefinition.Operation.QUERY;
	}

	private static boolean matches(String ifNoneMatch, String etag) {
		if (ifNoneMatch == null) {
			return false;
		}
		String opaque = etag.substring(2);
		for (String candidate : ifNoneMatch.split(",")) {
			String tag = candidate.trim();
			if (tag.equals("*") || tag.equals(etag) || tag.equals(opaque) || tag.equals("W/" + opaque)) {
				return true;
			}
		}
		return false;
	}

	private void refuse(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String message)
			throws IOException {
		applyCors(request, response);
		GraphQlErrorBodies.write(request, response, status, ErrorCode.BAD_USER_INPUT, message, Map.of());
	}

	// Answered here, before Spring MVC would add them
	private void applyCors(HttpServletRequest request, HttpServletResponse response) throws IOException {
		if (this.cors != null && request.getHeader(HttpHeaders.ORIGIN) != null) {
			new DefaultCorsProcessor().processRequest(this.cors, request, response);
		}
	}

}
