package org.incidentintel.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import org.incidentintel.domain.common.DatePrecision;
import org.incidentintel.domain.dialogue.Dialogue;
import org.incidentintel.domain.dialogue.DialogueRepository;
import org.incidentintel.domain.dialogue.Person;
import org.incidentintel.domain.dialogue.PersonRepository;
import org.incidentintel.domain.incident.Incident;
import org.incidentintel.domain.incident.IncidentKind;
import org.incidentintel.domain.incident.IncidentRepository;
import org.incidentintel.domain.incident.PerpetratorRole;
import org.incidentintel.domain.organization.Organization;
import org.incidentintel.domain.organization.OrganizationKind;
import org.incidentintel.domain.organization.OrganizationRepository;
import org.incidentintel.domain.region.Region;
import org.incidentintel.domain.region.RegionRepository;
import org.incidentintel.domain.report.Comparison;
import org.incidentintel.domain.report.SecurityReport;
import org.incidentintel.domain.report.SecurityReportRepository;
import org.incidentintel.domain.source.IngestRun;
import org.incidentintel.domain.source.IngestRunRepository;
import org.incidentintel.domain.source.SourceRecord;
import org.incidentintel.domain.source.SourceRecordRepository;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jpa.test.autoconfigure.TestEntityManager;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.transaction.annotation.Transactional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What the entities and migrations must do on every supported database. Subclasses pick
 * the database; Hibernate's schema validation (ddl-auto=validate) already failed the
 * context if the entities and the migrations disagree.
 */
// Declared here too: the test methods live in this class, and the transaction attribute
// is
// looked up on the declaring class, not on the @DataJpaTest subclass.
@Transactional
abstract class PersistenceContract {

	@Autowired
	TestEntityManager entityManager;

	@Autowired
	OrganizationRepository organizations;

	@Autowired
	RegionRepository regions;

	@Autowired
	IncidentRepository incidents;

	@Autowired
	IngestRunRepository runs;

	@Autowired
	SourceRecordRepository sourceRecords;

	@Autowired
	DialogueRepository dialogues;

	@Autowired
	PersonRepository people;

	@Autowired
	SecurityReportRepository reports;

	@Test
	void organizationIsFoundByAnyAliasKey() {
		Organization ttp = new Organization("ttp", "Tehrik-i-Taliban Pakistan", OrganizationKind.MILITANT_GROUP);
		ttp.addAlias("Tehreek-e-Taliban Pakistan", "pakistan taliban tehreeke");
		ttp.addAlias("TTP", "ttp");
		this.organizations.save(ttp);
		this.entityManager.flush();
		this.entityManager.clear();

		assertThat(this.organizations.findByAliasKey("ttp")).extracting(Organization::getKey).containsExactly("ttp");
		assertThat(this.organizations.findByKey("ttp").orElseThrow().getAliases()).hasSize(2);
	}

	@Test
	void incidentKeepsPerpetratorsRegionsAndCasualties() {
		Region kp = this.regions.save(new Region("PK-KP", "PAK", "Khyber Pakhtunkhwa"));
		Region fata = new Region("PK-TA", "PAK", "Federally Administered Tribal Areas");
		fata.setMergedInto(kp);
		this.regions.save(fata);
		Organization ttp = this.organizations
			.save(new Organization("ttp", "Tehrik-i-Taliban Pakistan", OrganizationKind.MILITANT_GROUP));
		Incident incident = new Incident(LocalDate.of(2013, 9, 22), LocalDate.of(2013, 9, 22), DatePrecision.DAY,
				IncidentKind.ATTACK, "PAK");
		incident.setRegion(kp, kp, "Khyber Pakhtunkhwa");
		incident.setPlace("Peshawar", "All Saints Church");
		incident.setLocation(34.0, 71.57);
		incident.setCasualties(82, 80, 85, 82, 0, 2, null, 120);
		incident.addPerpetrator(ttp, "TTP", PerpetratorRole.PERPETRATOR, false);
		incident.addPerpetrator(null, "Jundullah (suspected)", PerpetratorRole.CLAIMED, true);
		incident.getAttackTypes().add("Suicide bombing");
		incident.getTargets().add("Religious figures/institutions");
		Long id = this.incidents.save(incident).getId();
		this.entityManager.flush();
		this.entityManager.clear();

		Incident read = this.incidents.findById(id).orElseThrow();
		assertThat(read.getRegion().getKey()).isEqualTo("PK-KP");
		assertThat(read.getKilled()).isEqualTo(82);
		assertThat(read.getKilledUnknown()).isNull();
		assertThat(read.getPerpetrators()).extracting(p -> p.getNameAsReported())
			.containsExactly("TTP", "Jundullah (suspected)");
		assertThat(read.getPerpetrators().get(1).getOrganization()).isNull();
		assertThat(read.getAttackTypes()).containsExactly("Suicide bombing");
		assertThat(read.getCreatedAt()).isNotNull();
	}

