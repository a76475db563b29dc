package org.incidentintel.api.error;

import java.io.IOException;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.MismatchedInputException;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponse;
import org.springframework.web.server.ServerWebInputException;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

/**
 * Answers a request to the GraphQL endpoint whose JSON body Spring for GraphQL could not
 * read as one GraphQL request (malformed JSON, no {@code query}, a batch as a JSON array)
 * with a GraphQL-over-HTTP error body and status 400, instead of Spring's
 * {@code {"timestamp":…,"error":"Bad Request"}}. Bodies that are not JSON at all are
 * refused before they are read (the limits package's {@code RequestBodyFilter}).
 */
@Component
class TransportErrorResolver implements HandlerExceptionResolver, Ordered {

	private static final Log logger = LogFactory.getLog(TransportErrorResolver.class);

	private final String graphQlPath;

	TransportErrorResolver(@Value("${spring.graphql.http.path:/graphql}") String graphQlPath) {
		this.graphQlPath = graphQlPath;
	}

	@Override
	public int getOrder() {
		// Before Spring MVC's own resolvers, which would answer with an error page
		return Ordered.HIGHEST_PRECEDENCE;
	}

	@Override
	public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler,
			Exception ex) {
		if (!this.graphQlPath.equals(request.getRequestURI().substring(request.getContextPath().length()))) {
			return null;
		}
		Refusal refusal = refusal(ex, request.getContentLengthLong() == 0);
		if (refusal == null) {
			return null;
		}
		try {
			GraphQlErrorBodies.write(request, response, refusal.status(), ErrorCode.BAD_USER_INPUT, refusal.message(),
					Map.of());
			return new ModelAndView();
		}
		catch (IOException writeFailed) {
			logger.debug("Could not write the refusal of an unreadable GraphQL request", writeFailed);
			return null;
		}
	}

	static Refusal refusal(Exception ex, boolean emptyBody) {
		if (ex instanceof HttpMessageNotReadableException notReadable) {
			return new Refusal(HttpStatus.BAD_REQUEST,
					emptyBody ? "The request body is empty. " + GraphQlErrorBodies.JSON_BODY_EXPECTED
							: notReadableMessage(notReadable));
		}
		if (ex instanceof ServerWebInputException input) {
			return new Refusal(input.getStatusCode(),
					noQuery(input) ? "The request has no \"query\". " + GraphQlErrorBodies.JSON_BODY_EXPECTED
							: input.getReason() + ". " + GraphQlErrorBodies.JSON_BODY_EXPECTED);
		}
		if (ex instanceof ErrorResponse other && other.getStatusCode().is4xxClientError()) {
			return new Refusal(other.getStatusCode(), "The request cannot be served here (HTTP "
					+ other.getStatusCode().value() + "). " + GraphQlErrorBodies.JSON_BODY_EXPECTED);
		}
		return null;
	}

	private static boolean noQuery(ServerWebInputException input) {
		return input.getReason() != null && input.getReason().contains("query");
	}

	private static String notReadableMessage(HttpMessageNotReadableException ex) {
		Throwable cause = ex.getMostSpecificCause();
		if (cause instanceof MismatchedInputException) {
			// A JSON array (a batch), a string or a number where the request object
			// belongs
			return "The request body is JSON but not one request object; batches (a JSON array) are not accepted. "
					+ GraphQlErrorBodies.JSON_BODY_EXPECTED;
		}
		if (cause instanceof StreamReadException malformed && malformed.getLocation() != null) {
			return "The request body is not valid JSON (line " + malformed.getLocation().getLineNr() + ", column "
					+ malformed.getLocation().getColumnNr() + "). " + GraphQlErrorBodies.JSON_BODY_EXPECTED;
		}
		return "The request body is not valid JSON. " + GraphQlErrorBodies.JSON_BODY_EXPECTED;
	}

	/** The status and message a refused request is answered with. */
	record Refusal(HttpStatusCode status, String message) {
	}

}
