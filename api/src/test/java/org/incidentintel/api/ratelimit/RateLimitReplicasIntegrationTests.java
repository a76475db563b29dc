package org.incidentintel.api.ratelimit;

import java.util.UUID;

import org.incidentintel.api.ApiApplication;
import org.incidentintel.api.testing.RequiresRedis;
import org.incidentintel.api.testing.TestRedis;
import org.incidentintel.domain.security.ApiTokens;
import org.incidentintel.domain.security.Role;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.client.ClientGraphQlResponse;
import org.springframework.graphql.client.HttpSyncGraphQlClient;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two API replicas, as behind a load balancer: two application contexts (two processes'
 * worth; the shared test contexts are one replica each, so these start their own) on one
 * database and one Redis, with a budget of 100 cost units per hour. A client spends its
 * budget once, whichever replica serves it.
 */
@RequiresRedis
class RateLimitReplicasIntegrationTests {

	// 1 + 10 items x (totalCount 1 + edges 1 + node 1 + name 1) = 41 cost units
	private static final String FORTY_ONE = "{ organizations(first: 10) { totalCount edges { node { name } } } }";

	private static ConfigurableApplicationContext first;

	private static ConfigurableApplicationContext second;

	@BeforeAll
	static void startTwoReplicas() {
		first = replica();
		second = replica();
	}

	@AfterAll
	static void stopReplicas() {
		second.close();
		first.close();
	}

	@Test
	void aClientSpendsItsBudgetOnceWhicheverReplicaServesIt() {
		String token = first.getBean(ApiTokens.class)
			.create("reader-" + UUID.randomUUID().toString().substring(0, 8), Role.READER)
			.token();
		HttpSyncGraphQlClient viaFirst = client(first, token);
		HttpSyncGraphQlClient viaSecond = client(second, token);

		assertThat(viaFirst.document(FORTY_ONE).executeSync().isValid()).isTrue();
		assertThat(viaSecond.document(FORTY_ONE).executeSync().isValid()).isTrue();

		// 82 of 100 units spent across the two: a third operation is refused by either,
		// 23 units short at 100 per 3,600 s (a little less: the bucket refills meanwhile)
		for (HttpSyncGraphQlClient replica : new HttpSyncGraphQlClient[] { viaFirst, viaSecond }) {
			ResponseError refused = singleError(replica.document(FORTY_ONE).executeSync());
			assertThat(refused.getExtensions()).containsEntry("code", "LIMIT_EXCEEDED").containsEntry("maximum", 100);
			assertThat(((Number) refused.getExtensions().get("retryAfterSeconds")).intValue()).isBetween(780, 828);
		}
	}

	// Command-line arguments: they win over application.yml, as a deployment's would
	private static ConfigurableApplicationContext replica() {
		return new SpringApplicationBuilder(ApiApplication.class).run("--server.port=0",
				"--spring.datasource.url=jdbc:h2:mem:rate-limit-replicas;DB_CLOSE_DELAY=-1",
				"--spring.datasource.username=sa", "--spring.datasource.password=",
				"--incidentintel.api.rate-limit.budget=100", "--incidentintel.api.rate-limit.window=1h",
				"--incidentintel.api.rate-limit.redis.url=" + TestRedis.URL,
				"--incidentintel.api.rate-limit.redis.key-prefix=" + TestRedis.KEY_PREFIX + "replicas:",
				"--incidentintel.api.statistics.refresh-interval=0",
				"--incidentintel.api.organization-families.refresh-interval=0");
	}

	private static HttpSyncGraphQlClient client(ConfigurableApplicationContext replica, String token) {
		String port = replica.getEnvironment().getProperty("local.server.port");
		return HttpSyncGraphQlClient.builder(RestClient.create("http://127.0.0.1:" + port + "/graphql"))
			.header("Authorization", "Bearer " + token)
			.build();
	}

	private static ResponseError singleError(ClientGraphQlResponse response) {
		assertThat(response.getErrors()).hasSize(1);
		return response.getErrors().get(0);
	}

}
