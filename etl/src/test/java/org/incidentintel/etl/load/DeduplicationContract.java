package org.incidentintel.etl.load;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.incidentintel.domain.dedup.Deduplicator;
import org.incidentintel.domain.dedup.IncidentCuration;
import org.incidentintel.domain.reference.ReferenceDataLoader;
import org.incidentintel.domain.reference.ReferenceDataReader;
import org.incidentintel.etl.read.SourceFile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Deduplication of the two shared real files (the UCDP GED extract and Pakistan Body
 * Count): the attacks both report become one incident each, measured against the
 * hand-labelled evaluation set in {@code src/test/resources/dedup}; the clusters do not
 * depend on the order of ingestion or on incremental versus full passes; curators' splits
 * and merges survive re-ingestion and {@code dedupe --all}. Subclasses pick the database.
 */
abstract class DeduplicationContract {

	private static final double MIN_PRECISION = 0.95;

	private static final double MIN_RECALL = 0.90;

	@Autowired
	IngestService ingest;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ReferenceDataLoader referenceData;

	@Autowired
	Deduplicator deduplicator;

	@Autowired
	IncidentCuration curation;

	@BeforeEach
	void emptyDatabaseWithReferenceData() {
		empty();
		this.referenceData.load(new ReferenceDataReader().readClasspath());
	}

	@Test
	void attacksReportedByBothSourcesBecomeOneIncidentWhateverTheOrder() throws Exception {
		load(IngestJobContract.PAKISTAN_BODY_COUNT);
		load(IngestJobContract.UCDP);
		Set<List<String>> pbcFirst = clusters();

		assertThat(sourcesOfIncidentOf("pakistan-body-count", "120")).as("Islamabad Marriott Hotel, 2008-09-20")
			.containsExactly("pakistan-body-count:120", "ucdp-ged:56705");
		assertThat(sourcesOfIncidentOf("pakistan-body-count", "399")).as("Peshawar All Saints church, 2013-09-22")
			.containsExactly("pakistan-body-count:399", "ucdp-ged:65354");
		String evidence = this.jdbc.queryForObject("select match_evidence from source_record "
				+ "where dataset = 'pakistan-body-count' and source_record_id = '120'", String.class);
		assertThat(evidence).contains("\"with\":\"ucdp-ged:56705\"", "\"date\"", "\"place\"", "\"casualties\"",
				"\"perpetrators\"", "\"kind\"");
		// canonical incidents count once: records minus the ones that joined another's
		long records = this.jdbc.queryForObject("select count(*) from source_record", Long.class);
		long incidents = this.jdbc.queryForObject("select count(*) from incident", Long.class);
		long multiSource = pbcFirst.stream().filter((cluster) -> cluster.size() > 1).count();
		assertThat(multiSource).isGreaterThan(200);
		assertThat(incidents).isEqualTo(records - multiSource);
		assertThat(this.jdbc.queryForObject("select count(*) from incident i where not exists "
				+ "(select 1 from source_record s where s.incident_id = i.id)", Long.class))
			.isZero();
		assertThat(this.jdbc.queryForObject("select count(*) from incident i where (select count(*) from "
				+ "source_record s where s.incident_id = i.id) > 1 and (i.date_record_id is null or i.place_record_id "
				+ "is null or i.killed_record_id is null or i.injured_record_id is null)", Long.class))
			.as("every merged incident names the records its fields came from")
			.isZero();
		assertThat(this.jdbc.queryForObject("select count(*) from incident i "
				+ "join source_record d on d.id = i.date_record_id join source_record p on p.id = i.place_record_id "
				+ "join source_record k on k.id = i.killed_record_id join source_record j on j.id = i.injured_record_id "
				+ "where d.incident_id <> i.id or p.incident_id <> i.id or k.incident_id <> i.id or j.incident_id <> i.id "
				+ "or i.date_start <> d.date_start or i.place is distinct from p.place or i.killed is distinct from "
				+ "k.killed or i.injured is distinct from j.injured", Long.class))
			.as("and each named record is one of its own and gave what the incident says")
			.isZero();

		Accuracy accuracy = accuracy();
		System.out.println("deduplication on the evaluation set: " + accuracy);
		assertThat(accuracy.precision()).as(accuracy.toString()).isGreaterThanOrEqualTo(MIN_PRECISION);
		assertThat(accuracy.recall()).as(accuracy.toString()).isGreaterThanOrEqualTo(MIN_RECALL);

		this.deduplicator.dedupeAll();
		assertThat(clusters()).as("a full pass finds what the incremental ones found").isEqualTo(pbcFirst);

		empty();
		load(IngestJobContract.UCDP);
		load(IngestJobContract.PAKISTAN_BODY_COUNT);
		assertThat(clusters()).as("the other order of ingestion").isEqualTo(pbcFirst);

		// Retiring one dataset's records (superseded by another release) keeps the
		// incidents true: the ones they shared are rebuilt from the records left, the
		// ones only they stood for are gone
		List<Long> ucdp = this.jdbc.queryForList("select id from source_record where dataset = 'ucdp-ged'", Long.class);
		assertThat(this.deduplicator.retire(ucdp)).isEqualTo(ucdp.size());
		assertThat(this.jdbc.queryForObject("select count(*) from incident", Long.class))
			.isEqualTo(this.jdbc.queryForObject("select count(*) from source_record", Long.class));
		assertThat(this.jdbc.queryForObject("select count(*) from incident i where not exists "
				+ "(select 1 from source_record s where s.incident_id = i.id)", Long.class))
			.isZero();
		assertThat(sourcesOfIncidentOf("pakistan-body-count", "120")).containsExactly("pakistan-body-count:120");
		assertThat(this.jdbc.queryForObject("select count(*) from incident i join source_record s "
				+ "on s.incident_id = i.id where i.killed is distinct from s.killed "
				+ "or i.date_start <> s.date_start", Long.class))
			.as("every incident has its one record's figures")
			.isZero();
	}

