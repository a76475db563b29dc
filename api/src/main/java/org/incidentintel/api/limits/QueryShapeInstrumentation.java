package org.incidentintel.api.limits;

import java.util.List;

import graphql.ExecutionResult;

import graphql.execution.instrumentation.InstrumentationContext;
import graphql.introspection.GoodFaithIntrospection;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import graphql.execution.instrumentation.parameters.InstrumentationValidationParameters;
import graphql.language.Document;
import graphql.parser.exceptions.ParseCancelledException;
import graphql.validation.ValidationError;
import org.incidentintel.api.ApiProperties;

/**
 * Measures a parsed document before graphql-java validates it, and aborts it when it
 * nests deeper than {@code max-depth}, holds more than {@code max-aliases} aliases,
 * selects more than {@code max-root-fields} root fields, or more fields than the
 * {@code max-cost} budget (each field costs at least 1), or holds a string literal longer
 * than {@code max-string-length}, or introspection of a shape {@link IntrospectionShape}
 * refuses. It also turns the parser giving up after {@code max-tokens} tokens into a
 * {@code LIMIT_EXCEEDED} error.
 */
class QueryShapeInstrumentation extends SimplePerformantInstrumentation {

	private final ApiProperties properties;

	QueryShapeInstrumentation(ApiProperties properties) {
		this.properties = properties;
	}

	/**
	 * IntrospectionShape stands in for graphql-java's good faith check (see there), also
	 * for documents a persisted query cache hands over parsed and validated already.
	 */
	@Override
	public InstrumentationContext<ExecutionResult> beginExecution(InstrumentationExecutionParameters parameters,
			InstrumentationState state) {
		parameters.getExecutionInput()
			.getGraphQLContext()
			.put(GoodFaithIntrospection.GOOD_FAITH_INTROSPECTION_DISABLED, true);
		return super.beginExecution(parameters, state);
	}

	@Override
	public InstrumentationContext<Document> beginParse(InstrumentationExecutionParameters parameters,
			InstrumentationState state) {
		return SimpleInstrumentationContext.whenCompleted((document, failure) -> {
			if (failure instanceof ParseCancelledException) {
				throw LimitErrors.abort(
						LimitErrors.limitExceeded(
								"The document is too large to parse: it holds more " + "than "
										+ this.properties.maxTokens() + " tokens.",
								"max-tokens", this.properties.maxTokens(), null));
			}
		});
	}

	@Override
	public InstrumentationContext<List<ValidationError>> beginValidation(InstrumentationValidationParameters parameters,
			InstrumentationState state) {
		QueryShape shape = QueryShape.of(parameters.getDocument());
		check(shape.depth(), this.properties.maxDepth(), "max-depth", "The query nests " + shape.depth()
				+ " levels deep; at most " + this.properties.maxDepth() + " are allowed.");
		check(shape.aliases(), this.properties.maxAliases(), "max-aliases", "The document holds " + shape.aliases()
				+ " aliases; at most " + this.properties.maxAliases() + " are allowed.");
		check(shape.rootFields(), this.properties.maxRootFields(), "max-root-fields", "The operation selects "
				+ shape.rootFields() + " root fields; at most " + this.properties.maxRootFields() + " are allowed.");
		check(shape.fields(), this.properties.maxCost(), "max-cost",
				"The operation selects " + ((shape.fields() == Long.MAX_VALUE) ? "too many" : shape.fields())
						+ " fields (fragments expanded); its cost may be at most " + this.properties.maxCost() + ".");
		String introspection = IntrospectionShape.refusal(parameters.getDocument());
		if (introspection != null) {
			throw LimitErrors.abort(LimitErrors.introspectionRefused(introspection));
		}
		LongStrings.Found longString = LongStrings.inDocument(parameters.getDocument(),
				this.properties.maxStringLength());
		if (longString != null) {
			throw LimitErrors.abort(LimitErrors.tooLong(longString, this.properties.maxStringLength()));
		}
		return super.beginValidation(parameters, state);
	}

	private static void check(long actual, int maximum, String property, String message) {
		if (actual > maximum) {
			throw LimitErrors.abort(LimitErrors.limitExceeded(message, property, maximum, actual));
		}
	}

}
