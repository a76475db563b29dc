package org.incidentintel.domain.reference;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;

import org.incidentintel.domain.common.DatePrecision;
import org.incidentintel.domain.organization.OrganizationKind;
import org.incidentintel.domain.report.Comparison;
import org.incidentintel.domain.source.SourceDocumentKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Tests for {@link ReferenceDataReader}: the bundled files load with the facts of the
 * brief, and broken files give every problem with its file, line and field path.
 */
class ReferenceDataReaderTests {

	private static final Path BROKEN = Path.of("src/test/resources/reference-broken");

	private final ReferenceDataReader reader = new ReferenceDataReader();

	@Test
	void readsTheBundledFiles() {
		ReferenceData data = this.reader.readClasspath();
		assertThat(data.organizations()).hasSizeGreaterThan(80);
		assertThat(data.regions()).extracting(RegionEntry::id)
			.containsExactly("pk-kp", "pk-ta", "pk-ba", "pk-pb", "pk-sd", "pk-is", "pk-jk", "pk-gb");
		assertThat(data.documents()).hasSize(5);
		assertThat(data.dialogues()).hasSize(2);
		assertThat(data.reports()).hasSize(1);
	}

	@Test
	void readsTheSameFilesFromADirectory() {
		assertThat(this.reader.read(Path.of("src/main/resources/reference"))).isEqualTo(this.reader.readClasspath());
	}

	@Test
	void bundledOrganizationsCarryAliasesAndParents() {
		ReferenceData data = this.reader.readClasspath();
		OrganizationEntry iskp = organization(data, "iskp");
		assertThat(iskp.kind()).isEqualTo(OrganizationKind.MILITANT_GROUP);
		assertThat(iskp.parent()).isEqualTo("islamic-state");
		assertThat(iskp.aliases()).extracting(AliasEntry::name).contains("ISIS-K", "Wilayat Khorasan", "Daesh");
		assertThat(iskp.aliases()).filteredOn((alias) -> alias.name().equals("Daesh"))
			.singleElement()
			.satisfies((alias) -> assertThat(alias.note()).contains("Pakistani"));
		assertThat(organization(data, "oic").aliases())
			.contains(new AliasEntry("Organisation of the Islamic Conference", null, LocalDate.of(2011, 6, 27),
					"the name until 28 June 2011"));
		assertThat(organization(data, "us-bureau-of-counterterrorism").parent()).isEqualTo("us-department-of-state");
		assertThat(organization(data, "pakistan-mofa").kind()).isEqualTo(OrganizationKind.GOVERNMENT_BODY);
		assertThat(organization(data, "crss").kind()).isEqualTo(OrganizationKind.RESEARCH_CENTRE);
		assertThat(organization(data, "gctf").kind()).isEqualTo(OrganizationKind.MULTILATERAL_FORUM);
	}

	@Test
	void bundledRegionsCarryTheirHistory() {
		ReferenceData data = this.reader.readClasspath();
		RegionEntry fata = data.regions().get(1);
		assertThat(fata.isoCode()).isEqualTo("PK-TA");
		assertThat(fata.validTo()).isEqualTo(LocalDate.of(2018, 5, 30));
		assertThat(fata.mergedInto()).isEqualTo("pk-kp");
		assertThat(data.regions().get(0).names())
			.contains(new RegionNameEntry("NWFP", null, LocalDate.of(2010, 4, 18), null));
	}

	@Test
	void bundledDialoguesCarryTheFactsOfTheBrief() {
		ReferenceData data = this.reader.readClasspath();
		DialogueEntry first = data.dialogues().get(0);
		assertThat(first.date()).isEqualTo(LocalDate.of(2023, 3, 1));
		assertThat(first.datePrecision()).isEqualTo(DatePrecision.MONTH);
		assertThat(first.location()).isNull();
		DialogueEntry dialogue = data.dialogues().get(1);
		assertThat(dialogue.date()).isEqualTo(LocalDate.of(2024, 5, 10));
		assertThat(dialogue.datePrecision()).isEqualTo(DatePrecision.DAY);
		assertThat(dialogue.location()).startsWith("Washington");
		assertThat(dialogue.hostCountry()).isEqualTo("USA");
		assertThat(dialogue.parties()).containsExactly("PAK", "USA");
		assertThat(dialogue.delegates())
			.extracting(DelegateEntry::person, DelegateEntry::role, DelegateEntry::organization, DelegateEntry::country)
			.containsExactly(tuple("Syed Haider Shah", "co-chair", "pakistan-mofa", "PAK"),
					tuple("Elizabeth Richard", "co-chair", "us-bureau-of-counterterrorism", "USA"));
		assertThat(dialogue.delegates().get(0).title()).contains("Additional Foreign Secretary");
		assertThat(dialogue.delegates().get(1).title()).contains("Coordinator for Counterterrorism");
		assertThat(dialogue.topics()).hasSize(6);
		assertThat(dialogue.threats()).containsExactly("ttp", "iskp");
		assertThat(dialogue.commitments()).hasSize(2);
		assertThat(dialogue.commitments().get(0).quantity()).isEqualTo(300);
		assertThat(dialogue.commitments().get(0).qualifier()).isEqualTo(Comparison.MORE_THAN);
		assertThat(dialogue.commitments().get(1).quantity()).isNull();
		assertThat(dialogue.previous()).isEqualTo(first.id());
		assertThat(dialogue.sources()).containsExactly("mofa-statement-2024-05-13", "news-report-2024-05-13");
	}

