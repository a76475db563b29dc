package org.incidentintel.api.replica;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import io.micrometer.core.instrument.MeterRegistry;
import org.incidentintel.api.relay.GlobalId;
import org.incidentintel.api.testing.TestDatabase;
import org.incidentintel.api.testing.TesterTimeout;
import org.incidentintel.domain.common.NameKey;
import org.incidentintel.domain.security.ApiTokens;
import org.incidentintel.domain.security.Role;
import org.incidentintel.testing.ReplicatedPostgres;
import org.incidentintel.testing.RequiresDocker;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.testcontainers.postgresql.PostgreSQLContainer;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.graphql.test.autoconfigure.tester.AutoConfigureHttpGraphQlTester;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole API on a PostgreSQL primary and a real streaming replica of it
 * ({@link ReplicatedPostgres}). Which database answered is shown by the replica's replay
 * being paused: a row written to the primary since is missing from what the replica
 * serves, and appears there once replay resumes.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "incidentintel.api.statistics.refresh-interval=0",
				"incidentintel.api.organization-families.refresh-interval=0" })
@AutoConfigureHttpGraphQlTester
@Import({ ReadReplicaIntegrationTests.Databases.class, TesterTimeout.class })
@RequiresDocker
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReadReplicaIntegrationTests {

	private static final Duration REPLAY = Duration.ofSeconds(60);

	private static final String ORGANIZATION = """
			query($id: ID!) { organization(id: $id) { name aliases { name } } }
			""";

	private static final String ADD_ALIAS = """
			mutation($input: AddOrganizationAliasInput!) {
			  addOrganizationAlias(input: $input) { organization { aliases { name } } }
			}
			""";

	@Autowired
	HttpGraphQlTester graphQl;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	ApiTokens tokens;

	@Autowired
	MeterRegistry meters;

	@LocalServerPort
	int port;

	// Straight to the replica, around the application
	JdbcTemplate replica;

	HttpGraphQlTester editor;

	String organization;

	long organizationId;

	// Read while the configuration is parsed (a registrar bean would come too late for
	// the replica configuration's condition)
	@DynamicPropertySource
	static void replica(DynamicPropertyRegistry registry) {
		registry.add("incidentintel.datasource.replica.url", ReplicatedPostgres::replicaUrl);
		registry.add("incidentintel.datasource.replica.username", () -> ReplicatedPostgres.primary().getUsername());
		registry.add("incidentintel.datasource.replica.password", () -> ReplicatedPostgres.primary().getPassword());
	}

	@BeforeAll
	void editorAndReplica() {
		PostgreSQLContainer primary = ReplicatedPostgres.primary();
		this.replica = new JdbcTemplate(new SimpleDriverDataSource(new org.postgresql.Driver(),
				ReplicatedPostgres.replicaUrl(), primary.getUsername(), primary.getPassword()));
		String token = this.tokens.create("replica-editor-" + UUID.randomUUID(), Role.EDITOR).token();
		this.editor = this.graphQl.mutate().header("Authorization", "Bearer " + token).build();
	}

	@BeforeEach
	void anOrganizationOnBoth() {
		TestDatabase.clear(this.jdbc);
		this.jdbc.update("insert into organization (ref_key, name, kind) values ('test-replica', "
				+ "'Test Replica Front', 'MILITANT_GROUP')");
		this.organizationId = this.jdbc.queryForObject("select id from organization where ref_key = 'test-replica'",
				Long.class);
		this.organization = GlobalId.of("Organization", this.organizationId);
		alias("Test Replica Front");
		awaitReplayed();
	}

	@AfterEach
	void replayGoesOn() {
		this.replica.queryForObject("select pg_wal_replay_resume()", Object.class);
	}

	@Test
	void aQueryIsAnsweredByTheReplicaAndAMutationByThePrimary() {
		pauseReplay();
		alias("Test Replica Late");

		// The query and its batch-loaded aliases: as the replica has them
		assertThat(aliasesQueried()).containsExactly("Test Replica Front");
		assertThat(this.meters.find("hikaricp.connections").tag("pool", "replica").gauge()).isNotNull();

		// The mutation writes to the primary (the replica is read-only) and its payload
		// reads there too: the client sees its own write, and the row the replica lacks
		List<String> payload = this.editor.document(ADD_ALIAS)
			.variable("input", Map.of("organization", this.organization, "alias", "Test Replica Curated"))
			.execute()
			.path("addOrganizationAlias.organization.aliases[*].name")
			.entityList(String.class)
			.get();
		assertThat(payload).containsExactlyInAnyOrder("Test Replica Front", "Test Replica Late",
				"Test Replica Curated");
		assertThat(this.jdbc.queryForObject(
				"select count(*) from audit_entry e join audit_target t on "
						+ "t.audit_entry_id = e.id where e.operation = 'addOrganizationAlias' and t.target = ?",
				Long.class, "Organization:" + this.organizationId))
			.isEqualTo(1);

		// Right after the mutation a query does not see it while the replica lags
		assertThat(aliasesQueried()).containsExactly("Test Replica Front");

		resumeReplay();
		await().atMost(REPLAY)
			.untilAsserted(() -> assertThat(aliasesQueried()).containsExactlyInAnyOrder("Test Replica Front",
					"Test Replica Late", "Test Replica Curated"));
	}

	@Test
	void onlyReadsOfAQueryOutsideReadWriteTransactionsGoToTheReplica() {
		Supplier<Boolean> replica = () -> this.jdbc.queryForObject("select pg_is_in_recovery()", Boolean.class);
		TransactionTemplate readWrite = new TransactionTemplate(this.transactions);
		TransactionTemplate readOnly = new TransactionTemplate(this.transactions);
		readOnly.setReadOnly(true);

		Supplier<Boolean> inReadOnly = () -> readOnly.execute((status) -> replica.get());
		Supplier<Boolean> inReadWrite = () -> readWrite.execute((status) -> replica.get());

		assertThat(replica.get()).isFalse();
		assertThat(inReadOnly.get()).isFalse();
		assertThat(ReplicaReads.read(replica)).isTrue();
		assertThat(ReplicaReads.read(inReadOnly)).isTrue();
		// The application's transaction manager (JPA's) begins a read-write transaction
		// before it is marked active: the connection must still be the primary's
		assertThat(ReplicaReads.read(inReadWrite)).isFalse();
	}

	@Test
	void aGetsETagNamesTheVersionOfTheDataItWasAnsweredWith() throws Exception {
		String version = "select s.data_version || '.' || r.version || '.' || "
				+ "(select coalesce(max(a.id), 0) from audit_entry a) from incident_statistics_state s, "
				+ "reference_data_state r where s.id = 1 and r.id = 1";
		pauseReplay();
		TestDatabase.incidentsChanged(this.jdbc);
		String onReplica = this.replica.queryForObject(version, String.class);
		assertThat(this.jdbc.queryForObject(version, String.class)).isNotEqualTo(onReplica);

		HttpResponse<String> response = get("{ organization(id: \"" + this.organization + "\") { name } }");

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("ETag").orElseThrow()).endsWith("-" + onReplica + "\"");
	}

	private List<String> aliasesQueried() {
		return this.graphQl.document(ORGANIZATION)
			.variable("id", this.organization)
			.execute()
			.path("organization.aliases[*].name")
			.entityList(String.class)
			.get();
	}

	private void alias(String alias) {
		this.jdbc.update("insert into organization_alias (organization_id, alias, normalized_key) values (?, ?, ?)",
				this.organizationId, alias, NameKey.of(alias));
	}

	private void pauseReplay() {
		this.replica.queryForObject("select pg_wal_replay_pause()", Object.class);
		await().atMost(REPLAY)
			.until(() -> "paused"
				.equals(this.replica.queryForObject("select pg_get_wal_replay_pause_state()", String.class)));
	}

	private void resumeReplay() {
		this.replica.queryForObject("select pg_wal_replay_resume()", Object.class);
	}

	/** Waits until the replica has replayed everything the primary has written so far. */
	private void awaitReplayed() {
		String written = this.jdbc.queryForObject("select pg_current_wal_lsn()::text", String.class);
		await().atMost(REPLAY)
			.until(() -> this.replica.queryForObject("select pg_last_wal_replay_lsn() >= ?::pg_lsn", Boolean.class,
					written));
	}

	private HttpResponse<String> get(String query) throws IOException, InterruptedException {
		URI uri = URI.create(
				"http://localhost:" + this.port + "/graphql?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8));
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).GET().build(),
					HttpResponse.BodyHandlers.ofString());
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Databases {

		// No destroy method: the containers outlive the context
		@Bean(destroyMethod = "")
		@ServiceConnection
		PostgreSQLContainer primaryContainer() {
			return ReplicatedPostgres.primary();
		}

	}

}
