package org.incidentintel.api.http;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/**
 * A request as Spring for GraphQL reads it: a POST with a JSON body, made from a GET's
 * parameters or from a body that named its document by hash alone.
 */
class JsonBodyRequest extends ReadBodyRequest {

	JsonBodyRequest(HttpServletRequest request, byte[] body) {
		super(request, body);
	}

	@Override
	public String getMethod() {
		return "POST";
	}

	@Override
	public String getContentType() {
		return MediaType.APPLICATION_JSON_VALUE;
	}

	@Override
	public String getHeader(String name) {
		if (HttpHeaders.CONTENT_TYPE.equalsIgnoreCase(name)) {
			return getContentType();
		}
		if (HttpHeaders.CONTENT_LENGTH.equalsIgnoreCase(name)) {
			return Long.toString(getContentLengthLong());
		}
		return super.getHeader(name);
	}

	@Override
	public Enumeration<String> getHeaders(String name) {
		String replaced = (HttpHeaders.CONTENT_TYPE.equalsIgnoreCase(name)
				|| HttpHeaders.CONTENT_LENGTH.equalsIgnoreCase(name)) ? getHeader(name) : null;
		return (replaced != null) ? Collections.enumeration(List.of(replaced)) : super.getHeaders(name);
	}

	@Override
	public Enumeration<String> getHeaderNames() {
		List<String> names = new ArrayList<>();
		for (String name : Collections.list(super.getHeaderNames())) {
			if (!HttpHeaders.CONTENT_TYPE.equalsIgnoreCase(name)
					&& !HttpHeaders.CONTENT_LENGTH.equalsIgnoreCase(name)) {
				names.add(name);
			}
		}
		names.add(HttpHeaders.CONTENT_TYPE);
		names.add(HttpHeaders.CONTENT_LENGTH);
		return Collections.enumeration(names);
	}

}
