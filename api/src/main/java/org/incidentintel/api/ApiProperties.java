package org.incidentintel.api;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Limits of the API ({@code incidentintel.api.*}), safe by default.
 *
 * @param maxPageSize the most items {@code first} or {@code last} may ask for
 */
@ConfigurationProperties("incidentintel.api")
public record ApiProperties(@DefaultValue("100") int maxPageSize) {

}