	@Test
	void curatorsSplitsAndMergesSurviveReingestionAndFullPasses() throws Exception {
		load(IngestJobContract.PAKISTAN_BODY_COUNT);
		load(IngestJobContract.UCDP);
		long marriott = recordId("pakistan-body-count", "120");
		long church = recordId("pakistan-body-count", "399");

		long alone = this.curation.split(marriott, "test curator", "checking the split");
		assertThat(sourcesOfIncidentOf("pakistan-body-count", "120")).containsExactly("pakistan-body-count:120");
		assertThat(sourcesOfIncidentOf("ucdp-ged", "56705")).containsExactly("ucdp-ged:56705");
		assertThat(incidentOf(marriott)).isEqualTo(alone);

		long churchIncident = incidentOf(church);
		long merged = this.curation.merge(churchIncident, alone, "test curator", "checking the merge");
		assertThat(sourcesOfIncidentOf("pakistan-body-count", "120")).containsExactly("pakistan-body-count:120",
				"pakistan-body-count:399", "ucdp-ged:65354");
		assertThat(incidentOf(marriott)).isEqualTo(merged);
		Set<List<String>> curated = clusters();

		load(IngestJobContract.PAKISTAN_BODY_COUNT);
		load(IngestJobContract.UCDP);
		this.deduplicator.dedupeAll();
		assertThat(clusters()).isEqualTo(curated);

		// splitting again replaces the merge: the Marriott record leaves, the church pair
		// stays
		this.curation.split(marriott, "test curator", null);
		this.deduplicator.dedupeAll();
		assertThat(sourcesOfIncidentOf("pakistan-body-count", "399")).containsExactly("pakistan-body-count:399",
				"ucdp-ged:65354");
		assertThat(sourcesOfIncidentOf("pakistan-body-count", "120")).containsExactly("pakistan-body-count:120");
	}

