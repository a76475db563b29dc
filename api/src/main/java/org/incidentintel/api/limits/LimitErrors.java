package org.incidentintel.api.limits;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import graphql.ErrorType;
import graphql.ExecutionResult;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.execution.AbortExecutionException;
import org.incidentintel.api.error.ErrorCode;

import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.support.DefaultExecutionGraphQlResponse;

/**
 * The errors of refused requests: {@code extensions.code} from the catalog, plus
 * {@code extensions.limit} (the property that sets the limit, e.g.
 * {@code incidentintel.api.max-depth}), {@code extensions.maximum} and, when measured,
 * {@code extensions.actual}.
 */
final class LimitErrors {

	private LimitErrors() {
	}

	static GraphQLError limitExceeded(String message, String property, long maximum, Long actual) {
		Map<String, Object> extensions = new LinkedHashMap<>();
		extensions.put("code", ErrorCode.LIMIT_EXCEEDED.name());
		extensions.put("limit", "incidentintel.api." + property);
		extensions.put("maximum", maximum);
		if (actual != null) {
			extensions.put("actual", actual);
		}
		return GraphqlErrorBuilder.newError()
			.message("%s", message)
			.errorType(ErrorType.ExecutionAborted)
			.extensions(extensions)
			.build();
	}

	/** An introspection query of a costly shape ({@link IntrospectionShape}). */
	static GraphQLError introspectionRefused(String message) {
		return GraphqlErrorBuilder.newError()
			.message("%s", message)
			.errorType(ErrorType.ExecutionAborted)
			.extensions(Map.of("code", ErrorCode.LIMIT_EXCEEDED.name(), "limit", "introspection"))
			.build();
	}

	/**
	 * A string value over {@code max-string-length}: bad input, refused before any work.
	 */
	static GraphQLError tooLong(LongStrings.Found found, int maximum) {
		Map<String, Object> extensions = new LinkedHashMap<>();
		extensions.put("code", ErrorCode.BAD_USER_INPUT.name());
		extensions.put("limit", "incidentintel.api.max-string-length");
		extensions.put("maximum", maximum);
		extensions.put("actual", found.length());
		return GraphqlErrorBuilder.newError()
			.message("%s is %d characters long; at most %d are accepted.", capitalized(found.where()), found.length(),
					maximum)
			.errorType(ErrorType.ValidationError)
			.extensions(extensions)
			.build();
	}

	private static String capitalized(String text) {
		return Character.toUpperCase(text.charAt(0)) + text.substring(1);
	}

	static GraphQLError timeout(String message) {
		return GraphqlErrorBuilder.newError()
			.message("%s", message)
			.errorType(ErrorType.ExecutionAborted)
			.extensions(Map.of("code", ErrorCode.TIMEOUT.name(), "limit", "incidentintel.api.request-timeout"))
			.build();
	}

	/** Aborts the execution in progress: graphql-java answers with the error alone. */
	static AbortExecutionException abort(GraphQLError error) {
		return new AbortExecutionException(List.of(error));
	}

	/** A response holding only an error, for a request that is not executed at all. */
	static WebGraphQlResponse response(WebGraphQlRequest request, GraphQLError error) {
		ExecutionResult result = ExecutionResult.newExecutionResult().addError(error).build();
		return new WebGraphQlResponse(new DefaultExecutionGraphQlResponse(request.toExecutionInput(), result));
	}

}