	@Test
	void bundledDocumentsCiteTheirPublishers() {
		ReferenceData data = this.reader.readClasspath();
		assertThat(data.documents())
			.extracting(SourceDocumentEntry::kind, SourceDocumentEntry::publisher, SourceDocumentEntry::publishedOn,
					SourceDocumentEntry::datePrecision)
			.containsExactly(
					tuple(SourceDocumentKind.STATEMENT, "pakistan-mofa", LocalDate.of(2024, 5, 13), DatePrecision.DAY),
					tuple(SourceDocumentKind.ARTICLE, "pakistani-news-outlet", LocalDate.of(2024, 5, 13),
							DatePrecision.DAY),
					tuple(SourceDocumentKind.REPORT, "crss", LocalDate.of(2024, 4, 1), DatePrecision.MONTH),
					tuple(SourceDocumentKind.DATASET, "ucdp", LocalDate.of(2022, 1, 1), DatePrecision.YEAR),
					tuple(SourceDocumentKind.DATASET, "pakistan-body-count", LocalDate.of(2017, 1, 25),
							DatePrecision.DAY));
		assertThat(data.documents().get(1).author()).isEqualTo("Web Desk");
		assertThat(data.documents().get(1).url()).isNull();
	}

	@Test
	void bundledReportCarriesEveryFigureOfTheBrief() {
		ReportEntry report = this.reader.readClasspath().reports().get(0);
		assertThat(report.publisher()).isEqualTo("crss");
		assertThat(report.periodFrom()).isEqualTo(LocalDate.of(2024, 1, 1));
		assertThat(report.periodTo()).isEqualTo(LocalDate.of(2024, 3, 31));
		assertThat(report.publishedOn()).isEqualTo(LocalDate.of(2024, 4, 1));
		assertThat(report.datePrecision()).isEqualTo(DatePrecision.MONTH);
		assertThat(report.figures())
			.extracting(FigureEntry::metric, FigureEntry::scope, FigureEntry::value, FigureEntry::share,
					FigureEntry::comparison)
			.containsExactly(tuple("fatalities", "PAK", new BigDecimal("432"), null, Comparison.EQUAL),
					tuple("injured", "PAK", new BigDecimal("370"), null, Comparison.EQUAL),
					tuple("incidents", "PAK", new BigDecimal("245"), null, Comparison.EQUAL),
					tuple("fatalities_civilians_and_security_forces", "PAK", new BigDecimal("281"), null,
							Comparison.EQUAL),
					tuple("fatalities", "pk-kp", null, new BigDecimal("0.51"), Comparison.EQUAL),
					tuple("fatalities", "pk-ba", null, new BigDecimal("0.41"), Comparison.EQUAL),
					tuple("fatalities", "pk-kp+pk-ba", null, new BigDecimal("0.92"), Comparison.EQUAL),
					tuple("attacks", "pk-kp+pk-ba", null, new BigDecimal("0.86"), Comparison.EQUAL),
					tuple("fatalities", "pk-pb", null, new BigDecimal("0.08"), Comparison.LESS_THAN),
					tuple("fatalities", "pk-sd", null, new BigDecimal("0.08"), Comparison.LESS_THAN),
					tuple("fatalities", "pk-is", null, new BigDecimal("0.08"), Comparison.LESS_THAN),
					tuple("fatalities", "pk-jk", null, new BigDecimal("0.08"), Comparison.LESS_THAN),
					tuple("fatalities", "pk-gb", null, new BigDecimal("0.08"), Comparison.LESS_THAN));
	}

