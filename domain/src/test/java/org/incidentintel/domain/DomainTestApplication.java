package org.incidentintel.domain;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;

/**
 * The smallest application around the domain, for its own tests.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(DomainConfiguration.class)
class DomainTestApplication {

}
