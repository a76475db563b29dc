package org.incidentintel.api.error;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.apache.tomcat.util.res.StringManager;

import org.springframework.http.HttpStatus;
import org.springframework.util.unit.DataSize;

/**
 * Answers the requests Tomcat refuses before any filter or servlet sees them with a
 * GraphQL-over-HTTP error body instead of its HTML error page: above all a request whose
 * request line and headers exceed {@code server.max-http-request-header-size} (a long
 * query sent over GET), answered 414 when the URL alone did not fit, else 431, naming the
 * limit and what to send instead. The host's error report valve in place of Tomcat's
 * ({@link GraphQlErrorReportValveCustomizer}); answers the application wrote are left
 * alone.
 */
class GraphQlErrorReportValve extends ErrorReportValve {

	private static final Log logger = LogFactory.getLog(GraphQlErrorReportValve.class);

	/**
	 * Tomcat's message for a request line and headers over its limit, in its own words
	 * (its locale): Tomcat marks that refusal by nothing else.
	 */
	private static final String HEADER_TOO_LARGE = StringManager.getManager("org.apache.coyote.http11")
		.getString("iib.requestheadertoolarge.error");

	private final DataSize maxHeaderSize;

	GraphQlErrorReportValve(DataSize maxHeaderSize) {
		this.maxHeaderSize = maxHeaderSize;
	}

	@Override
	protected void report(Request request, Response response, Throwable throwable) {
		// as Tomcat's valve: not a success, nothing written yet, not reported already
		if (response.getStatus() < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
			return;
		}
		try {
			if (throwable != null && HEADER_TOO_LARGE.equals(throwable.getMessage())) {
				headerTooLarge(request, response);
			}
			else {
				HttpStatus status = HttpStatus.resolve(response.getStatus());
				String reason = (status != null) ? status.getReasonPhrase() : "Error";
				GraphQlErrorBodies.write(request, response, (status != null) ? status : HttpStatus.BAD_REQUEST,
						(response.getStatus() < 500) ? ErrorCode.BAD_USER_INPUT : ErrorCode.INTERNAL,
						"The HTTP request was refused before it reached the API: " + response.getStatus() + " " + reason
								+ ".",
						Map.of());
			}
		}
		catch (IOException | IllegalStateException ex) {
			// the client is gone, or the connection cannot take an answer any more
			logger.debug("No error body for a refused request", ex);
		}
	}

	private void headerTooLarge(Request request, Response response) throws IOException {
		// Tomcat fills its buffer with the request line first: no URI read, the URL is
		// too long
		String uri = request.getRequestURI();
		boolean urlTooLong = uri == null || uri.isEmpty();
		Map<String, Object> limit = new LinkedHashMap<>();
		limit.put("limit", "server.max-http-request-header-size");
		limit.put("maximum", this.maxHeaderSize.toBytes());
		String what = urlTooLong ? "The URL is" : "The request line and headers are";
		GraphQlErrorBodies.write(request, response,
				urlTooLong ? HttpStatus.URI_TOO_LONG : HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE,
				ErrorCode.LIMIT_EXCEEDED,
				what + " longer than the server's limit of " + this.maxHeaderSize.toBytes()
						+ " bytes (server.max-http-request-header-size): send a long query by POST, or by its "
						+ "hash as a persisted query (extensions.persistedQuery).",
				limit);
	}

}
