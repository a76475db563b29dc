package org.incidentintel.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import org.incidentintel.domain.common.DatePrecision;
import org.incidentintel.domain.dialogue.Dialogue;
import org.incidentintel.domain.dialogue.DialogueRepository;
import org.incidentintel.domain.dialogue.Person;
import org.incidentintel.domain.dialogue.PersonRepository;
import org.incidentintel.domain.incident.IncidentKind;
import org.incidentintel.domain.organization.Organization;
import org.incidentintel.domain.organization.OrganizationKind;
import org.incidentintel.domain.organization.OrganizationRepository;
import org.incidentintel.domain.report.Comparison;
import org.incidentintel.domain.report.SecurityReport;
import org.incidentintel.domain.report.SecurityReportRepository;
import org.incidentintel.domain.source.IngestRun;
import org.incidentintel.domain.source.IngestRunRepository;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jpa.test.autoconfigure.TestEntityManager;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
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
	IngestRunRepository runs;

	@Autowired
	JdbcTemplate jdbc;

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
	void sourceRecordIsUniquePerDatasetAndRecordId() {
		IngestRun run = this.runs
			.save(new IngestRun("ucdp-ged", "conflict_data_pak.csv", "ab".repeat(32), Instant.now()));
		this.entityManager.flush();
		insertSourceRecord(run, "ucdp-ged", "1001");
		insertSourceRecord(run, "gtd", "1001");

		assertThatThrownBy(() -> insertSourceRecord(run, "ucdp-ged", "1001"))
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

	// Source records have no entity: the ETL writes them with SQL
	private void insertSourceRecord(IngestRun run, String dataset, String recordId) {
		this.jdbc.update(
				"insert into source_record (dataset, file_checksum, source_record_id, ingest_run_id, "
						+ "content_hash, date_start, date_end, date_precision, kind, country, raw_record) "
						+ "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
				dataset, run.getFileChecksum(), recordId, run.getId(), "cd".repeat(32), LocalDate.of(2008, 9, 20),
				LocalDate.of(2008, 9, 20), DatePrecision.DAY.name(), IncidentKind.ATTACK.name(), "PAK", "raw");
	}

}
