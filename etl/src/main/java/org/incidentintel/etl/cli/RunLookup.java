package org.incidentintel.etl.cli;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Properties;

import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.core.env.SimpleCommandLinePropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * Looks an ingest run up with plain JDBC before the application starts (which takes
 * seconds: Flyway, Spring Batch, JPA), so that {@code restart --run N} or
 * {@code rejects --run N} with an unknown run answers at once. The database is the one
 * the application would use: Spring Boot's own loading of application.yml, its profiles,
 * the environment and the command-line arguments decides it.
 * <p>
 * Only a definite answer counts: when the database cannot be reached here, the command
 * goes on and the application reports the problem as it always has.
 */
final class RunLookup {

	// H2's "Database ... not found, and IFEXISTS=true" and a missing table (no run
	// loaded yet): SQL states of H2 and PostgreSQL
	private static final String H2_DATABASE_NOT_FOUND = "90146";

	private static final String H2_TABLE_NOT_FOUND = "42S02";

	private static final String POSTGRES_TABLE_NOT_FOUND = "42P01";

	private RunLookup() {
	}

	/**
	 * @param springArguments the arguments the application would be started with
	 * @throws CommandException when the database answers that there is no such run
	 */
	static void requireRun(String[] springArguments, long run) {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources().addFirst(new SimpleCommandLinePropertySource(springArguments));
		ConfigDataEnvironmentPostProcessor.applyTo(environment);
		String url = environment.getProperty("spring.datasource.url");
		if (url == null) {
			return;
		}
		Properties credentials = new Properties();
		putIfSet(credentials, "user", environment.getProperty("spring.datasource.username"));
		putIfSet(credentials, "password", environment.getProperty("spring.datasource.password"));
		if (!exists(lookupUrl(url), credentials, run)) {
			throw noSuchRun(run);
		}
	}

	/** The answer for a run the database does not have. */
	static CommandException noSuchRun(long run) {
		return new CommandException("no ingest run " + run + "; see `runs`");
	}

	private static boolean exists(String url, Properties credentials, long run) {
		try (Connection connection = DriverManager.getConnection(url, credentials);
				PreparedStatement statement = connection.prepareStatement("select 1 from ingest_run where id = ?")) {
			statement.setLong(1, run);
			try (ResultSet result = statement.executeQuery()) {
				return result.next();
			}
		}
		catch (SQLException ex) {
			String state = ex.getSQLState();
			// no database file or no table yet: no run was ever loaded there
			boolean empty = H2_DATABASE_NOT_FOUND.equals(state) || H2_TABLE_NOT_FOUND.equals(state)
					|| POSTGRES_TABLE_NOT_FOUND.equals(state);
			return !empty;
		}
	}

	/**
	 * An embedded H2 database is created by connecting to it: looking a run up must not
	 * leave an empty database file behind. Nor should it compact the file when it closes
	 * it (the shipped URL allows 10 s for that, which a load needs and a lookup does
	 * not): that took up to 0.4 s of an unknown run's answer (docs/benchmarks.md).
	 */
	static String lookupUrl(String url) {
		boolean embeddedH2 = url.startsWith("jdbc:h2:") && !url.startsWith("jdbc:h2:mem:")
				&& !url.startsWith("jdbc:h2:tcp:") && !url.startsWith("jdbc:h2:ssl:");
		return embeddedH2 ? withSettings(url, "IFEXISTS=TRUE", "MAX_COMPACT_TIME=0") : url;
	}

	/** H2 refuses a setting given twice: the URL's own values of these settings go. */
	private static String withSettings(String url, String... settings) {
		String[] parts = url.split(";");
		StringBuilder result = new StringBuilder(parts[0]);
		for (int i = 1; i < parts.length; i++) {
			if (!parts[i].isEmpty() && !setsAnyOf(parts[i], settings)) {
				result.append(';').append(parts[i]);
			}
		}
		for (String setting : settings) {
			result.append(';').append(setting);
		}
		return result.toString();
	}

	private static boolean setsAnyOf(String part, String[] settings) {
		String name = part.split("=", 2)[0].trim();
		for (String setting : settings) {
			if (setting.substring(0, setting.indexOf('=')).equalsIgnoreCase(name)) {
				return true;
			}
		}
		return false;
	}

	private static void putIfSet(Properties properties, String name, String value) {
		if (value != null) {
			properties.setProperty(name, value);
		}
	}

}
