package org.incidentintel.etl;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Entry point of the ETL: Spring Batch jobs that load sources into the incident database.
 */
@SpringBootApplication(scanBasePackages = { "org.incidentintel.etl", "org.incidentintel.domain" })
public class EtlApplication {

	public static void main(String[] args) {
		System.exit(SpringApplication.exit(SpringApplication.run(EtlApplication.class, args)));
	}

}
