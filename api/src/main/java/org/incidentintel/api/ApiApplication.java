package org.incidentintel.api;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Entry point of the GraphQL API over the incident database.
 */
@SpringBootApplication(scanBasePackages = { "org.incidentintel.api", "org.incidentintel.domain" })
public class ApiApplication {

	public static void main(String[] args) {
		SpringApplication.run(ApiApplication.class, args);
	}

}
