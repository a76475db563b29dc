package org.incidentintel.api.security;

import graphql.ExecutionResult;
import graphql.execution.ExecutionContext;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.language.OperationDefinition;
import org.incidentintel.api.error.ErrorCode;
import org.incidentintel.domain.security.Role;

/**
 * Every mutation needs an editor: checked once per operation, before any field is
 * fetched, so a new mutation is guarded without doing anything.
 */
class MutationAccessInstrumentation extends SimplePerformantInstrumentation {

	@Override
	public InstrumentationContext<ExecutionResult> beginExecuteOperation(
			InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
		ExecutionContext context = parameters.getExecutionContext();
		if (context.getOperationDefinition().getOperation() == OperationDefinition.Operation.MUTATION) {
			Caller caller = Caller.of(context.getGraphQLContext());
			ErrorCode refusal = Access.refusal(caller, Role.EDITOR);
			if (refusal != null) {
				throw AccessErrors.abort(refusal, Access.message(caller, Role.EDITOR, "a mutation"));
			}
		}
		return super.beginExecuteOperation(parameters, state);
	}

}
