package org.incidentintel.etl.pull;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Gets pages from the UCDP API with the access token in the header the API requires,
 * asking again with backoff after a 429 (honouring {@code Retry-After}), a 5xx, a
 * connection failure or a truncated body (a page is used only once it parses whole). A
 * refused token (401, 403: {@link IllegalArgumentException}) or any other 4xx ends the
 * pull at once: asking again would not change the answer.
 */
class UcdpApiClient {

	/** The header the UCDP API reads the access token from (required since 2025). */
	static final String TOKEN_HEADER = "x-ucdp-access-token";

	private final HttpClient http;

	private final String token;

	private final RetryPolicy retry;

	private final Duration requestTimeout;

	private final Sleeper sleeper;

	private final PrintWriter progress;

	UcdpApiClient(HttpClient http, String token, RetryPolicy retry, Duration requestTimeout, Sleeper sleeper,
			PrintWriter progress) {
		this.http = http;
		this.token = token;
		this.retry = retry;
		this.requestTimeout = requestTimeout;
		this.sleeper = sleeper;
		this.progress = progress;
	}

	/** A page's body and what it says, once it came whole. */
	record Fetched(String body, UcdpPage page) {
	}

	/**
	 * Gets one page.
	 * @throws UcdpApiException when the API refused, kept failing or answered with
	 * something that is not a page
	 */
	Fetched fetch(URI uri) throws InterruptedException {
		String lastFailure = null;
		for (int attempt = 1; attempt <= this.retry.maxAttempts(); attempt++) {
			Duration wait;
			try {
				HttpResponse<String> response = this.http.send(request(uri),
						HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
				int status = response.statusCode();
				if (status == 200) {
					try {
						return new Fetched(response.body(), UcdpPage.parse(response.body(), uri));
					}
					catch (UcdpPage.TruncatedPage ex) {
						lastFailure = ex.getMessage();
						wait = this.retry.backoff(attempt);
					}
				}
				else if (status == 429 || status >= 500) {
					lastFailure = "HTTP " + status + " from " + uri;
					wait = retryAfter(response).orElse(this.retry.backoff(attempt));
					if (wait.compareTo(this.retry.maxRetryAfter()) > 0) {
						throw new UcdpApiException(lastFailure + " asks to wait " + wait.toSeconds()
								+ " s, longer than incidentintel.ucdp.max-retry-after ("
								+ this.retry.maxRetryAfter().toSeconds()
								+ " s); run the same command later: the pages saved so far are kept");
					}
				}
				else if (status == 401 || status == 403) {
					// a configuration error, not a failed pull: exit code 2
					throw new IllegalArgumentException("the UCDP API refused the access token (HTTP " + status
							+ " from " + uri + "); set a valid token in " + UcdpProperties.TOKEN_VARIABLE + ": "
							+ UcdpPage.excerpt(response.body()));
				}
				else {
					throw new UcdpApiException(
							"HTTP " + status + " from " + uri + ": " + UcdpPage.excerpt(response.body()));
				}
			}
			catch (IOException ex) {
				lastFailure = "no answer from " + uri + ": " + ex;
				wait = this.retry.backoff(attempt);
			}
			if (attempt < this.retry.maxAttempts()) {
				this.progress.printf("  %s; asking again in %s (attempt %d of %d)%n", lastFailure, describe(wait),
						attempt + 1, this.retry.maxAttempts());
				this.sleeper.sleep(wait);
			}
		}
		throw new UcdpApiException(lastFailure + " (gave up after " + this.retry.maxAttempts()
				+ " attempts; run the same command again to continue: the pages saved so far are kept)");
	}

	private HttpRequest request(URI uri) {
		return HttpRequest.newBuilder(uri)
			.timeout(this.requestTimeout)
			.header(TOKEN_HEADER, this.token)
			.header("Accept", "application/json")
			.GET()
			.build();
	}

	/** {@code Retry-After} as seconds or as an HTTP date (RFC 9110). */
	static Optional<Duration> retryAfter(HttpResponse<?> response) {
		return response.headers().firstValue("Retry-After").flatMap(UcdpApiClient::retryAfter);
	}

	static Optional<Duration> retryAfter(String value) {
		String text = value.strip();
		if (text.matches("\\d{1,9}")) {
			return Optional.of(Duration.ofSeconds(Long.parseLong(text)));
		}
		try {
			Duration until = Duration.between(ZonedDateTime.now(),
					ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME));
			return Optional.of(until.isNegative() ? Duration.ZERO : until);
		}
		catch (DateTimeParseException ex) {
			return Optional.empty();
		}
	}

	private static String describe(Duration wait) {
		return (wait.toMillis() < 1000) ? wait.toMillis() + " ms" : wait.toSeconds() + " s";
	}

}
