package org.incidentintel.api.limits;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.incidentintel.api.error.ErrorCode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses, before anything reads it, a GraphQL request body the API would never execute:
 * one larger than {@code max-request-size} bytes (413: a 20 MB variable once ran the API
 * out of memory) and a form or multipart body (415: file uploads are not part of the API,
 * and a malformed multipart body failed inside the servlet container). Both answers are
 * GraphQL error bodies with {@code extensions.code}.
 */
class RequestBodyFilter extends OncePerRequestFilter {

	private static final JsonMapper JSON = JsonMapper.builder().build();

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
		String contentType = request.getContentType();
		if (contentType != null && isFormOrMultipart(contentType)) {
			refuse(response, HttpStatus.UNSUPPORTED_MEDIA_TYPE, ErrorCode.BAD_USER_INPUT,
					"A GraphQL request is a JSON body (Content-Type: application/json); forms and multipart "
							+ "uploads are not accepted.",
					Map.of());
			return;
		}
		long length = request.getContentLengthLong();
		if (length > this.maxRequestSize) {
			refuseTooLarge(response, length);
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
			refuseTooLarge(response, null);
			return;
		}
		chain.doFilter(new ReadBody(request, body), response);
	}

	private static boolean isFormOrMultipart(String contentType) {
		try {
			MediaType type = MediaType.parseMediaType(contentType);
			return "multipart".equalsIgnoreCase(type.getType())
					|| MediaType.APPLICATION_FORM_URLENCODED.isCompatibleWith(type);
		}
		catch (IllegalArgumentException unparsable) {
			return false;
		}
	}

	private void refuseTooLarge(HttpServletResponse response, Long length) throws IOException {
		Map<String, Object> limit = new LinkedHashMap<>();
		limit.put("limit", "incidentintel.api.max-request-size");
		limit.put("maximum", this.maxRequestSize);
		if (length != null) {
			limit.put("actual", length);
		}
		refuse(response, HttpStatus.CONTENT_TOO_LARGE, ErrorCode.LIMIT_EXCEEDED, "The request body is larger than "
				+ this.maxRequestSize + " bytes; send a shorter document or " + "smaller variables.", limit);
	}

	private static void refuse(HttpServletResponse response, HttpStatus status, ErrorCode code, String message,
			Map<String, Object> more) throws IOException {
		Map<String, Object> extensions = new LinkedHashMap<>();
		extensions.put("code", code.name());
		extensions.putAll(more);
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		// The client may still be sending: tell the container not to keep the connection
		response.setHeader("Connection", "close");
		JSON.writeValue(response.getOutputStream(),
				Map.of("errors", List.of(Map.of("message", message, "extensions", extensions))));
	}

	/** The request with its body already read into memory. */
	private static final class ReadBody extends HttpServletRequestWrapper {

		private final byte[] body;

		ReadBody(HttpServletRequest request, byte[] body) {
			super(request);
			this.body = body;
		}

		@Override
		public int getContentLength() {
			return this.body.length;
		}

		@Override
		public long getContentLengthLong() {
			return this.body.length;
		}

		@Override
		public ServletInputStream getInputStream() {
			ByteArrayInputStream bytes = new ByteArrayInputStream(this.body);
			return new ServletInputStream() {

				@Override
				public int read() {
					return bytes.read();
				}

				@Override
				public int read(byte[] buffer, int offset, int length) {
					return bytes.read(buffer, offset, length);
				}

				@Override
				public boolean isFinished() {
					return bytes.available() == 0;
				}

				@Override
				public boolean isReady() {
					return true;
				}

				@Override
				public void setReadListener(ReadListener listener) {
					throw new UnsupportedOperationException("the body is already read");
				}

			};
		}

	}

}