	@Test
	void reportsEveryProblemWithFileLineAndFieldPath() {
		assertThatExceptionOfType(ReferenceDataException.class)
			.isThrownBy(() -> this.reader.read(BROKEN.resolve("many-problems")))
			.satisfies((ex) -> assertThat(ex.getProblems()).map(ReferenceDataProblem::toString)
				.containsExactly(
						"dialogues.yaml:8: dialogues[0].delegates[0].organization: unknown organization \"ministry-of-nothing\"",
						"dialogues.yaml:9: dialogues[0].threats[1]: unknown organization \"unknown-group\"",
						"dialogues.yaml:10: dialogues[0].previous: unknown dialogue \"round-2023\"",
						"dialogues.yaml:11: dialogues[0].sources[1]: unknown document \"no-such-document\"",
						"dialogues.yaml:14: dialogues[1].date: \"10 May 2025\" is not a date (yyyy-mm-dd)",
						"dialogues.yaml:18: dialogues[2].parties[1]: \"US\" is not an ISO 3166 alpha-3 country code (three capital letters)",
						"dialogues.yaml:24: dialogues[3].commitments[0].qualifier: needs a quantity",
						"dialogues.yaml:28: dialogues[4].previous: the previous round \"round-2024\" is not earlier than this one",
						"documents.yaml:3: documents[0].kind: \"PRESS_RELEASE\" is not one of [STATEMENT, ARTICLE, REPORT, DATASET, OTHER]",
						"documents.yaml:10: documents[1].publisher: unknown organization \"nobody-knows\"",
						"documents.yaml:16: documents[2].publishedOn: a date of MONTH precision must be the first day of its month",
						"organizations.yaml:11: organizations[1].kind: \"MILITIA\" is not one of [MILITANT_GROUP, GOVERNMENT, GOVERNMENT_BODY, SECURITY_FORCE, RESEARCH_CENTRE, MULTILATERAL_FORUM, MEDIA, OTHER]",
						"organizations.yaml:16: organizations[2].country: \"Pakistan\" is not an ISO 3166 alpha-3 country code (three capital letters)",
						"organizations.yaml:20: organizations[3].parent: unknown organization \"islamic-state\"",
						"organizations.yaml:21: organizations[3].colour: unknown property; known are id, name, acronym, kind, country, parent, description, aliases",
						"organizations.yaml:24: organizations[3].aliases[1]: alias \"tehrik-e-taliban PAKISTAN\" already belongs to \"ttp\"",
						"organizations.yaml:31: organizations[4].aliases[0].validFrom: \"2015-13-01\" is not a date (yyyy-mm-dd)",
						"organizations.yaml:32: organizations[5].id: duplicate id \"ttp\", already used at line 2",
						"organizations.yaml:35: organizations[6].id: is required",
						"organizations.yaml:52: organizations[9].parent: \"cycle-a\" leads back to itself",
						"organizations.yaml:61: organizations[11].aliases[0].name: is required",
						"regions.yaml:10: regions[1].mergedInto: unknown region \"pk-xx\"",
						"regions.yaml:16: regions[2].names[1]: name \"K.P.K.\" already belongs to \"pk-kp\"",
						"reports.yaml:11: reports[0].figures[0].scope: \"pk-zz\" is neither a country code nor a region id (join several regions with +)",
						"reports.yaml:18: reports[1].periodTo: 2024-03-31 is before 2024-04-01",
						"reports.yaml:31: reports[2].figures[0].value: \"many\" is not a number"));
	}

	@Test
	void reportsFilesThatAreNotReferenceDataYaml() {
		assertThatExceptionOfType(ReferenceDataException.class)
			.isThrownBy(() -> this.reader.read(BROKEN.resolve("not-yaml")))
			.satisfies((ex) -> assertThat(ex.getProblems()).map(ReferenceDataProblem::toString)
				.containsExactly("dialogues.yaml: is empty; expected a top-level \"dialogues:\" list",
						"documents.yaml:2: extra: unknown property; expected only \"documents\"",
						"organizations.yaml:4: is not valid YAML: expected <block end>, but found '<block mapping start>'",
						"regions.yaml:5: is not valid YAML: Duplicate Object property \"name\"",
						"reports.yaml:1: reports: expected a list"));
	}

	@Test
	void reportsMissingFiles(@TempDir Path empty) {
		assertThatExceptionOfType(ReferenceDataException.class).isThrownBy(() -> this.reader.read(empty))
			.satisfies((ex) -> assertThat(ex.getProblems()).map(ReferenceDataProblem::toString)
				.containsExactly("dialogues.yaml: is missing", "documents.yaml: is missing",
						"organizations.yaml: is missing", "regions.yaml: is missing", "reports.yaml: is missing"))
			.withMessageStartingWith("5 problem(s) in the reference data:")
			.withMessageContaining("organizations.yaml: is missing");
	}

	private static OrganizationEntry organization(ReferenceData data, String id) {
		return data.organizations()
			.stream()
			.filter((organization) -> organization.id().equals(id))
			.findFirst()
			.orElseThrow();
	}

}
