package org.incidentintel.domain.dedup;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.incidentintel.domain.dedup.CuratorDecisions.Pair;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Curators' corrections of deduplication: split a source record out of its incident,
 * merge two incidents. Each is stored as decisions about pairs of records (see
 * {@link CuratorDecisions}), which every later pass, incremental or full, obeys; then the
 * affected incidents are clustered again at once.
 */
@Service
public class IncidentCuration {

	private final JdbcTemplate jdbc;

	private final Deduplicator deduplicator;

	public IncidentCuration(JdbcTemplate jdbc, Deduplicator deduplicator) {
		this.jdbc = jdbc;
		this.deduplicator = deduplicator;
	}

	/**
	 * Makes a source record an incident of its own, apart from every record it shares its
	 * incident with now.
	 * @param sourceRecordId the record's row id
	 * @param decidedBy who decided (kept with the decision)
	 * @param note why, optional
	 * @return the id of the record's incident afterwards
	 * @throws CurationException when the record does not exist or is already alone
	 */
	@Transactional
	public long split(long sourceRecordId, String decidedBy, String note) {
		List<Member> members = membersOfIncidentOf(sourceRecordId);
		Member record = members.stream()
			.filter((member) -> member.id() == sourceRecordId)
			.findFirst()
			.orElseThrow(() -> CurationException.notFound("sourceRecordId", "no source record " + sourceRecordId));
		if (members.size() == 1) {
			throw CurationException.invalid("sourceRecordId",
					"source record " + record.key() + " is already the only source of its incident");
		}
		this.jdbc.update(
				"delete from curation_decision where decision = ? and ((dataset_a = ? and record_a = ?) "
						+ "or (dataset_b = ? and record_b = ?))",
				CurationDecision.TOGETHER.name(), record.key().dataset(), record.key().recordId(),
				record.key().dataset(), record.key().recordId());
		for (Member other : members) {
			if (other.id() != sourceRecordId) {
				decide(CurationDecision.APART, record.key(), other.key(), decidedBy, note);
			}
		}
		this.deduplicator.recluster(members.stream().map(Member::id).toList());
		return incidentOf(sourceRecordId);
	}

	/**
	 * Makes two incidents one: every record of one together with every record of the
	 * other.
	 * @param incidentId one incident
	 * @param otherIncidentId the other
	 * @param decidedBy who decided
	 * @param note why, optional
	 * @return the id of the merged incident
	 * @throws CurationException when an incident does not exist or both are the same
	 */
	@Transactional
	public long merge(long incidentId, long otherIncidentId, String decidedBy, String note) {
		if (incidentId == otherIncidentId) {
			throw CurationException.invalid("otherIncidentId", "an incident cannot be merged with itself");
		}
		List<Member> first = members(incidentId, "incidentId");
		List<Member> second = members(otherIncidentId, "otherIncidentId");
		List<Long> all = new ArrayList<>();
		for (Member a : first) {
			all.add(a.id());
			for (Member b : second) {
				// replaces an earlier split of the pair
				decide(CurationDecision.TOGETHER, a.key(), b.key(), decidedBy, note);
			}
		}
		second.forEach((member) -> all.add(member.id()));
		this.deduplicator.recluster(all);
		return incidentOf(first.get(0).id());
	}

	private void decide(CurationDecision decision, RecordKey a, RecordKey b, String decidedBy, String note) {
		Pair pair = Pair.of(a, b);
		Object[] key = { pair.first().recordId(), pair.first().dataset(), pair.second().recordId(),
				pair.second().dataset() };
		this.jdbc.update("delete from curation_decision where record_a = ? and dataset_a = ? and record_b = ? "
				+ "and dataset_b = ?", key);
		this.jdbc.update(
				"insert into curation_decision (decision, dataset_a, record_a, dataset_b, record_b, "
						+ "decided_by, decided_at, note) values (?, ?, ?, ?, ?, ?, ?, ?)",
				decision.name(), pair.first().dataset(), pair.first().recordId(), pair.second().dataset(),
				pair.second().recordId(), decidedBy, Timestamp.from(Instant.now()), note);
	}

	private List<Member> membersOfIncidentOf(long sourceRecordId) {
		List<Long> incident = this.jdbc.queryForList("select incident_id from source_record where id = ?", Long.class,
				sourceRecordId);
		if (incident.isEmpty()) {
			throw CurationException.notFound("sourceRecordId", "no source record " + sourceRecordId);
		}
		return members(incident.get(0), "sourceRecordId");
	}

	private List<Member> members(long incidentId, String field) {
		List<Member> members = this.jdbc.query(
				"select id, dataset, source_record_id from source_record where incident_id = ? order by id",
				(row, n) -> new Member(row.getLong(1), new RecordKey(row.getString(2), row.getString(3))), incidentId);
		if (members.isEmpty()) {
			throw CurationException.notFound(field, "no incident " + incidentId);
		}
		return members;
	}

	private long incidentOf(long sourceRecordId) {
		return this.jdbc.queryForObject("select incident_id from source_record where id = ?", Long.class,
				sourceRecordId);
	}

	private record Member(long id, RecordKey key) {
	}

}
