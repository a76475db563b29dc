package org.incidentintel.etl;

import org.incidentintel.domain.DomainConfiguration;
import org.incidentintel.etl.cli.EtlCli;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;

/**
 * Entry point of the ETL: Spring Batch jobs that load sources into the incident database.
 */
@SpringBootApplication
@Import(DomainConfiguration.class)
public class EtlApplication {

	public static void main(String[] args) {
		System.exit(EtlCli.run(args, EtlApplication.class));
	}

}
