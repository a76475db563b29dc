package org.incidentintel.api;

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
@AnalyzeClasses(packages = "org.incidentintel.api", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

	@ArchTest
	static final ArchRule apiDoesNotDependOnTheEtl = noClasses().should()
		.dependOnClassesThat()
		.resideInAPackage("org.incidentintel.etl..")
		.because("etl and api share only the domain and the database");

	@ArchTest
	static final ArchRule apiDoesNotRunBatchJobs = noClasses().should()
		.dependOnClassesThat()
		.resideInAnyPackage("org.springframework.batch..")
		.because("loading data belongs to the etl module");

	@ArchTest
	static final ArchRule featurePackagesAreFreeOfCycles = slices().matching("org.incidentintel.api.(*)..")
		.should()
		.beFreeOfCycles()
		// holds vacuously until the module has feature packages
		.allowEmptyShould(true);

}
