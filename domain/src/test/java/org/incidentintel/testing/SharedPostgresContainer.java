package org.incidentintel.testing;

import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * The one PostgreSQL container of a test JVM. Docker here runs with the vfs storage
 * driver, where every container start copies the whole image, so all test classes share
 * this one.
 */
public final class SharedPostgresContainer {

	/**
	 * System property (or environment variable {@code TESTCONTAINERS_POSTGRES_IMAGE})
	 * naming the image.
	 */
	public static final String IMAGE_PROPERTY = "testcontainers.postgres.image";

	static final String DEFAULT_IMAGE = "postgres:17";

	private static PostgreSQLContainer instance;

	private SharedPostgresContainer() {
	}

	/** The started container, started on first use and stopped when the JVM exits. */
	public static synchronized PostgreSQLContainer get() {
		if (instance == null) {
			PostgreSQLContainer container = new PostgreSQLContainer(imageName());
			container.start();
			instance = container;
		}
		return instance;
	}

	/**
	 * The configured image; one that is not literally {@code postgres} (such as an image
	 * built offline) is declared a compatible substitute.
	 */
	static DockerImageName imageName() {
		String configured = System.getProperty(IMAGE_PROPERTY);
		if (configured == null || configured.isBlank()) {
			configured = System.getenv("TESTCONTAINERS_POSTGRES_IMAGE");
		}
		String name = (configured == null || configured.isBlank()) ? DEFAULT_IMAGE : configured.trim();
		return DockerImageName.parse(name).asCompatibleSubstituteFor("postgres");
	}

}
