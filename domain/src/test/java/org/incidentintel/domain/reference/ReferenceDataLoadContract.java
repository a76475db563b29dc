package org.incidentintel.domain.reference;

import java.time.LocalDate;
import java.util.List;

import org.incidentintel.domain.common.DatePrecision;
import org.incidentintel.domain.common.NameKey;
import org.incidentintel.domain.dialogue.CommitmentKind;
import org.incidentintel.domain.dialogue.Delegate;
import org.incidentintel.domain.dialogue.Dialogue;
import org.incidentintel.domain.dialogue.DialogueRepository;
import org.incidentintel.domain.dialogue.ThreatMention;
import org.incidentintel.domain.organization.Organization;
import org.incidentintel.domain.organization.OrganizationKind;
import org.incidentintel.domain.organization.OrganizationRepository;
import org.incidentintel.domain.region.Region;
import org.incidentintel.domain.region.RegionRepository;
import org.incidentintel.domain.report.Comparison;
import org.incidentintel.domain.report.ReportFigure;
import org.incidentintel.domain.report.SecurityReport;
import org.incidentintel.domain.report.SecurityReportRepository;
import org.incidentintel.domain.source.SourceDocument;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jpa.test.autoconfigure.TestEntityManager;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Transactional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The bundled reference data loads into a database and reads back with the facts of the
 * brief. Subclasses pick the database.
 */
@Transactional
abstract class ReferenceDataLoadContract {

	@Autowired
	ReferenceDataLoader loader;

	@Autowired
	TestEntityManager entityManager;

	@Autowired
	OrganizationRepository organizations;

	@Autowired
	RegionRepository regions;

	@Autowired
	DialogueRepository dialogues;

	@Autowired
	SecurityReportRepository reports;

	@Autowired
	JdbcTemplate jdbc;

	ReferenceData data;

	@BeforeEach
	void loadBundledReferenceData() {
		this.data = new ReferenceDataReader().readClasspath();
		this.loader.load(this.data);
		this.entityManager.flush();
		this.entityManager.clear();
	}

	@Test
	void dialogueOf2024HasItsCoChairsAndPreviousRound() {
		Dialogue dialogue = dialogueOn(LocalDate.of(2024, 5, 10));

		assertThat(dialogue.getLocation()).contains("Washington");
		assertThat(dialogue.getParties()).containsExactlyInAnyOrder("PAK", "USA");
		assertThat(dialogue.getDelegates()).extracting((delegate) -> delegate.getPerson().getName())
			.anySatisfy((name) -> assertThat(name).contains("Syed Haider Shah"))
			.anySatisfy((name) -> assertThat(name).contains("Elizabeth Richard"));
		assertThat(dialogue.getDelegates()).extracting(Delegate::getRole)
			.allSatisfy((role) -> assertThat(role).containsIgnoringCase("co-chair"));
		assertThat(dialogue.getPrevious().getStartDate()).isEqualTo(LocalDate.of(2023, 3, 1));
		assertThat(dialogue.getPrevious().getDatePrecision()).isEqualTo(DatePrecision.MONTH);
		assertThat(dialogue.getTopics()).hasSize(6);
		assertThat(dialogue.getCommitments()).hasSize(4)
			.allSatisfy((commitment) -> assertThat(commitment.getKind()).isEqualTo(CommitmentKind.COMMITMENT));
		assertThat(dialogue.getAchievements()).singleElement().satisfies((achievement) -> {
			assertThat(achievement.getKind()).isEqualTo(CommitmentKind.ACHIEVEMENT);
			assertThat(achievement.getQuantity()).isEqualTo(300);
			assertThat(achievement.getQualifier()).isEqualTo("MORE_THAN");
		});
		assertThat(dialogue.getSources()).hasSize(2);
	}

	@Test
	void threatsNamedAreTtpAndIskpFoundByTheirAliases() {
		Dialogue dialogue = dialogueOn(LocalDate.of(2024, 5, 10));
		List<Organization> daesh = this.organizations.findByAliasKey(NameKey.of("Daesh"));
		List<Organization> ttp = this.organizations.findByAliasKey(NameKey.of("Tehreek-e-Taliban Pakistan"));

		assertThat(daesh).singleElement().extracting(Organization::getAcronym).isEqualTo("ISKP");
		assertThat(ttp).singleElement().extracting(Organization::getAcronym).isEqualTo("TTP");
		assertThat(dialogue.getThreats()).extracting(Organization::getId)
			.containsExactlyInAnyOrder(daesh.get(0).getId(), ttp.get(0).getId());
		assertThat(dialogue.getThreatMentions())
			.extracting((mention) -> mention.getOrganization().getId(), ThreatMention::getStatedAs)
			.containsExactly(tuple(ttp.get(0).getId(), "Tehreek-e-Taliban Pakistan (TTP)"),
					tuple(daesh.get(0).getId(), "Daesh / ISIS-Khorasan"));
	}