	/**
	 * Precision and recall of the links between Pakistan Body Count attacks and UCDP
	 * events on the hand-labelled set. A link is right when the UCDP event is one the
	 * label lists; an attack counts as found when it is linked to any of its labelled
	 * events (UCDP may record one attack as two events of its own, and two records of one
	 * dataset are not merged).
	 */
	private Accuracy accuracy() throws IOException {
		Map<String, Set<String>> linked = new HashMap<>();
		this.jdbc.query("select p.source_record_id, u.source_record_id from source_record p join source_record u "
				+ "on u.incident_id = p.incident_id and u.dataset = 'ucdp-ged' where p.dataset = 'pakistan-body-count'",
				(row) -> {
					linked.computeIfAbsent(row.getString(1), (id) -> new TreeSet<>()).add(row.getString(2));
				});
		int rightLinks = 0;
		int wrongLinks = 0;
		int labelledMatches = 0;
		int found = 0;
		List<String> mistakes = new ArrayList<>();
		try (InputStream in = getClass().getResourceAsStream("/dedup/pbc-ucdp-evaluation.csv")) {
			for (CSVRecord label : CSVFormat.RFC4180.builder()
				.setHeader()
				.setSkipHeaderRecord(true)
				.get()
				.parse(new InputStreamReader(in, StandardCharsets.UTF_8))) {
				Set<String> truth = new TreeSet<>();
				for (String id : label.get("ucdp_ids").split(";")) {
					if (!id.isBlank()) {
						truth.add(id.strip());
					}
				}
				Set<String> predicted = linked.getOrDefault(label.get("pbc_id"), Set.of());
				for (String id : predicted) {
					if (truth.contains(id)) {
						rightLinks++;
					}
					else {
						wrongLinks++;
						mistakes.add(label.get("pbc_id") + "->" + id);
					}
				}
				if (!truth.isEmpty()) {
					labelledMatches++;
					if (predicted.stream().anyMatch(truth::contains)) {
						found++;
					}
					else {
						mistakes.add(label.get("pbc_id") + " missed " + truth);
					}
				}
			}
		}
		return new Accuracy(rightLinks, wrongLinks, found, labelledMatches, mistakes);
	}

	private void load(Path file) throws Exception {
		IngestOutcome outcome = this.ingest
			.ingest(new IngestRequest(IngestSource.resolve(SourceFile.of(file), null, null, null), null));
		assertThat(outcome.completed()).as(outcome.toString()).isTrue();
	}

	/** Every incident as the sorted keys of its records. */
	private Set<List<String>> clusters() {
		Map<Long, Set<String>> byIncident = new TreeMap<>();
		this.jdbc.query("select incident_id, dataset || ':' || source_record_id from source_record", (row) -> {
			byIncident.computeIfAbsent(row.getLong(1), (id) -> new TreeSet<>()).add(row.getString(2));
		});
		Set<List<String>> clusters = new java.util.HashSet<>();
		byIncident.values().forEach((keys) -> clusters.add(List.copyOf(keys)));
		return clusters;
	}

	private List<String> sourcesOfIncidentOf(String dataset, String recordId) {
		return this.jdbc.queryForList("select s.dataset || ':' || s.source_record_id from source_record s "
				+ "where s.incident_id = (select incident_id from source_record where dataset = ? "
				+ "and source_record_id = ?) order by 1", String.class, dataset, recordId);
	}

	private long recordId(String dataset, String recordId) {
		return this.jdbc.queryForObject("select id from source_record where dataset = ? and source_record_id = ?",
				Long.class, dataset, recordId);
	}

	private long incidentOf(long sourceRecordId) {
		return this.jdbc.queryForObject("select incident_id from source_record where id = ?", Long.class,
				sourceRecordId);
	}

	private void empty() {
		for (String table : List.of("incident_perpetrator", "incident_attack_type", "incident_target",
				"source_record_actor", "rejected_record", "curation_decision")) {
			this.jdbc.update("delete from " + table);
		}
		this.jdbc.update("update source_record set incident_id = null");
		this.jdbc.update("delete from incident");
		this.jdbc.update("delete from source_record");
		this.jdbc.update("delete from ingest_run");
	}

	record Accuracy(int rightLinks, int wrongLinks, int found, int labelledMatches, List<String> mistakes) {

		double precision() {
			return rightLinks / (double) (rightLinks + wrongLinks);
		}

		double recall() {
			return found / (double) labelledMatches;
		}

		@Override
		public String toString() {
			return String.format(
					"precision %.3f (%d right links, %d wrong), recall %.3f (%d of %d labelled matches); "
							+ "mistakes %s",
					precision(), rightLinks, wrongLinks, recall(), found, labelledMatches, mistakes);
		}

	}

}
