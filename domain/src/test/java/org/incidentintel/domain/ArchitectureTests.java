package org.incidentintel.domain;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * Keeps the arrows of the module graph (etl -> domain <- api) and the packages inside
 * this module pointing one way.
 */
@AnalyzeClasses(packages = "org.incidentintel.domain", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

	@ArchTest
	static final ArchRule domainDoesNotDependOnTheApplications = noClasses().should()
		.dependOnClassesThat()
		.resideInAnyPackage("org.incidentintel.etl..", "org.incidentintel.api..")
		.because("etl and api depend on the domain, never the other way");

	@ArchTest
	static final ArchRule domainStaysFreeOfWebGraphqlAndBatch = noClasses().should()
		.dependOnClassesThat()
		.resideInAnyPackage("org.springframework.web..", "org.springframework.graphql..", "org.springframework.batch..",
				"org.springframework.boot.webmvc..")
		.because("the domain is shared by a batch application and a web application");

	@ArchTest
	static final ArchRule featurePackagesAreFreeOfCycles = slices().matching("org.incidentintel.domain.(*)..")
		.should()
		.beFreeOfCycles();

}
