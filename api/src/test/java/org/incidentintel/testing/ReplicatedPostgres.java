package org.incidentintel.testing;

import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.images.builder.Transferable;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * A PostgreSQL primary and its streaming replica, two containers of the shared
 * container's image on a network of their own, for the read replica's tests: the replica
 * is a {@code pg_basebackup} of the primary, started as a hot standby that streams and
 * replays the primary's WAL. Started on first use, stopped when the JVM exits; only
 * {@code ReadReplicaIntegrationTests} uses them (no other test needs a second database).
 * In the package of {@link SharedPostgresContainer}, whose image it uses.
 */
public final class ReplicatedPostgres {

	private static final String PRIMARY_HOST = "primary";

	// Sourced by the image's entrypoint when it initialises the primary: replication
	// connections need a pg_hba.conf line of their own ("all" does not cover them)
	private static final String ALLOW_REPLICATION = """
			echo "host replication all all scram-sha-256" >> "$PGDATA/pg_hba.conf"
			""";

	// The entrypoint runs any command but "postgres" as is, as root: the copy is made and
	// the server started as the postgres user. -R writes standby.signal and the primary's
	// connection, so the server starts as a standby that streams from the primary.
	private static final String STANDBY = """
			set -e
			mkdir -p "$PGDATA" /var/run/postgresql
			chown postgres:postgres "$PGDATA" /var/run/postgresql
			chmod 700 "$PGDATA"
			exec setpriv --reuid=postgres --regid=postgres --init-groups env HOME=/var/lib/postgresql \
			  PGPASSWORD="$PRIMARY_PASSWORD" bash -c '
			    pg_basebackup -h %s -U "$PRIMARY_USER" -D "$PGDATA" -R -X stream -c fast
			    exec postgres -c fsync=off'
			""".formatted(PRIMARY_HOST);

	private static PostgreSQLContainer primary;

	private static GenericContainer<?> replica;

	private ReplicatedPostgres() {
	}

	/** The primary, started (with its replica) on first use. */
	public static synchronized PostgreSQLContainer primary() {
		start();
		return primary;
	}

	/** The replica's JDBC URL; its user and password are the primary's. */
	public static synchronized String replicaUrl() {
		start();
		return "jdbc:postgresql://" + replica.getHost() + ":" + replica.getMappedPort(5432) + "/"
				+ primary.getDatabaseName();
	}

	private static void start() {
		if (primary != null) {
			return;
		}
		Network network = Network.newNetwork();
		PostgreSQLContainer main = new PostgreSQLContainer(SharedPostgresContainer.imageName()).withNetwork(network)
			.withNetworkAliases(PRIMARY_HOST)
			.withCopyToContainer(Transferable.of(ALLOW_REPLICATION, 0755),
					"/docker-entrypoint-initdb.d/allow-replication.sh");
		main.start();
		GenericContainer<?> standby = new GenericContainer<>(SharedPostgresContainer.imageName()).withNetwork(network)
			.withEnv("PRIMARY_USER", main.getUsername())
			.withEnv("PRIMARY_PASSWORD", main.getPassword())
			.withExposedPorts(5432)
			.withCommand("bash", "-c", STANDBY)
			.waitingFor(Wait.forLogMessage(".*database system is ready to accept read-only connections.*\\s", 1));
		standby.start();
		primary = main;
		replica = standby;
	}

}
