package org.incidentintel.api.limits;

import graphql.parser.ParserOptions;
import org.incidentintel.api.ApiProperties;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;

/**
 * Refuses a document longer than {@code max-document-length} characters, and variables
 * holding a string longer than {@code max-string-length}, before the document is parsed;
 * has the parser stop after {@code max-tokens} tokens.
 */
class RequestLimitsInterceptor implements WebGraphQlInterceptor, Ordered {

	private final ApiProperties properties;

	private final ParserOptions parserOptions;

	RequestLimitsInterceptor(ApiProperties properties) {
		this.properties = properties;
		this.parserOptions = ParserOptions.getDefaultOperationParserOptions()
			.transform((options) -> options.maxTokens(properties.maxTokens())
				.maxCharacters(properties.maxDocumentLength()));
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

	@Override
	public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
		String document = request.getDocument();
		int maximum = this.properties.maxDocumentLength();
		if (document != null && document.length() > maximum) {
			return Mono.just(
					LimitErrors.response(request,
							LimitErrors.limitExceeded(
									"The document is " + document.length() + " characters long; at most " + maximum
											+ " are accepted.",
									"max-document-length", maximum, (long) document.length())));
		}
		LongStrings.Found longString = LongStrings.inVariables(request.getVariables(),
				this.properties.maxStringLength());
		if (longString != null) {
			return Mono.just(
					LimitErrors.response(request, LimitErrors.tooLong(longString, this.properties.maxStringLength())));
		}
		request.configureExecutionInput((input, builder) -> {
			input.getGraphQLContext().put(ParserOptions.class, this.parserOptions);
			return input;
		});
		return chain.next(request);
	}

}
