package org.incidentintel.api.actuator;

import java.util.List;

import graphql.GraphQLError;
import graphql.execution.AbortExecutionException;
import io.micrometer.common.KeyValue;
import org.incidentintel.api.error.ErrorCode;

import org.springframework.graphql.observation.DefaultExecutionRequestObservationConvention;
import org.springframework.graphql.observation.ExecutionRequestObservationContext;
import org.springframework.graphql.observation.GraphQlObservationDocumentation.ExecutionRequestLowCardinalityKeyNames;

/**
 * Tags {@code graphql_request_seconds} with the outcome as the client saw it:
 * {@code graphql_outcome="SUCCESS"}, or the {@link ErrorCode} of the response's first
 * error ({@code BAD_USER_INPUT}, {@code LIMIT_EXCEEDED}, {@code UNAUTHENTICATED}, ...).
 * Spring for GraphQL's own convention tags validation, syntax, access and limit refusals
 * {@code INTERNAL_ERROR}, as if the server had failed; here only {@code INTERNAL} means
 * that.
 */
class GraphQlOutcomeConvention extends DefaultExecutionRequestObservationConvention {

	@Override
	protected KeyValue outcome(ExecutionRequestObservationContext context) {
		return KeyValue.of(ExecutionRequestLowCardinalityKeyNames.OUTCOME, outcomeOf(context));
	}

	static String outcomeOf(ExecutionRequestObservationContext context) {
		// A limit refused during execution (cost, rate limit) ends the request so
		if (context.getError() instanceof AbortExecutionException aborted && !aborted.getUnderlyingErrors().isEmpty()) {
			return ErrorCode.of(aborted.getUnderlyingErrors().get(0)).name();
		}
		if (context.getError() != null || context.getExecutionResult() == null) {
			return ErrorCode.INTERNAL.name();
		}
		List<GraphQLError> errors = context.getExecutionResult().getErrors();
		return errors.isEmpty() ? "SUCCESS" : ErrorCode.of(errors.get(0)).name();
	}

}