	@Test
	void crssReportCarriesEveryPublishedFigure() {
		SecurityReport report = this.reports.findAll()
			.stream()
			.filter((candidate) -> candidate.getPeriodFrom().equals(LocalDate.of(2024, 1, 1)))
			.findFirst()
			.orElseThrow();

		assertThat(report.getPeriodTo()).isEqualTo(LocalDate.of(2024, 3, 31));
		assertThat(report.getPublisher().getAcronym()).isEqualTo("CRSS");
		assertThat(value(report, "fatalities", "PAK")).isEqualTo(432);
		assertThat(report.getFigures().get(0).getComparison()).isEqualTo(Comparison.AT_LEAST);
		assertThat(report.getCitedBy()).extracting(SourceDocument::getKey).containsExactly("news-report-2024-05-13");
		assertThat(value(report, "injured", "PAK")).isEqualTo(370);
		assertThat(value(report, "incidents", "PAK")).isEqualTo(245);
		assertThat(value(report, "fatalities_civilians_and_security_forces", "PAK")).isEqualTo(281);
		assertThat(share(report, "fatalities", "pk-kp")).isEqualTo("0.51");
		assertThat(share(report, "fatalities", "pk-ba")).isEqualTo("0.41");
		assertThat(share(report, "fatalities", "pk-kp+pk-ba")).isEqualTo("0.92");
		assertThat(share(report, "attacks", "pk-kp+pk-ba")).isEqualTo("0.86");
		assertThat(report.getFigures()).anySatisfy((figure) -> {
			assertThat(figure.getShare()).isEqualByComparingTo("0.08");
			assertThat(figure.getComparison().name()).isEqualTo("LESS_THAN");
		});
	}

	@Test
	void jamaatUlAhrarBelongsToTheTtpFromItsReturn() {
		Organization jua = this.organizations.findByKey("jamaat-ul-ahrar").orElseThrow();

		assertThat(jua.getParent().getAcronym()).isEqualTo("TTP");
		assertThat(jua.getParentValidFrom()).isEqualTo(LocalDate.of(2020, 8, 17));
		assertThat(jua.getParentValidTo()).isNull();
		assertThat(this.organizations.findByKey("ttp-km").orElseThrow().getParentValidFrom()).isNull();
	}

	@Test
	void fataIsMergedIntoKhyberPakhtunkhwaAndKeepsItsNames() {
		Region fata = this.regions.findByKey("pk-ta").orElseThrow();

		assertThat(fata.getMergedInto().getKey()).isEqualTo("pk-kp");
		assertThat(fata.getValidTo()).isEqualTo(LocalDate.of(2018, 5, 30));
		assertThat(this.regions.findByKey("pk-kp").orElseThrow().getNames())
			.anySatisfy((name) -> assertThat(name.getName()).isEqualTo("North-West Frontier Province"));
	}

	@Test
	void loadingTheSameFilesAgainChangesNothing() {
		long organizationCount = this.organizations.count();
		long aliasCount = countRows("OrganizationAlias");
		long figureCount = countRows("ReportFigure");
		long delegateCount = countRows("Delegate");
		long outcomeCount = countRows("Commitment");

		this.loader.load(this.data);
		this.entityManager.flush();

		assertThat(this.organizations.count()).isEqualTo(organizationCount);
		assertThat(countRows("OrganizationAlias")).isEqualTo(aliasCount);
		assertThat(countRows("ReportFigure")).isEqualTo(figureCount);
		assertThat(countRows("Delegate")).isEqualTo(delegateCount);
		assertThat(countRows("Commitment")).isEqualTo(outcomeCount).isEqualTo(5);
		assertThat(this.dialogues.count()).isEqualTo(2);
	}

	@Test
	void everyLoadMarksANewVersionForReadersInOtherProcesses() {
		long before = referenceDataVersion();

		this.loader.load(this.data);

		assertThat(referenceDataVersion()).isEqualTo(before + 1);
	}

	@Test
	void aChangedKindMarksTheStatisticsCellsStaleAndAReloadDoesNot() {
		long before = incidentDataVersion();
		this.loader.load(this.data);
		assertThat(incidentDataVersion()).isEqualTo(before);

		List<OrganizationEntry> rekinded = this.data.organizations()
			.stream()
			.map((entry) -> !entry.id().equals("ttp") ? entry
					: new OrganizationEntry(entry.id(), entry.name(), entry.acronym(), OrganizationKind.GOVERNMENT_BODY,
							entry.country(), entry.parent(), entry.parentFrom(), entry.parentTo(), entry.description(),
							entry.aliases()))
			.toList();
		this.loader.load(new ReferenceData(rekinded, this.data.regions(), this.data.documents(), this.data.dialogues(),
				this.data.reports()));

		assertThat(incidentDataVersion()).isEqualTo(before + 1);
	}

	private long incidentDataVersion() {
		return this.jdbc.queryForObject("select data_version from incident_statistics_state where id = 1", Long.class);
	}

	private long referenceDataVersion() {
		return this.jdbc.queryForObject("select version from reference_data_state where id = 1", Long.class);
	}

	private Dialogue dialogueOn(LocalDate date) {
		return this.dialogues.findAll()
			.stream()
			.filter((dialogue) -> dialogue.getStartDate().equals(date))
			.findFirst()
			.orElseThrow();
	}

	private long countRows(String entity) {
		return this.entityManager.getEntityManager()
			.createQuery("select count(e) from " + entity + " e", Long.class)
			.getSingleResult();
	}

	private static Integer value(SecurityReport report, String metric, String scope) {
		return figure(report, metric, scope).getValue().intValueExact();
	}

	private static String share(SecurityReport report, String metric, String scope) {
		return figure(report, metric, scope).getShare().stripTrailingZeros().toPlainString();
	}

	private static ReportFigure figure(SecurityReport report, String metric, String scope) {
		return report.getFigures()
			.stream()
			.filter((figure) -> figure.getMetric().equals(metric) && figure.getScope().equals(scope))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no figure " + metric + " over " + scope));
	}

}
