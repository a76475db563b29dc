package org.incidentintel.api.limits;

import java.util.List;
import java.util.Map;

import graphql.ExecutionResult;
import graphql.analysis.FieldComplexityCalculator;
import graphql.analysis.MaxQueryComplexityInstrumentation;
import graphql.analysis.QueryComplexityCalculator;
import graphql.execution.AbortExecutionException;
import graphql.execution.ExecutionContext;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.schema.GraphQLFieldDefinition;
import org.incidentintel.api.ApiProperties;
import org.incidentintel.api.relay.PageArguments;

/**
 * The cost budget ({@code max-cost}), checked once variables are known and before any
 * field is fetched. Every field costs 1; the fields under a paged field (one with a
 * {@code first} or {@code last} argument) cost once per item of the page it asks for:
 * {@code first} or {@code last} capped at {@code max-page-size} (a larger page is refused
 * by its field with a clearer message), 20 when left out. So {@code organizations(first:
 * 100) { edges { node { dialogues(first: 100) { totalCount } } } }} costs 1 + 100 &times;
 * (1 + 1 + 1 + 100 &times; 1) = 10,301. A field whose {@code filter} argument holds a
 * {@code text} condition costs {@value #TEXT_SEARCH_COST} more per condition: the
 * database reads every incident's summary for it. The cost of an operation within the
 * budget is left in the GraphQL context as a {@link QueryCost} (the rate limit charges
 * it).
 */
class QueryCostInstrumentation extends MaxQueryComplexityInstrumentation {

	static final int TEXT_SEARCH_COST = 2_000;

	private final int maxCost;

	private final FieldComplexityCalculator calculator;

	QueryCostInstrumentation(ApiProperties properties) {
		super(properties.maxCost(), calculator(properties.maxPageSize()));
		this.maxCost = properties.maxCost();
		this.calculator = calculator(properties.maxPageSize());
	}

	/**
	 * Computes the cost as the superclass does, but once for both uses: the budget check
	 * and the {@link QueryCost} left for the rate limit.
	 */
	@Override
	public InstrumentationContext<ExecutionResult> beginExecuteOperation(
			InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
		ExecutionContext context = parameters.getExecutionContext();
		int cost = QueryComplexityCalculator.newCalculator()
			.fieldComplexityCalculator(this.calculator)
			.schema(context.getGraphQLSchema())
			.document(context.getDocument())
			.operationName(context.getExecutionInput().getOperationName())
			.variables(context.getCoercedVariables())
			.build()
			.calculate();
		if (cost > this.maxCost) {
			throw mkAbortException(cost, this.maxCost);
		}
		context.getGraphQLContext().put(QueryCost.class, new QueryCost(cost));
		return SimpleInstrumentationContext.noOp();
	}

	static FieldComplexityCalculator calculator(int maxPageSize) {
		return (environment, childComplexity) -> {
			GraphQLFieldDefinition field = environment.getFieldDefinition();
			long own = 1L + TEXT_SEARCH_COST * textConditions(environment.getArguments().get("filter"));
			if (field.getArgument("first") == null && field.getArgument("last") == null) {
				return saturate(own + childComplexity);
			}
			Object first = environment.getArguments().get("first");
			Object last = environment.getArguments().get("last");
			int requested = (first instanceof Integer size) ? size
					: (last instanceof Integer size) ? size : PageArguments.DEFAULT_SIZE;
			long items = Math.max(0, Math.min(requested, maxPageSize));
			return saturate(own + items * childComplexity);
		};
	}

	/** The non-blank {@code text} conditions of a filter argument, at any nesting. */
	static long textConditions(Object filter) {
		if (filter instanceof Map<?, ?> map) {
			long count = (map.get("text") instanceof String text && !text.isBlank()) ? 1 : 0;
			for (Object value : map.values()) {
				count += textConditions(value);
			}
			return count;
		}
		if (filter instanceof List<?> list) {
			return list.stream().mapToLong(QueryCostInstrumentation::textConditions).sum();
		}
		return 0;
	}

	private static int saturate(long cost) {
		return (int) Math.min(cost, Integer.MAX_VALUE);
	}

	@Override
	protected AbortExecutionException mkAbortException(int totalComplexity, int maxComplexity) {
		return LimitErrors.abort(LimitErrors.limitExceeded(
				"The operation costs " + totalComplexity + "; at most " + this.maxCost
						+ " is allowed (every field costs 1, and the fields under a "
						+ "connection once per item of its page): ask for smaller pages or fewer fields.",
				"max-cost", this.maxCost, (long) totalComplexity));
	}

}
