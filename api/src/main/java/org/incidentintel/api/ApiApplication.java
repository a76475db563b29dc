package org.incidentintel.api;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Entry point of the GraphQL API over the incident database. The domain comes in through
 * {@link DomainImport}, not an annotation here, so that test slices (which use this class
 * as their configuration) do not bring in the repositories.
 */
@SpringBootApplication
public class ApiApplication {

	public static void main(String[] args) {
		SpringApplication.run(ApiApplication.class, args);
	}

}
