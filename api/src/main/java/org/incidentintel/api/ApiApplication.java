package org.incidentintel.api;

import org.incidentintel.domain.DomainConfiguration;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;

/**
 * Entry point of the GraphQL API over the incident database.
 */
@SpringBootApplication
@Import(DomainConfiguration.class)
public class ApiApplication {

	public static void main(String[] args) {
		SpringApplication.run(ApiApplication.class, args);
	}

}
