package org.incidentintel.etl;

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
@AnalyzeClasses(packages = "org.incidentintel.etl", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

	@ArchTest
	static final ArchRule etlDoesNotDependOnTheApi = noClasses().should()
		.dependOnClassesThat()
		.resideInAPackage("org.incidentintel.api..")
		.because("etl and api share only the domain and the database");

	@ArchTest
	static final ArchRule etlDoesNotServeGraphql = noClasses().should()
		.dependOnClassesThat()
		.resideInAnyPackage("org.springframework.graphql..")
		.because("queries belong to the api module");

	@ArchTest
	static final ArchRule featurePackagesAreFreeOfCycles = slices().matching("org.incidentintel.etl.(*)..")
		.should()
		.beFreeOfCycles()
		// holds vacuously until the module has feature packages
		.allowEmptyShould(true);

}
