package org.incidentintel.api.http;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Queries over GET ({@code incidentintel.api.get.*}).
 *
 * @param maxAge how long a browser or a cache may reuse an answer without asking again
 * ({@code Cache-Control: max-age}); after that it revalidates with the {@code ETag}
 */
@ConfigurationProperties("incidentintel.api.get")
record GetRequestProperties(@DefaultValue("30s") Duration maxAge) {

}
