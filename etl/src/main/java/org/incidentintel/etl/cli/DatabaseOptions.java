package org.incidentintel.etl.cli;

import java.util.LinkedHashMap;
import java.util.Map;

import picocli.CommandLine.Option;

/**
 * Where the database is. Defaults: the INCIDENTINTEL_DB_* environment variables, else the
 * embedded H2 file the API reads too.
 */
class DatabaseOptions {

	@Option(names = "--db-url", paramLabel = "URL",
			description = "JDBC URL (default: $INCIDENTINTEL_DB_URL, else the embedded H2 file ./data/incidentintel)")
	String url;

	@Option(names = "--db-user", paramLabel = "USER", description = "Database user (default: $INCIDENTINTEL_DB_USER)")
	String user;

	@Option(names = "--db-password", paramLabel = "PASSWORD",
			description = "Database password (default: $INCIDENTINTEL_DB_PASSWORD)")
	String password;

	Map<String, Object> springProperties() {
		Map<String, Object> properties = new LinkedHashMap<>();
		if (this.url != null) {
			properties.put("spring.datasource.url", this.url);
		}
		if (this.user != null) {
			properties.put("spring.datasource.username", this.user);
		}
		if (this.password != null) {
			properties.put("spring.datasource.password", this.password);
		}
		return properties;
	}

}
