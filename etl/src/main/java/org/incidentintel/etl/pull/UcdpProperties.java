package org.incidentintel.etl.pull;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where and how {@code pull ucdp} asks the UCDP API ({@code incidentintel.ucdp.*}).
 *
 * @param apiUrl the API's base URL, before the resource ({@code .../api})
 * @param token the access token (application.yml reads it from {@value #TOKEN_VARIABLE})
 * @param directory where the pages are kept, one folder per pull
 * @param pageSize events per page (the API allows at most 1,000)
 * @param maxAttempts requests per page before giving up
 * @param initialBackoff the first wait after a failure; it doubles up to
 * {@code maxBackoff}
 * @param maxBackoff the longest wait between attempts without a {@code Retry-After}
 * @param maxRetryAfter the longest {@code Retry-After} honoured
 * @param requestTimeout how long one request may take
 */
@ConfigurationProperties("incidentintel.ucdp")
public record UcdpProperties(@DefaultValue("https://ucdpapi.pcr.uu.se/api") URI apiUrl, String token,
		@DefaultValue("./data/ucdp") Path directory, @DefaultValue("1000") int pageSize,
		@DefaultValue("5") int maxAttempts, @DefaultValue("2s") Duration initialBackoff,
		@DefaultValue("60s") Duration maxBackoff, @DefaultValue("10m") Duration maxRetryAfter,
		@DefaultValue("60s") Duration requestTimeout) {

	/** The environment variable holding the access token. */
	public static final String TOKEN_VARIABLE = "UCDP_API_TOKEN";

	public UcdpProperties {
		if (pageSize < 1 || pageSize > 1000) {
			throw new IllegalArgumentException("incidentintel.ucdp.page-size must be within 1..1000");
		}
	}

	RetryPolicy retryPolicy() {
		return new RetryPolicy(this.maxAttempts, this.initialBackoff, this.maxBackoff, this.maxRetryAfter);
	}

	/** These properties with another API URL (the command's {@code --api-url}). */
	UcdpProperties withApiUrl(URI url) {
		return new UcdpProperties(url, this.token, this.directory, this.pageSize, this.maxAttempts, this.initialBackoff,
				this.maxBackoff, this.maxRetryAfter, this.requestTimeout);
	}

}
