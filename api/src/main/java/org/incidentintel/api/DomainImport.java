package org.incidentintel.api;

import org.incidentintel.domain.DomainConfiguration;

import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * Brings the domain (entities, repositories, services) into the application. Found by
 * component scanning, so a test slice such as {@code @GraphQlTest} leaves it out.
 */
@Configuration(proxyBeanMethods = false)
@Import(DomainConfiguration.class)
class DomainImport {

}
