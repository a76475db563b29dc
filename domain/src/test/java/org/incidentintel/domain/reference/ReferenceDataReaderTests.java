package org.incidentintel.domain.reference;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

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
		assertThat(data.documents()).hasSize(7);
		assertThat(data.dialogues()).hasSize(2);
		assertThat(data.reports()).extracting(ReportEntry::id)
			.containsExactly("crss-2024-q1", "crss-2020", "crss-2021");
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
					"the name until 28 June 2011", null));
		assertThat(organization(data, "iskp").aliases()).anySatisfy(
				(alias) -> assertThat(alias).extracting(AliasEntry::name, AliasEntry::validFrom, AliasEntry::countries)
					.containsExactly("IS", LocalDate.of(2015, 1, 1), List.of("PAK", "AFG")));
		assertThat(organization(data, "us-bureau-of-counterterrorism").parent()).isEqualTo("us-department-of-state");
		// Jamaat-ul-Ahrar belongs to the TTP since it rejoined it; the TTP - KM always
		// did
		assertThat(organization(data, "jamaat-ul-ahrar"))
			.extracting(OrganizationEntry::parent, OrganizationEntry::parentFrom, OrganizationEntry::parentTo)
			.containsExactly("ttp", LocalDate.of(2020, 8, 17), null);
		assertThat(organization(data, "ttp-km").parentFrom()).isNull();
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
		// The wording of the sources next to the organizations it was resolved to
		assertThat(dialogue.threatMentions()).extracting(ThreatMentionEntry::organization, ThreatMentionEntry::statedAs)
			.containsExactly(tuple("ttp", "Tehreek-e-Taliban Pakistan (TTP)"), tuple("iskp", "Daesh / ISIS-Khorasan"));
		assertThat(dialogue.threatMentions()).extracting(ThreatMentionEntry::describedAs)
			.containsOnly("most pressing challenges to regional and global security");
		// Four commitments looking ahead; the training is past work, an achievement
		assertThat(dialogue.commitments()).hasSize(4).allSatisfy((commitment) -> {
			assertThat(commitment.quantity()).isNull();
			assertThat(commitment.qualifier()).isNull();
		});
		assertThat(dialogue.commitments()).extracting(CommitmentEntry::description)
			.anySatisfy((description) -> assertThat(description).containsIgnoringCase("communication"))
			.anySatisfy((description) -> assertThat(description).containsIgnoringCase("collaborating"))
			.anySatisfy((description) -> assertThat(description).contains("detect and deter violent extremism"))
			.anySatisfy((description) -> assertThat(description).contains("United Nations")
				.contains("Global Counterterrorism Forum"));
		assertThat(dialogue.achievements()).singleElement().satisfies((achievement) -> {
			assertThat(achievement.quantity()).isEqualTo(300);
			assertThat(achievement.qualifier()).isEqualTo(Comparison.MORE_THAN);
			assertThat(achievement.description()).contains("since the March 2023 round");
		});
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
					tuple(SourceDocumentKind.ARTICLE, "propakistani", LocalDate.of(2021, 1, 1), DatePrecision.DAY),
					tuple(SourceDocumentKind.ARTICLE, "dawn", LocalDate.of(2022, 1, 1), DatePrecision.DAY),
					tuple(SourceDocumentKind.DATASET, "ucdp", LocalDate.of(2022, 1, 1), DatePrecision.YEAR),
					tuple(SourceDocumentKind.DATASET, "pakistan-body-count", LocalDate.of(2017, 1, 25),
							DatePrecision.DAY));
		assertThat(data.documents().get(1).author()).isEqualTo("Web Desk");
		assertThat(data.documents().get(1).url()).isNull();
		// Each article cites the report whose figures it gives
		assertThat(data.documents()).extracting(SourceDocumentEntry::id, SourceDocumentEntry::cites)
			.contains(tuple("news-report-2024-05-13", List.of("crss-2024-q1")),
					tuple("propakistani-2021-01-01", List.of("crss-2020")),
					tuple("dawn-2022-01-01", List.of("crss-2021")), tuple("mofa-statement-2024-05-13", List.of()));
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
			.containsExactly(tuple("fatalities", "PAK", new BigDecimal("432"), null, Comparison.AT_LEAST),
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
	void bundledAnnualReportsOf2020And2021CarryTheFiguresThePressReported() {
		ReferenceData data = this.reader.readClasspath();
		ReportEntry of2020 = report(data, "crss-2020");
		assertThat(of2020.periodFrom()).isEqualTo(LocalDate.of(2020, 1, 1));
		assertThat(of2020.periodTo()).isEqualTo(LocalDate.of(2020, 12, 31));
		assertThat(of2020.sources()).containsExactly("propakistani-2021-01-01");
		assertThat(of2020.figures()).extracting(FigureEntry::metric, FigureEntry::scope, FigureEntry::value)
			.containsExactly(tuple("fatalities", "PAK", new BigDecimal("600")),
					tuple("incidents", "PAK", new BigDecimal("361")),
					tuple("fatalities", "pk-ta", new BigDecimal("191")),
					tuple("fatalities", "pk-ba", new BigDecimal("138")),
					tuple("fatalities", "pk-kp", new BigDecimal("122")),
					tuple("security_operations", "PAK", new BigDecimal("101")),
					tuple("fatalities_in_security_operations", "PAK", new BigDecimal("228")),
					tuple("attacks", "PAK", new BigDecimal("260")),
					tuple("fatalities_in_attacks", "PAK", new BigDecimal("372")),
					tuple("fatalities_civilians", "PAK", new BigDecimal("242")),
					tuple("fatalities_militants", "PAK", new BigDecimal("200")),
					tuple("fatalities_security_forces", "PAK", new BigDecimal("158")));
		assertThat(of2020.figures()).extracting(FigureEntry::comparison).containsOnly(Comparison.EQUAL);

		ReportEntry of2021 = report(data, "crss-2021");
		assertThat(of2021.periodFrom()).isEqualTo(LocalDate.of(2021, 1, 1));
		assertThat(of2021.periodTo()).isEqualTo(LocalDate.of(2021, 12, 31));
		assertThat(of2021.sources()).containsExactly("dawn-2022-01-01");
		assertThat(of2021.figures())
			.extracting(FigureEntry::metric, FigureEntry::scope, FigureEntry::value, FigureEntry::share,
					FigureEntry::comparison)
			.containsExactly(tuple("fatalities", "PAK", new BigDecimal("853"), null, Comparison.EQUAL),
					tuple("injured", "PAK", new BigDecimal("1690"), null, Comparison.EQUAL),
					tuple("fatalities", "pk-kp+pk-ta+pk-ba", null, new BigDecimal("0.75"), Comparison.APPROXIMATELY),
					tuple("fatalities", "pk-pb", null, new BigDecimal("0.08"), Comparison.EQUAL),
					tuple("fatalities", "pk-ta", new BigDecimal("227"), null, Comparison.EQUAL),
					tuple("fatalities", "pk-kp", new BigDecimal("165"), null, Comparison.EQUAL),
					tuple("security_operations", "PAK", new BigDecimal("146"), null, Comparison.EQUAL),
					tuple("militant_fatalities_in_security_operations", "PAK", new BigDecimal("298"), null,
							Comparison.EQUAL),
					tuple("suicide_attacks", "PAK", new BigDecimal("4"), null, Comparison.EQUAL),
					tuple("fatalities_in_suicide_attacks", "PAK", new BigDecimal("20"), null, Comparison.EQUAL),
					tuple("fatalities_civilians_and_security_forces", "PAK", null, new BigDecimal("0.74"),
							Comparison.EQUAL));
	}

	@Test
	void aThreatMentionMustNameOneOfTheRoundsThreats() {
		assertThatExceptionOfType(InvalidFieldException.class)
			.isThrownBy(() -> new DialogueEntry("round", "Round", LocalDate.of(2024, 5, 10), null, null, null, null,
					null, List.of(), List.of(), List.of(), List.of("ttp"),
					List.of(new ThreatMentionEntry("iskp", "Daesh", null)), List.of(), List.of(), null, List.of(),
					null))
			.satisfies((ex) -> assertThat(ex.field()).isEqualTo("threatMentions[0].organization"));
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
						"organizations.yaml:21: organizations[3].colour: unknown property; known are id, name, acronym, kind, country, parent, parentFrom, parentTo, description, aliases",
						"organizations.yaml:24: organizations[3].aliases[1]: alias \"tehrik-e-taliban PAKISTAN\" already belongs to \"ttp\"",
						"organizations.yaml:31: organizations[4].aliases[0].validFrom: \"2015-13-01\" is not a date (yyyy-mm-dd)",
						"organizations.yaml:32: organizations[5].id: duplicate id \"ttp\", already used at line 2",
						"organizations.yaml:35: organizations[6].id: is required",
						"organizations.yaml:52: organizations[9].parent: \"cycle-a\" leads back to itself",
						"organizations.yaml:61: organizations[11].aliases[0].name: is required",
						"organizations.yaml:65: organizations[12].parentFrom: dates the link to a parent, but no parent is given",
						"organizations.yaml:71: organizations[13].parentTo: 2014-08-25 is before 2020-08-17",
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

	private static ReportEntry report(ReferenceData data, String id) {
		return data.reports().stream().filter((report) -> report.id().equals(id)).findFirst().orElseThrow();
	}

}
