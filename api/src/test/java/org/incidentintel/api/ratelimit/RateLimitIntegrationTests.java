package org.incidentintel.api.ratelimit;

import java.time.Duration;
import java.util.UUID;

import org.incidentintel.domain.security.ApiTokens;
import org.incidentintel.domain.security.Role;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;
import org.incidentintel.api.testing.StatementCounting;
import org.incidentintel.api.testing.SubscriptionClients;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.graphql.test.autoconfigure.tester.AutoConfigureHttpGraphQlTester;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.graphql.test.tester.WebSocketGraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rate limit and closed queries over HTTP, on an in-memory H2: a budget of 100 cost
 * units per hour per client, and queries only with a token.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "spring.datasource.url=jdbc:h2:mem:rate-limit;DB_CLOSE_DELAY=-1",
				"spring.datasource.username=sa", "spring.datasource.password=",
				"incidentintel.api.rate-limit.budget=100", "incidentintel.api.rate-limit.window=1h",
				"incidentintel.api.security.queries-require-token=true" })
@AutoConfigureHttpGraphQlTester
@Import(StatementCounting.class)
class RateLimitIntegrationTests {

	// 1 + 10 items x (totalCount 1 + edges 1 + node 1 + name 1) = 41 cost units
	private static final String FORTY_ONE = "{ organizations(first: 10) { totalCount edges { node { name } } } }";

	private static final String CHANGES = "subscription { incidentsChanged { dataVersion } }";

	private static final String DEAR_CHANGES = "subscription { incidentsChanged { dataVersion "
			+ "a: changedAt b: changedAt c: changedAt d: changedAt e: changedAt f: changedAt g: changedAt "
			+ "h: changedAt i: changedAt j: changedAt k: changedAt l: changedAt m: changedAt n: changedAt "
			+ "o: changedAt p: changedAt q: changedAt r: changedAt s: changedAt t: changedAt u: changedAt "
			+ "v: changedAt w: changedAt x: changedAt y: changedAt } }";

	@LocalServerPort
	int port;

	@Autowired
	HttpGraphQlTester graphQl;

	@Autowired
	ApiTokens tokens;

	@Test
	void aClientOverItsBudgetIsRefusedWithWhenToRetryAndWithoutDatabaseWork() {
		String suffix = UUID.randomUUID().toString().substring(0, 8);
		HttpGraphQlTester reader = as(this.tokens.create("reader-" + suffix, Role.READER).token());
		HttpGraphQlTester other = as(this.tokens.create("other-" + suffix, Role.READER).token());

		reader.document(FORTY_ONE).execute().path("organizations.totalCount").hasValue();
		reader.document(FORTY_ONE).execute().path("organizations.totalCount").hasValue();
		StatementCounting.STATEMENTS.clear();
		ResponseError refused = singleError(reader.document(FORTY_ONE).execute());

		assertThat(refused.getExtensions()).containsEntry("code", "LIMIT_EXCEEDED")
			.containsEntry("limit", "incidentintel.api.rate-limit.budget")
			.containsEntry("maximum", 100)
			.containsEntry("actual", 41);
		// 23 units missing (a little less: the bucket refills while the test runs), at
		// 100 per 3,600 s
		assertThat(((Number) refused.getExtensions().get("retryAfterSeconds")).intValue()).isBetween(780, 828);
		assertThat(refused.getMessage()).matches("Rate limit: this client has spent its budget of 100 cost units "
				+ "per 3600 s; this operation costs 41\\. Retry after (7[89]\\d|8[0-2]\\d) s\\.");
		// only the token was looked up: no organization was read
		assertThat(StatementCounting.STATEMENTS).singleElement().asString().contains("api_token");

		// a smaller operation still fits; another client has a budget of its own
		reader.document("{ organizations(first: 1) { totalCount } }")
			.execute()
			.path("organizations.totalCount")
			.hasValue();
		other.document(FORTY_ONE).execute().path("organizations.totalCount").hasValue();
	}

	@Test
	void anOperationDearerThanTheWholeBudgetSaysSo() {
		HttpGraphQlTester reader = as(
				this.tokens.create("big-" + UUID.randomUUID().toString().substring(0, 8), Role.READER).token());

		ResponseError refused = singleError(
				reader.document("{ organizations(first: 50) { totalCount edges { node { name } } } }").execute());

		assertThat(refused.getExtensions()).containsEntry("code", "LIMIT_EXCEEDED");
		assertThat(refused.getMessage()).contains("costs 201, more than the whole budget of 100");
	}

	@Test
	void queriesNeedATokenWhenSoConfigured() {
		ResponseError refused = singleError(this.graphQl.document("{ organizations { totalCount } }").execute());

		assertThat(refused.getExtensions()).containsEntry("code", "UNAUTHENTICATED");
		assertThat(refused.getMessage()).isEqualTo(
				"This server answers only requests with a token: send the header 'Authorization: Bearer <token>'.");
	}

	@Test
	void subscriptionsNeedATokenWhenSoConfiguredAndAreChargedToTheBudget() {
		String token = this.tokens.create("subscriber-" + UUID.randomUUID().toString().substring(0, 8), Role.READER)
			.token();
		as(token).document(FORTY_ONE).execute().path("organizations.totalCount").hasValue();
		as(token).document(FORTY_ONE).execute().path("organizations.totalCount").hasValue();
		WebSocketGraphQlTester anonymous = SubscriptionClients.webSocket(this.port, null);
		WebSocketGraphQlTester reader = SubscriptionClients.webSocket(this.port, token);

		StepVerifier.create(anonymous.document(CHANGES).executeSubscription().toFlux())
			.assertNext((response) -> assertThat(singleError(response).getExtensions()).containsEntry("code",
					"UNAUTHENTICATED"))
			.expectComplete()
			.verify(Duration.ofSeconds(30));
		// 27 cost units, 18 left of the budget (it refills 1 unit per 36 s)
		StepVerifier.create(reader.document(DEAR_CHANGES).executeSubscription().toFlux())
			.assertNext((response) -> assertThat(singleError(response).getExtensions())
				.containsEntry("code", "LIMIT_EXCEEDED")
				.containsEntry("limit", "incidentintel.api.rate-limit.budget"))
			.expectComplete()
			.verify(Duration.ofSeconds(30));
		anonymous.stop().block(Duration.ofSeconds(30));
		reader.stop().block(Duration.ofSeconds(30));
	}

	private HttpGraphQlTester as(String token) {
		return this.graphQl.mutate().header("Authorization", "Bearer " + token).build();
	}

	private static ResponseError singleError(GraphQlTester.Response response) {
		ResponseError[] found = new ResponseError[1];
		response.errors().satisfy((errors) -> {
			assertThat(errors).hasSize(1);
			found[0] = errors.get(0);
		});
		return found[0];
	}

}
