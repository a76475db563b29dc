package org.incidentintel.etl.pull;

import java.net.http.HttpClient;
import java.time.Duration;

import org.incidentintel.domain.dedup.Deduplicator;
import org.incidentintel.domain.statistics.IncidentStatisticsCells;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The UCDP API puller and the rule between GED and candidate events.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(UcdpProperties.class)
class UcdpPullConfiguration {

	@Bean
	UcdpPuller ucdpPuller(UcdpProperties properties) {
		// Redirects are not followed: the token would go with them
		HttpClient http = HttpClient.newBuilder()
			.connectTimeout(Duration.ofSeconds(30))
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
		return new UcdpPuller(properties, http, Sleeper.THREAD);
	}

	@Bean
	CandidateSupersession candidateSupersession(JdbcTemplate jdbc, Deduplicator deduplicator,
			IncidentStatisticsCells statistics) {
		return new CandidateSupersession(jdbc, deduplicator, statistics);
	}

}
