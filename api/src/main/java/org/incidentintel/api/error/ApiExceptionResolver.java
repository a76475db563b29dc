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
import org.springframework.dao.TransientDataAccessResourceException;
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
		Answer answer = answer(ex, environment.getExecutionStepInfo().getPath().toString());
		return GraphqlErrorBuilder.newError(environment)
			.message("%s", answer.message())
			.extensions(answer.extensions())
			.build();
	}

	/**
	 * What a client is told of a failure, wherever it happened (a field, a subscription's
	 * stream).
	 * @param ex the failure
	 * @param where what was being resolved, for the log
	 */
	static Answer answer(Throwable ex, String where) {
		if (ex instanceof ApiException api) {
			Map<String, Object> extensions = new LinkedHashMap<>();
			extensions.put("code", api.code().name());
			if (!api.argumentPath().isEmpty()) {
				extensions.put("argumentPath", api.argumentPath());
			}
			api.extensions().forEach(extensions::putIfAbsent);
			return new Answer(api.getMessage(), extensions);
		}
		// TransientDataAccessResourceException: a connection not got behind a lazy proxy
		// (with a read replica, ReplicaRoutingDataSource), at the first statement
		if (ex instanceof CannotGetJdbcConnectionException || ex instanceof CannotCreateTransactionException
				|| ex instanceof DataAccessResourceFailureException
				|| ex instanceof TransientDataAccessResourceException) {
			// One line, not a stack trace: during an outage every request fails this way
			logger.warn("Database unavailable while resolving " + where + ": " + rootMessage(ex));
			logger.debug("Database unavailable", ex);
			return new Answer("The database is not available right now; retry later.",
					Map.of("code", ErrorCode.UNAVAILABLE.name()));
		}
		if (ex instanceof AbortExecutionException) {
			// The request timeout cancelled the execution: every field still pending
			// fails
			// so, and the answer becomes one TIMEOUT error
			// (RequestTimeoutInstrumentation).
			// No stack trace per field: on an overloaded server that logging was the
			// load.
			logger.debug("Cancelled while resolving " + where, ex);
			return new Answer("The request took too long.", Map.of("code", ErrorCode.TIMEOUT.name()));
		}
		if (ex instanceof QueryTimeoutException) {
			return new Answer("The query took too long.", Map.of("code", ErrorCode.TIMEOUT.name()));
		}
		logger.error("Unexpected failure resolving " + where, ex);
		return new Answer("Internal error; it has been logged.", Map.of("code", ErrorCode.INTERNAL.name()));
	}

	private static String rootMessage(Throwable failure) {
		Throwable cause = failure;
		while (cause.getCause() != null && cause.getCause() != cause) {
			cause = cause.getCause();
		}
		return cause.getClass().getSimpleName() + ": " + cause.getMessage();
	}

	/**
	 * A failure as a client sees it.
	 *
	 * @param message the error's message
	 * @param extensions its extensions, {@code code} first
	 */
	record Answer(String message, Map<String, Object> extensions) {
	}

}
