package org.incidentintel.etl;

import org.incidentintel.domain.DomainConfiguration;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;

/**
 * Entry point of the ETL: Spring Batch jobs that load sources into the incident database.
 */
@SpringBootApplication
@Import(DomainConfiguration.class)
public class EtlApplication {

	public static void main(String[] args) {
		System.exit(SpringApplication.exit(SpringApplication.run(EtlApplication.class, args)));
	}

}
