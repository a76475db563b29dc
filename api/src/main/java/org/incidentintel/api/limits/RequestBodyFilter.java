package org.incidentintel.api.limits;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.incidentintel.api.error.ErrorCode;
import org.incidentintel.api.error.GraphQlErrorBodies;
import org.incidentintel.api.http.ReadBodyRequest;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses, before anything reads it, a GraphQL request the API would never execute: a
 * body larger than {@code max-request-size} bytes (413: a 20 MB variable once ran the API
 * out of memory), a body that is not JSON (415: a form, a multipart upload, which once
 * failed inside the servlet container, {@code text/plain}, no {@code Content-Type}) and
 * an {@code Accept} the API cannot answer (406). Every answer is a GraphQL error body
 * with {@code extensions.code}, where Spring for GraphQL answers the last two with an
 * empty body. A body that is JSON but not a GraphQL request is refused after reading it
 * (the error package's {@code TransportErrorResolver}).
 */
class RequestBodyFilter extends OncePerRequestFilter {

	private static final MediaType GRAPHQL = MediaType.parseMediaType("application/graphql");

	private static final List<MediaType> ANSWERS = List.of(MediaType.APPLICATION_GRAPHQL_RESPONSE,
			MediaType.APPLICATION_JSON, MediaType.TEXT_EVENT_STREAM);

	private final long maxRequestSize;

	RequestBodyFilter(long maxRequestSize) {
		this.maxRequestSize = maxRequestSize;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !"POST".equals(request.getMethod());
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (!isJson(request.getContentType())) {
			refuse(request, response, HttpStatus.UNSUPPORTED_MEDIA_TYPE, ErrorCode.BAD_USER_INPUT,
					((request.getContentType() != null) ? "The body is " + request.getContentType() + ". "
							: "The request has no Content-Type. ") + GraphQlErrorBodies.JSON_BODY_EXPECTED,
					Map.of());
			return;
		}
		if (!acceptsAnAnswer(request.getHeader(HttpHeaders.ACCEPT))) {
			refuse(request, response, HttpStatus.NOT_ACCEPTABLE, ErrorCode.BAD_USER_INPUT,
					"The answer is application/graphql-response+json or application/json (text/event-stream for "
							+ "a subscription); the request accepts none of them.",
					Map.of());
			return;
		}
		long length = request.getContentLengthLong();
		if (length > this.maxRequestSize) {
			refuseTooLarge(request, response, length);
			return;
		}
		if (length >= 0) {
			// The container reads no further than the declared length
			chain.doFilter(request, response);
			return;
		}
		// A chunked body has no declared length: read it, at most one byte past the limit
		byte[] body = request.getInputStream().readNBytes((int) Math.min(this.maxRequestSize + 1, Integer.MAX_VALUE));
		if (body.length > this.maxRequestSize) {
			refuseTooLarge(request, response, null);
			return;
		}
		chain.doFilter(new ReadBodyRequest(request, body), response);
	}

	// application/graphql: a JSON body all the same, which Spring for GraphQL still reads
	private static boolean isJson(String contentType) {
		if (contentType == null) {
			return false;
		}
		try {
			MediaType type = MediaType.parseMediaType(contentType);
			return type.equalsTypeAndSubtype(MediaType.APPLICATION_JSON) || type.equalsTypeAndSubtype(GRAPHQL);
		}
		catch (IllegalArgumentException unparsable) {
			return false;
		}
	}

	private static boolean acceptsAnAnswer(String accept) {
		if (accept == null || accept.isBlank()) {
			return true;
		}
		try {
			return MediaType.parseMediaTypes(accept)
				.stream()
				.anyMatch((accepted) -> ANSWERS.stream().anyMatch(accepted::isCompatibleWith));
		}
		catch (IllegalArgumentException unparsable) {
			return false;
		}
	}

	private void refuseTooLarge(HttpServletRequest request, HttpServletResponse response, Long length)
			throws IOException {
		Map<String, Object> limit = new LinkedHashMap<>();
		limit.put("limit", "incidentintel.api.max-request-size");
		limit.put("maximum", this.maxRequestSize);
		if (length != null) {
			limit.put("actual", length);
		}
		refuse(request, response, HttpStatus.CONTENT_TOO_LARGE, ErrorCode.LIMIT_EXCEEDED,
				"The request body is larger than " + this.maxRequestSize + " bytes; send a shorter document or "
						+ "smaller variables.",
				limit);
	}

	private static void refuse(HttpServletRequest request, HttpServletResponse response, HttpStatus status,
			ErrorCode code, String message, Map<String, Object> extensions) throws IOException {
		// The client may still be sending: tell the container not to keep the connection
		response.setHeader("Connection", "close");
		GraphQlErrorBodies.write(request, response, status, code, message, extensions);
	}

}
