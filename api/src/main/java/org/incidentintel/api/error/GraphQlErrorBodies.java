package org.incidentintel.api.error;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;

/**
 * Writes the answer to a request refused before GraphQL ran: a GraphQL-over-HTTP error
 * body {@code {"errors":[{"message":…,"extensions":{"code":…}}]}} with an HTTP status, in
 * {@code application/graphql-response+json} when the client accepts it, else
 * {@code application/json}. The one writer of such bodies (request filters, transport
 * errors).
 */
public final class GraphQlErrorBodies {

	/** What a client must send; said whenever a body or its type is refused. */
	public static final String JSON_BODY_EXPECTED = "A GraphQL request is a JSON body (Content-Type: application/json) "
			+ "holding one operation: {\"query\": \"...\", \"variables\": {...}, \"operationName\": \"...\"}.";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private GraphQlErrorBodies() {
	}

	/**
	 * Writes one error with {@code extensions.code} and, after it, the given extensions.
	 */
	public static void write(HttpServletRequest request, HttpServletResponse response, HttpStatusCode status,
			ErrorCode code, String message, Map<String, Object> moreExtensions) throws IOException {
		Map<String, Object> extensions = new LinkedHashMap<>();
		extensions.put("code", code.name());
		extensions.putAll(moreExtensions);
		response.setStatus(status.value());
		response.setContentType(mediaType(request.getHeader("Accept")).toString());
		response.setCharacterEncoding("UTF-8");
		JSON.writeValue(response.getOutputStream(),
				Map.of("errors", List.of(Map.of("message", message, "extensions", extensions))));
	}

	static MediaType mediaType(String accept) {
		if (accept != null) {
			try {
				for (MediaType accepted : MediaType.parseMediaTypes(accept)) {
					if (MediaType.APPLICATION_GRAPHQL_RESPONSE.equalsTypeAndSubtype(accepted)) {
						return MediaType.APPLICATION_GRAPHQL_RESPONSE;
					}
				}
			}
			catch (IllegalArgumentException unparsable) {
				// answered in plain JSON
			}
		}
		return MediaType.APPLICATION_JSON;
	}

}
