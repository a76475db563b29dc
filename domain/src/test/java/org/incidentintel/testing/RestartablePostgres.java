package org.incidentintel.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;

import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * A PostgreSQL container of a test's own, which the test stops and starts again to make a
 * database outage. Its host port is fixed before it starts (Docker would pick a new one
 * on every start otherwise), and its data lives in the container, so both survive the
 * restart.
 */
public final class RestartablePostgres {

	private static final Duration PATIENCE = Duration.ofSeconds(60);

	private RestartablePostgres() {
	}

	/** A container (not started) publishing PostgreSQL on a free host port chosen now. */
	public static PostgreSQLContainer create() {
		PostgreSQLContainer container = new PostgreSQLContainer(SharedPostgresContainer.imageName());
		container.setPortBindings(List.of(freePort() + ":5432"));
		return container;
	}

	/**
	 * Stops the server as a fast shutdown does ({@code SIGINT}: sessions are ended,
	 * connections closed): the server is PID 1 of the container, so the container stops
	 * with it. Returns once Docker reports it stopped.
	 */
	public static void stop(PostgreSQLContainer container) {
		container.getDockerClient().killContainerCmd(container.getContainerId()).withSignal("SIGINT").exec();
		long deadline = System.nanoTime() + PATIENCE.toNanos();
		while (isRunning(container)) {
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException("PostgreSQL did not stop within " + PATIENCE);
			}
			pause(100);
		}
	}

	/**
	 * Starts the stopped container again (same data, same port) and returns once it
	 * accepts connections.
	 */
	public static void start(PostgreSQLContainer container) {
		container.getDockerClient().startContainerCmd(container.getContainerId()).exec();
		long deadline = System.nanoTime() + PATIENCE.toNanos();
		SQLException last = null;
		while (System.nanoTime() < deadline) {
			try (Connection connection = DriverManager.getConnection(container.getJdbcUrl(), container.getUsername(),
					container.getPassword())) {
				if (connection.isValid(2)) {
					return;
				}
			}
			catch (SQLException ex) {
				last = ex;
			}
			pause(100);
		}
		throw new IllegalStateException("PostgreSQL did not accept connections within " + PATIENCE, last);
	}

	private static boolean isRunning(PostgreSQLContainer container) {
		Boolean running = container.getDockerClient()
			.inspectContainerCmd(container.getContainerId())
			.exec()
			.getState()
			.getRunning();
		return Boolean.TRUE.equals(running);
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void pause(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
