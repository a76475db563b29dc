package org.incidentintel.api.error;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;

import org.springframework.graphql.execution.SubscriptionExceptionResolverAdapter;
import org.springframework.stereotype.Component;

/**
 * The failures of a subscription (its controller method or its stream) as the same coded
 * errors as a query's ({@link ApiExceptionResolver}); without it Spring for GraphQL
 * answers every one "Subscription error".
 */
@Component
class SubscriptionErrorResolver extends SubscriptionExceptionResolverAdapter {

	@Override
	protected GraphQLError resolveToSingleError(Throwable ex) {
		ApiExceptionResolver.Answer answer = ApiExceptionResolver.answer(ex, "a subscription");
		return GraphqlErrorBuilder.newError().message("%s", answer.message()).extensions(answer.extensions()).build();
	}

}
