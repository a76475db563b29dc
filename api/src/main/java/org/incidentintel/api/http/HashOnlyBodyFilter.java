package org.incidentintel.api.http;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.incidentintel.api.persisted.PersistedDocuments;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Lets a POST name its document by hash alone (Apollo's and urql's first try of a
 * persisted query: {@code {"extensions":{"persistedQuery":{"version":1,"sha256Hash":…}}}}
 * without {@code query}), which Spring for GraphQL refuses for want of a {@code query}:
 * it is given {@link PersistedDocuments#HASH_ONLY} for one, and
 * {@link PersistedDocuments} finds the document. Only bodies that mention
 * {@code persistedQuery} are read here; the body's size was checked before (the limits
 * package's {@code RequestBodyFilter}).
 */
class HashOnlyBodyFilter extends OncePerRequestFilter {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final byte[] MARK = "\"persistedQuery\"".getBytes(StandardCharsets.UTF_8);

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !"POST".equals(request.getMethod());
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		byte[] body = request.getInputStream().readAllBytes();
		chain.doFilter(new JsonBodyRequest(request, contains(body, MARK) ? withHashOnlyQuery(body) : body), response);
	}

	private static byte[] withHashOnlyQuery(byte[] body) {
		Map<String, Object> request;
		try {
			request = JSON.readValue(body, new TypeReference<LinkedHashMap<String, Object>>() {
			});
		}
		catch (JacksonException notAnObject) {
			return body; // refused as usual (the error package's TransportErrorResolver)
		}
		if (request.get("query") != null && !"".equals(request.get("query"))) {
			return body;
		}
		request.put("query", PersistedDocuments.HASH_ONLY);
		return JSON.writeValueAsBytes(request);
	}

	private static boolean contains(byte[] body, byte[] mark) {
		outer: for (int i = 0; i <= body.length - mark.length; i++) {
			for (int j = 0; j < mark.length; j++) {
				if (body[i + j] != mark[j]) {
					continue outer;
				}
			}
			return true;
		}
		return false;
	}

}
