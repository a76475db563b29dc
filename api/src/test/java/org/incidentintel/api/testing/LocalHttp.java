package org.incidentintel.api.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Plain GET requests to the application under test over real HTTP, for the pages and
 * assets a browser loads (no MockMvc in between: what a browser would get).
 */
public final class LocalHttp {

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private LocalHttp() {
	}

	/**
	 * GETs a path of the local server.
	 * @param port the server's port
	 * @param path the path, e.g. {@code /graphiql}
	 * @return the response, its body as text
	 * @throws IOException if the request fails
	 * @throws InterruptedException if interrupted while waiting
	 */
	public static HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.timeout(Duration.ofSeconds(30))
			.GET()
			.build();
		return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
	}

}
