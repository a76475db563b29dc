package org.incidentintel.api.error;

import java.util.LinkedHashMap;
import java.util.Map;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.execution.AbortExecutionException;
import graphql.schema.DataFetchingEnvironment;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.graphql.execution.DataFetcherExceptionResolverAdapter;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Turns exceptions into GraphQL errors with a code from the {@link ErrorCode catalog}.
 * Unknown failures are logged and answered with {@code INTERNAL} and no detail: no stack
 * trace or SQL reaches a client.
 */
@Component
class ApiExceptionResolver extends DataFetcherExceptionResolverAdapter {

	private static final Log logger = LogFactory.getLog(ApiExceptionResolver.class);

	@Override
	protected GraphQLError resolveToSingleError(Throwable ex, DataFetchingEnvironment environment) {
		if (ex instanceof ApiException api) {
			Map<String, Object> extensions = new LinkedHashMap<>();
			extensions.put("code", api.code().name());
			if (!api.argumentPath().isEmpty()) {
				extensions.put("argumentPath", api.argumentPath());
			}
			api.extensions().forEach(extensions::putIfAbsent);
			return error(environment, api.getMessage(), extensions);
		}
		if (ex instanceof CannotGetJdbcConnectionException || ex instanceof CannotCreateTransactionException
				|| ex instanceof DataAccessResourceFailureException) {
			// One line, not a stack trace: during an outage every request fails this way
			logger.warn("Database unavailable while resolving " + environment.getExecutionStepInfo().getPath() + ": "
					+ rootMessage(ex));
			logger.debug("Database unavailable", ex);
			return error(environment, "The database is not available right now; retry later.",
					Map.of("code", ErrorCode.UNAVAILABLE.name()));
		}
		if (ex instanceof AbortExecutionException) {
			// The request timeout cancelled the execution: every field still pending
			// fails
			// so, and the answer becomes one TIMEOUT error
			// (RequestTimeoutInstrumentation).
			// No stack trace per field: on an overloaded server that logging was the
			// load.
			logger.debug("Cancelled while resolving " + environment.getExecutionStepInfo().getPath(), ex);
			return error(environment, "The request took too long.", Map.of("code", ErrorCode.TIMEOUT.name()));
		}
		if (ex instanceof QueryTimeoutException) {
			return error(environment, "The query took too long.", Map.of("code", ErrorCode.TIMEOUT.name()));
		}
		logger.error("Unexpected failure resolving " + environment.getExecutionStepInfo().getPath(), ex);
		return error(environment, "Internal error; it has been logged.", Map.of("code", ErrorCode.INTERNAL.name()));
	}

	private static String rootMessage(Throwable failure) {
		Throwable cause = failure;
		while (cause.getCause() != null && cause.getCause() != cause) {
			cause = cause.getCause();
		}
		return cause.getClass().getSimpleName() + ": " + cause.getMessage();
	}

	private static GraphQLError error(DataFetchingEnvironment environment, String message,
			Map<String, Object> extensions) {
		return GraphqlErrorBuilder.newError(environment).message(message).extensions(extensions).build();
	}

}
