package org.incidentintel.api.ratelimit;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import graphql.ErrorType;
import graphql.ExecutionResult;
import graphql.GraphqlErrorBuilder;
import graphql.execution.AbortExecutionException;
import graphql.execution.ExecutionContext;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import org.incidentintel.api.error.ErrorCode;
import org.incidentintel.api.limits.QueryCost;
import org.incidentintel.api.security.Caller;

/**
 * Charges each operation's cost ({@link QueryCost}) to its client's budget before any
 * field is fetched; an operation the budget cannot pay for is refused with
 * {@code LIMIT_EXCEEDED}, saying when to retry, and does no database work.
 */
class RateLimitInstrumentation extends SimplePerformantInstrumentation {

	private final RateLimitProperties properties;

	private final ClientBudgets budgets;

	RateLimitInstrumentation(RateLimitProperties properties, ClientBudgets budgets) {
		this.properties = properties;
		this.budgets = budgets;
	}

	/** The budgets charged: in memory, or in Redis. */
	ClientBudgets budgets() {
		return this.budgets;
	}

	@Override
	public InstrumentationContext<ExecutionResult> beginExecuteOperation(
			InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
		ExecutionContext context = parameters.getExecutionContext();
		QueryCost cost = context.getGraphQLContext().get(QueryCost.class);
		if (cost != null) {
			Caller caller = Caller.of(context.getGraphQLContext());
			long waitNanos = this.budgets.charge(caller.rateLimitKey(), cost.value());
			if (waitNanos > 0) {
				throw refusal(cost.value(), waitNanos);
			}
		}
		return super.beginExecuteOperation(parameters, state);
	}

	private AbortExecutionException refusal(int cost, long waitNanos) {
		long seconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(waitNanos + 999_999_999L));
		Map<String, Object> extensions = new LinkedHashMap<>();
		extensions.put("code", ErrorCode.LIMIT_EXCEEDED.name());
		extensions.put("limit", "incidentintel.api.rate-limit.budget");
		extensions.put("maximum", this.properties.budget());
		extensions.put("actual", (long) cost);
		extensions.put("retryAfterSeconds", seconds);
		String message = "Rate limit: this client has spent its budget of " + this.properties.budget()
				+ " cost units per " + describe(this.properties.window()) + "; this operation costs " + cost
				+ ". Retry after " + seconds + " s.";
		if (cost > this.properties.budget()) {
			message = "Rate limit: this operation costs " + cost + ", more than the whole budget of "
					+ this.properties.budget() + " cost units per " + describe(this.properties.window())
					+ "; ask for smaller pages or fewer fields.";
		}
		return new AbortExecutionException(List.of(GraphqlErrorBuilder.newError()
			.message("%s", message)
			.errorType(ErrorType.ExecutionAborted)
			.extensions(extensions)
			.build()));
	}

	private static String describe(java.time.Duration window) {
		return (window.toMillisPart() == 0) ? window.toSeconds() + " s" : window.toMillis() + " ms";
	}

}
