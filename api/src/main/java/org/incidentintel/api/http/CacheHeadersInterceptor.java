package org.incidentintel.api.http;

import reactor.core.publisher.Mono;

import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.http.HttpHeaders;

/**
 * Gives the answer to a GET its caching headers ({@link QueryOverGetFilter}): the
 * {@code ETag} and {@code Cache-Control} when it holds no error, else
 * {@code Cache-Control: no-store} (a refusal, a timeout or an outage is not to be served
 * again).
 */
class CacheHeadersInterceptor implements WebGraphQlInterceptor {

	@Override
	public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
		Object etag = request.getAttributes().get(QueryOverGetFilter.ETAG);
		Object cacheControl = request.getAttributes().get(QueryOverGetFilter.CACHE_CONTROL);
		if (etag == null || cacheControl == null) {
			return chain.next(request);
		}
		return chain.next(request).doOnNext((response) -> {
			HttpHeaders headers = response.getResponseHeaders();
			if (response.getErrors().isEmpty()) {
				headers.setETag(etag.toString());
				headers.setCacheControl(cacheControl.toString());
			}
			else {
				headers.setCacheControl("no-store");
			}
		});
	}

}
