package org.incidentintel.api.replica;

import graphql.ExecutionResult;
import graphql.execution.ExecutionContext;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.language.OperationDefinition;

/**
 * Marks a query for the replica once its operation is known, before any field is fetched:
 * the mark in its {@code GraphQLContext} reaches every data fetcher and batch loader
 * ({@link ReplicaReads}). Mutations (their payloads included: a client reads its own
 * write) and subscriptions are not marked, and read the primary.
 */
class QueriesReadReplica extends SimplePerformantInstrumentation {

	@Override
	public InstrumentationContext<ExecutionResult> beginExecuteOperation(
			InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
		ExecutionContext context = parameters.getExecutionContext();
		if (context.getOperationDefinition().getOperation() == OperationDefinition.Operation.QUERY) {
			context.getGraphQLContext().put(ReplicaReads.KEY, Boolean.TRUE);
		}
		return super.beginExecuteOperation(parameters, state);
	}

}
