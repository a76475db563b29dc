package org.incidentintel.api.security;

import java.util.List;
import java.util.Map;

import graphql.ExecutionResult;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.execution.AbortExecutionException;
import org.incidentintel.api.error.ErrorCode;

import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.support.DefaultExecutionGraphQlResponse;

/**
 * The errors of refused credentials and roles: {@code UNAUTHENTICATED} or
 * {@code FORBIDDEN}; {@code UNAVAILABLE} when a credential could not be checked.
 */
final class AccessErrors {

	private AccessErrors() {
	}

	static GraphQLError error(ErrorCode code, String message) {
		return GraphqlErrorBuilder.newError().message("%s", message).errorType(switch (code) {
			case FORBIDDEN -> ErrorType.FORBIDDEN;
			case UNAUTHENTICATED -> ErrorType.UNAUTHORIZED;
			default -> ErrorType.INTERNAL_ERROR;
		}).extensions(Map.of("code", code.name())).build();
	}

	/** Stops an operation before any field is fetched. */
	static AbortExecutionException abort(ErrorCode code, String message) {
		return new AbortExecutionException(List.of(error(code, message)));
	}

	/** A response holding only the error, for a request that is not executed at all. */
	static WebGraphQlResponse response(WebGraphQlRequest request, GraphQLError error) {
		ExecutionResult result = ExecutionResult.newExecutionResult().addError(error).build();
		return new WebGraphQlResponse(new DefaultExecutionGraphQlResponse(request.toExecutionInput(), result));
	}

}
