package org.incidentintel.api.replica;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import graphql.GraphQLContext;
import io.micrometer.context.ContextSnapshot;
import io.micrometer.context.ContextSnapshotFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.context.ConfigurationPropertiesAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.LazyConnectionDataSourceProxy;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which database each read and write gets, on two in-memory H2 databases standing for the
 * primary and the replica (each answers {@code database()} with its own name). The
 * streaming replica itself, with the whole API, is {@code ReadReplicaIntegrationTests}.
 */
class ReadReplicaConfigurationTests {

	private static final String WHICH = "select database()";

	private static final ExecutorService OTHER_THREAD = Executors.newSingleThreadExecutor();

	private final ApplicationContextRunner contexts = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ConfigurationPropertiesAutoConfiguration.class))
		.withUserConfiguration(ReadReplicaConfiguration.class)
		.withBean("dataSource", HikariDataSource.class, () -> h2("primary"));

	@AfterAll
	static void stopTheOtherThread() {
		OTHER_THREAD.shutdownNow();
	}

	@Test
	void withoutAReplicaTheDataSourceIsSpringBootsAlone() {
		// INCIDENTINTEL_DB_REPLICA_URL unset: application.yml makes the URL empty
		this.contexts.withPropertyValues("incidentintel.datasource.replica.url=").run((context) -> {
			assertThat(context.getBean("dataSource")).isInstanceOf(HikariDataSource.class);
			assertThat(context).doesNotHaveBean(QueriesReadReplica.class).doesNotHaveBean("replicaDataSource");
			JdbcTemplate jdbc = new JdbcTemplate(context.getBean(DataSource.class));
			Supplier<String> which = () -> jdbc.queryForObject(WHICH, String.class);
			assertThat(ReplicaReads.read(which)).isEqualTo("PRIMARY");
		});
	}

	@Test
	void marksReadTheReplicaAndEverythingElseThePrimary() {
		replicaConfigured().run((context) -> {
			DataSource dataSource = context.getBean(DataSource.class);
			assertThat(dataSource).isInstanceOf(LazyConnectionDataSourceProxy.class);
			assertThat(context).hasSingleBean(QueriesReadReplica.class);
			JdbcTemplate jdbc = new JdbcTemplate(dataSource);
			TransactionTemplate readWrite = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
			TransactionTemplate readOnly = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
			readOnly.setReadOnly(true);

			Supplier<String> which = () -> jdbc.queryForObject(WHICH, String.class);
			Supplier<String> inReadOnly = () -> readOnly.execute((status) -> which.get());
			Supplier<String> inReadWrite = () -> readWrite.execute((status) -> which.get());

			assertThat(which.get()).isEqualTo("PRIMARY");
			assertThat(inReadOnly.get()).isEqualTo("PRIMARY");
			assertThat(ReplicaReads.read(which)).isEqualTo("REPLICA");
			assertThat(ReplicaReads.read(inReadOnly)).isEqualTo("REPLICA");
			// A write begun during a query: the primary, for all of its transaction
			assertThat(ReplicaReads.read(inReadWrite)).isEqualTo("PRIMARY");
			// The mark ends with its reads
			assertThat(jdbc.queryForObject(WHICH, String.class)).isEqualTo("PRIMARY");
		});
	}

	@Test
	void aQuerysMarkReachesTheThreadsItsDataIsFetchedOn() {
		replicaConfigured().run((context) -> {
			JdbcTemplate jdbc = new JdbcTemplate(context.getBean(DataSource.class));
			// As QueriesReadReplica leaves it, and as Spring for GraphQL restores it
			// around a
			// data fetcher or a batch loader
			GraphQLContext query = GraphQLContext.newContext().of(ReplicaReads.KEY, Boolean.TRUE).build();
			ContextSnapshotFactory snapshots = ContextSnapshotFactory.builder().build();

			ContextSnapshot snapshot = snapshots.captureFrom(query);

			String fetched = CompletableFuture
				.supplyAsync(() -> call(snapshot.wrap(() -> jdbc.queryForObject(WHICH, String.class))), OTHER_THREAD)
				.get();

			assertThat(fetched).isEqualTo("REPLICA");
			// and is gone from that thread afterwards
			assertThat(
					CompletableFuture.supplyAsync(() -> jdbc.queryForObject(WHICH, String.class), OTHER_THREAD).get())
				.isEqualTo("PRIMARY");
		});
	}

	private ApplicationContextRunner replicaConfigured() {
		return this.contexts.withPropertyValues("incidentintel.datasource.replica.url=" + url("replica"),
				"incidentintel.datasource.replica.username=sa",
				"incidentintel.datasource.replica.hikari.maximum-pool-size=2");
	}

	private static String call(java.util.concurrent.Callable<String> callable) {
		try {
			return callable.call();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static HikariDataSource h2(String name) {
		HikariDataSource dataSource = new HikariDataSource();
		dataSource.setJdbcUrl(url(name));
		dataSource.setUsername("sa");
		return dataSource;
	}

	private static String url(String name) {
		return "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1";
	}

}