	@Test
	void sourceRecordIsUniquePerDatasetAndRecordId() {
		IngestRun run = this.runs
			.save(new IngestRun("ucdp-ged", "conflict_data_pak.csv", "ab".repeat(32), Instant.now()));
		this.sourceRecords.save(sourceRecord(run, "ucdp-ged", "1001"));
		this.sourceRecords.save(sourceRecord(run, "gtd", "1001"));
		this.entityManager.flush();

		assertThatThrownBy(() -> this.sourceRecords.saveAndFlush(sourceRecord(run, "ucdp-ged", "1001")))
			.isInstanceOf(DataIntegrityViolationException.class);
	}

	@Test
	void dialogueKeepsDelegatesTopicsThreatsAndCommitmentsInOrder() {
		Organization ttp = this.organizations
			.save(new Organization("ttp", "Tehrik-i-Taliban Pakistan", OrganizationKind.MILITANT_GROUP));
		Organization iskp = this.organizations
			.save(new Organization("iskp", "Islamic State Khorasan Province", OrganizationKind.MILITANT_GROUP));
		Person shah = this.people.save(new Person("Syed Haider Shah", "PAK"));
		Dialogue dialogue = new Dialogue("pak-us-ct-2024", "Pakistan-US Counterterrorism Dialogue",
				LocalDate.of(2024, 5, 10), DatePrecision.DAY);
		dialogue.setVenue("Washington", "USA", "bilateral");
		dialogue.getParties().add("PAK");
		dialogue.getParties().add("USA");
		dialogue.getTopics().add("Capacity building");
		dialogue.getTopics().add("Border security");
		dialogue.getThreats().add(ttp);
		dialogue.getThreats().add(iskp);
		dialogue.addDelegate(shah, null, "Additional Foreign Secretary (UN and OIC)", "co-chair", "PAK");
		dialogue.addCommitment("Police and frontline responders trained", 300, "MORE_THAN", "people");
		Long id = this.dialogues.save(dialogue).getId();
		this.entityManager.flush();
		this.entityManager.clear();

		Dialogue read = this.dialogues.findById(id).orElseThrow();
		assertThat(read.getTopics()).containsExactly("Capacity building", "Border security");
		assertThat(read.getThreats()).extracting(Organization::getKey).containsExactlyInAnyOrder("ttp", "iskp");
		assertThat(read.getDelegates()).singleElement()
			.satisfies((delegate) -> assertThat(delegate.getPerson().getName()).isEqualTo("Syed Haider Shah"));
		assertThat(read.getCommitments()).singleElement()
			.satisfies((commitment) -> assertThat(commitment.getQuantity()).isEqualTo(300));
	}

	@Test
	void reportFiguresKeepExactValuesAndShares() {
		SecurityReport report = new SecurityReport("crss-2024-q1", "Q1 2024 Security Report", LocalDate.of(2024, 1, 1),
				LocalDate.of(2024, 3, 31));
		report.addFigure("fatalities", "PAK", new BigDecimal("432"), null, Comparison.EQUAL, null);
		report.addFigure("fatalities", "PK-KP", null, new BigDecimal("0.51"), Comparison.EQUAL, null);
		Long id = this.reports.save(report).getId();
		this.entityManager.flush();
		this.entityManager.clear();

		SecurityReport read = this.reports.findById(id).orElseThrow();
		assertThat(read.getFigures()).extracting(f -> f.getValue() == null ? null : f.getValue().intValueExact())
			.containsExactly(432, null);
		assertThat(read.getFigures().get(1).getShare()).isEqualByComparingTo("0.51");
	}

	private static SourceRecord sourceRecord(IngestRun run, String dataset, String recordId) {
		SourceRecord record = new SourceRecord(dataset, recordId, run.getFileChecksum(), run, "cd".repeat(32), "raw");
		record.setWhen(LocalDate.of(2008, 9, 20), LocalDate.of(2008, 9, 20), DatePrecision.DAY);
		record.setWhat(IncidentKind.ATTACK, null, null);
		record.setWhere("PAK", "Islamabad", null, null, null, "Islamabad", 33.72, 73.06);
		return record;
	}

}
