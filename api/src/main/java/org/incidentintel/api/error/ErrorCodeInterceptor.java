package org.incidentintel.api.error;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import graphql.ErrorClassification;
import graphql.ErrorType;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Mono;

import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.stereotype.Component;

/**
 * Makes every error of a response carry {@code extensions.code} from the {@link ErrorCode
 * catalog}, also those graphql-java raises itself: a document that does not parse or
 * validate, an unknown operation or variables of the wrong type are
 * {@code BAD_USER_INPUT}; an aborted execution is {@code LIMIT_EXCEEDED}; anything else
 * is {@code INTERNAL}, logged and answered without detail. graphql-java's own messages
 * are {@link ClientMessages rewritten} without its syntax-tree dumps.
 * {@code extensions.classification} keeps graphql-java's classification, except that a
 * data fetcher's error is classified by its code with Spring for GraphQL's
 * {@code ErrorType} ({@code BAD_REQUEST}, {@code NOT_FOUND}, ...) rather than as a Java
 * exception.
 */
@Component
class ErrorCodeInterceptor implements WebGraphQlInterceptor {

	private static final Log logger = LogFactory.getLog(ErrorCodeInterceptor.class);

	@Override
	public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
		return chain.next(request).map(ErrorCodeInterceptor::withCodes);
	}

	private static WebGraphQlResponse withCodes(WebGraphQlResponse response) {
		List<GraphQLError> errors = response.getExecutionResult().getErrors();
		if (errors.stream().allMatch(ErrorCodeInterceptor::isComplete)) {
			return response;
		}
		List<GraphQLError> coded = errors.stream().map((error) -> isComplete(error) ? error : complete(error)).toList();
		return response.transform((builder) -> builder.errors(coded));
	}

	private static boolean isComplete(GraphQLError error) {
		return code(error) != null && error.getErrorType() != ErrorType.DataFetchingException;
	}

	private static String code(GraphQLError error) {
		Object code = (error.getExtensions() != null) ? error.getExtensions().get("code") : null;
		return (code != null) ? code.toString() : null;
	}

	static ErrorClassification classificationOf(String code) {
		return switch (code) {
			case "BAD_USER_INPUT", "LIMIT_EXCEEDED" -> org.springframework.graphql.execution.ErrorType.BAD_REQUEST;
			case "NOT_FOUND" -> org.springframework.graphql.execution.ErrorType.NOT_FOUND;
			case "UNAUTHENTICATED" -> org.springframework.graphql.execution.ErrorType.UNAUTHORIZED;
			case "FORBIDDEN" -> org.springframework.graphql.execution.ErrorType.FORBIDDEN;
			default -> org.springframework.graphql.execution.ErrorType.INTERNAL_ERROR;
		};
	}

	private static GraphQLError complete(GraphQLError error) {
		String code = code(error);
		String message = error.getMessage();
		if (code == null) {
			ErrorCode assigned = ErrorCode.of(error.getErrorType());
			code = assigned.name();
			if (assigned == ErrorCode.INTERNAL) {
				logger.error("Internal error answered without detail: " + error);
				message = "Internal error; it has been logged.";
			}
			else {
				message = ClientMessages.sanitize(message);
			}
		}
		Map<String, Object> extensions = new LinkedHashMap<>();
		extensions.put("code", code);
		if (error.getExtensions() != null) {
			error.getExtensions().forEach(extensions::putIfAbsent);
		}
		GraphqlErrorBuilder<?> builder = GraphqlErrorBuilder.newError()
			.message("%s", message)
			.errorType((error.getErrorType() != ErrorType.DataFetchingException) ? error.getErrorType()
					: classificationOf(code))
			.extensions(extensions);
		if (error.getLocations() != null) {
			builder.locations(error.getLocations());
		}
		if (error.getPath() != null) {
			builder.path(error.getPath());
		}
		return builder.build();
	}

}
