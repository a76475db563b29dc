package org.incidentintel.domain;

import org.incidentintel.domain.dedup.MatchRules;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.persistence.autoconfigure.EntityScan;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.jpa.repository.config.EnableJpaRepositories;

/**
 * Brings the domain (entities, repositories, services) into an application. The ETL and
 * the API import it instead of scanning the domain's packages themselves.
 */
@Configuration(proxyBeanMethods = false)
@EntityScan(basePackageClasses = DomainConfiguration.class)
@EnableJpaRepositories(basePackageClasses = DomainConfiguration.class)
@ComponentScan(basePackageClasses = DomainConfiguration.class)
@EnableConfigurationProperties(MatchRules.class)
public class DomainConfiguration {

}
