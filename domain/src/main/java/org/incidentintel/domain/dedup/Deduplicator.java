package org.incidentintel.domain.dedup;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

import org.incidentintel.domain.common.DatePrecision;
import org.incidentintel.domain.common.GeoPoint;
import org.incidentintel.domain.common.NameKey;
import org.incidentintel.domain.dedup.Cluster.Link;
import org.incidentintel.domain.dedup.CuratorDecisions.Pair;
import org.incidentintel.domain.incident.IncidentKind;

import org.incidentintel.domain.statistics.IncidentStatisticsCells;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Runs deduplication over the database: finds the records that may describe the same
 * event, scores them, clusters them under the curators' decisions and rewrites the
 * affected canonical incidents (their links, their fields by {@link Precedence}).
 * <p>
 * Two ways in, with the same result for the same data: {@link #dedupePending()} follows
 * the links from the records changed since the last pass (new or corrected by an ingest)
 * to everything they may match; {@link #dedupeAll()} streams every record once, ordered
 * by country and date, comparing each with the records of its date window. Both cluster
 * whole connected groups of matches, so an incremental pass never leaves a result a full
 * pass would not give.
 */
@Service
public class Deduplicator {

	private static final Logger logger = LoggerFactory.getLogger(Deduplicator.class);

	private static final int IN_LIST = 500;

	private static final int PLACE_KEY_CACHE = 100_000;

	private final Map<List<String>, Set<String>> placeKeys = new java.util.concurrent.ConcurrentHashMap<>();

	private static final String COLUMNS = """
			sr.id, sr.dataset, sr.source_record_id, sr.date_start, sr.date_end, sr.date_precision, sr.kind,
			sr.country, sr.region_id, sr.place, sr.district, sr.latitude, sr.longitude, sr.killed, sr.killed_low,
			sr.killed_high, sr.injured, case when sr.summary is null then 0 else 1 end as has_summary, sr.incident_id,
			(select array_agg(a.organization_id) from source_record_actor a
			 where a.source_record_id = sr.id and a.organization_id is not null) as organization_ids""";

	private final JdbcTemplate jdbc;

	private final MatchScorer scorer;

	private final Precedence precedence;

	private final IncidentStatisticsCells statistics;

	public Deduplicator(JdbcTemplate jdbc, MatchRules rules, IncidentStatisticsCells statistics) {
		this.jdbc = jdbc;
		this.scorer = new MatchScorer(rules);
		this.precedence = new Precedence(rules);
		this.statistics = statistics;
	}

	public MatchRules rules() {
		return this.scorer.rules();
	}

	/**
	 * Deduplicates the records no pass has seen since they were loaded or corrected: one
	 * streaming pass over everything when they are many, else from each of them outwards.
	 * @return what it did
	 */
	@Transactional
	public DedupeSummary dedupePending() {
		List<Long> pending = this.jdbc.queryForList("select source_record_id from dedup_pending", Long.class);
		if (pending.isEmpty()) {
			return new DedupeSummary(false, 0, 0, 0, 0, 0, 0, 0);
		}
		// Following each record costs a few queries; one streaming pass reads every
		// record
		// once: cheaper for a big change, and for a small table
		long total = this.jdbc.queryForObject("select count(*) from source_record", Long.class);
		if (pending.size() > rules().fullPassAbove() || pending.size() * 5L > total) {
			return dedupeAll();
		}
		return recluster(pending);
	}

	/**
	 * Recomputes every cluster from scratch (the curators' decisions still hold) and
	 * rewrites every incident with more than one source.
	 * @return what it did
	 */
	@Transactional
	public DedupeSummary dedupeAll() {
		long started = System.currentTimeMillis();
		CuratorDecisions decisions = decisions();
		List<Match> matches = new ArrayList<>();
		Map<Long, MatchRecord> involved = new HashMap<>();
		long[] considered = { 0 };
		Window window = new Window();
		// Records of one dataset never match one another unless the rules say so: with a
		// single dataset loaded the scan could find nothing (the curators' decisions and
		// multi-source incidents below still count)
		boolean scan = rules().mergeSameDataset()
				|| this.jdbc.queryForList("select distinct dataset from source_record", String.class).size() > 1;
		if (scan) {
			this.jdbc.query((connection) -> {
				var statement = connection.prepareStatement(
						"select " + COLUMNS + " from source_record sr order by sr.country, sr.date_start, sr.id");
				statement.setFetchSize(1000);
				return statement;
			}, (row) -> {
				MatchRecord record = record(row);
				considered[0]++;
				for (MatchRecord candidate : window.advance(record)) {
					Match match = this.scorer.score(candidate, record);
					if (match != null && match.score() >= rules().threshold()) {
						matches.add(match);
						involved.put(match.a().id(), match.a());
						involved.put(match.b().id(), match.b());
					}
				}
			});
		}
		// Records of incidents with several sources may have to be split; records named
		// by curators are clustered whatever their scores.
		Set<Long> others = new HashSet<>(this.jdbc.queryForList("select sr.id from source_record sr where "
				+ "sr.incident_id in (select incident_id from source_record group by incident_id having count(*) > 1)",
				Long.class));
		others.addAll(idsOf(keysOf(decisions)));
		others.removeAll(involved.keySet());
		load(others).forEach((record) -> involved.put(record.id(), record));
		long scanned = System.currentTimeMillis();
		List<MatchRecord> records = new ArrayList<>(involved.values());
		List<Cluster> clusters = Clusterer.cluster(records, matches, decisions, rules().mergeSameDataset());
		long clustered = System.currentTimeMillis();
		Outcome outcome = apply(clusters, involved.keySet(), true);
		logger.info(
				"full pass: {} records scanned and {} matches found in {} ms, {} records clustered in {} ms, "
						+ "incidents written in {} ms",
				considered[0], matches.size(), scanned - started, records.size(), clustered - scanned,
				System.currentTimeMillis() - clustered);
		this.jdbc.update("delete from dedup_pending");
		return outcome.summary(true, considered[0], matches.size(), started);
	}

	/**
	 * Deduplicates again from the given records outwards: their incidents' other records,
	 * everything they match, transitively. Used after an ingest and after a curator's
	 * decision.
	 * @param seeds source record ids
	 * @return what it did
	 */
	@Transactional
	public DedupeSummary recluster(Collection<Long> seeds) {
		long started = System.currentTimeMillis();
		CuratorDecisions decisions = decisions();
		Map<Long, MatchRecord> reached = new HashMap<>();
		Map<Pair, Match> matches = new HashMap<>();
		Deque<MatchRecord> frontier = new ArrayDeque<>();
		Consumer<Collection<Long>> reach = (ids) -> {
			List<Long> fresh = ids.stream().filter((id) -> !reached.containsKey(id)).distinct().toList();
			for (MatchRecord record : withIncidentMates(fresh)) {
				if (reached.putIfAbsent(record.id(), record) == null) {
					frontier.add(record);
				}
			}
		};
		reach.accept(seeds);
		while (!frontier.isEmpty()) {
			MatchRecord record = frontier.poll();
			List<Long> next = new ArrayList<>();
			for (MatchRecord candidate : candidates(record)) {
				Match match = this.scorer.score(record, candidate);
				if (match != null && match.score() >= rules().threshold()) {
					matches.putIfAbsent(Pair.of(match.a().key(), match.b().key()), match);
					next.add(candidate.id());
				}
			}
			next.addAll(idsOf(partners(record.key(), decisions)));
			reach.accept(next);
		}
		List<Cluster> clusters = Clusterer.cluster(new ArrayList<>(reached.values()), new ArrayList<>(matches.values()),
				decisions, rules().mergeSameDataset());
		Set<Long> changed = new HashSet<>(seeds);
		Outcome outcome = apply(clusters, changed, false);
		inChunks(new ArrayList<>(seeds),
				(chunk) -> this.jdbc.update(
						"delete from dedup_pending where source_record_id in (" + placeholders(chunk.size()) + ")",
						chunk.toArray()));
		return outcome.summary(false, reached.size(), matches.size(), started);
	}

	/**
	 * Removes source records another release superseded, and keeps the incidents true: an
	 * incident left without records is deleted, one that keeps other records is rebuilt
	 * from them (deduplicated again from them outwards).
	 * @param recordIds source record ids
	 * @return how many records were removed
	 */
	@Transactional
	public int retire(Collection<Long> recordIds) {
		List<Long> ids = List.copyOf(new LinkedHashSet<>(recordIds));
		Set<Long> incidents = new TreeSet<>();
		inChunks(ids,
				(chunk) -> incidents.addAll(this.jdbc.queryForList("select distinct incident_id from "
						+ "source_record where incident_id is not null and id in (" + placeholders(chunk.size()) + ")",
						Long.class, chunk.toArray())));
		int[] removed = { 0 };
		// their actors and dedup_pending rows go with them (on delete cascade)
		inChunks(ids, (chunk) -> removed[0] += this.jdbc
			.update("delete from source_record where id in (" + placeholders(chunk.size()) + ")", chunk.toArray()));
		List<Long> mates = new ArrayList<>();
		Set<Long> kept = new HashSet<>();
		inChunks(new ArrayList<>(incidents), (chunk) -> this.jdbc.query(
				"select id, incident_id from source_record where incident_id in (" + placeholders(chunk.size()) + ")",
				(row) -> {
					mates.add(row.getLong(1));
					kept.add(row.getLong(2));
				}, chunk.toArray()));
		deleteIncidents(incidents.stream().filter((id) -> !kept.contains(id)).toList());
		if (!mates.isEmpty()) {
			recluster(mates);
		}
		if (!incidents.isEmpty()) {
			this.statistics.incidentsChanged();
		}
		return removed[0];
	}

	// -- Reading ------------------------------------------------------------------------

	private List<MatchRecord> candidates(MatchRecord record) {
		if (!this.scorer.matchable(record)) {
			return List.of();
		}
		int window = rules().widestDateWindow();
		LocalDate from = record.start().minusDays(window + rules().maxSpanDays());
		LocalDate to = record.end().plusDays(window);
		return this.jdbc.query(
				"select " + COLUMNS + " from source_record sr where sr.country = ? "
						+ "and sr.date_start between ? and ?",
				(row, n) -> record(row), record.country(), java.sql.Date.valueOf(from), java.sql.Date.valueOf(to));
	}

	/**
	 * The given records and every other record of their incidents (two queries: with an
	 * {@code or} between the two conditions H2 would scan the table).
	 */
	private List<MatchRecord> withIncidentMates(List<Long> ids) {
		Map<Long, MatchRecord> records = new LinkedHashMap<>();
		load(ids).forEach((record) -> records.put(record.id(), record));
		List<Long> incidents = records.values()
			.stream()
			.map(MatchRecord::incidentId)
			.filter((id) -> id != null)
			.distinct()
			.toList();
		inChunks(incidents, (chunk) -> this.jdbc.query("select " + COLUMNS
				+ " from source_record sr where sr.incident_id in (" + placeholders(chunk.size()) + ")", (row) -> {
					MatchRecord record = record(row);
					records.putIfAbsent(record.id(), record);
				}, chunk.toArray()));
		return new ArrayList<>(records.values());
	}

	private List<MatchRecord> load(Collection<Long> ids) {
		List<MatchRecord> records = new ArrayList<>();
		inChunks(new ArrayList<>(ids), (chunk) -> records.addAll(this.jdbc.query(
				"select " + COLUMNS + " from source_record sr where sr.id in (" + placeholders(chunk.size()) + ")",
				(row, n) -> record(row), chunk.toArray())));
		return records;
	}

	private MatchRecord record(ResultSet row) throws SQLException {
		Double latitude = row.getObject("latitude", Double.class);
		Double longitude = row.getObject("longitude", Double.class);
		Set<Long> organizations = new TreeSet<>();
		Array array = row.getArray("organization_ids");
		if (array != null) {
			for (Object id : (Object[]) array.getArray()) {
				if (id != null) {
					organizations.add(((Number) id).longValue());
				}
			}
		}
		return new MatchRecord(row.getLong("id"), row.getString("dataset"), row.getString("source_record_id"),
				row.getObject("date_start", LocalDate.class), row.getObject("date_end", LocalDate.class),
				DatePrecision.valueOf(row.getString("date_precision")), IncidentKind.valueOf(row.getString("kind")),
				row.getString("country"), row.getObject("region_id", Long.class),
				PlaceKeys.of(row.getString("place"), row.getString("district")),
				(latitude != null && longitude != null) ? new GeoPoint(latitude, longitude) : null,
				row.getObject("killed", Integer.class), row.getObject("killed_low", Integer.class),
				row.getObject("killed_high", Integer.class), row.getObject("injured", Integer.class), organizations,
				row.getInt("has_summary") == 1, row.getObject("incident_id", Long.class));
	}

	/**
	 * Place keys, remembered: a country's records name the same few thousand places over
	 * and over, and normalizing a name is the costliest step of reading a record.
	 */
	private Set<String> placeKeys(String place, String district) {
		if (this.placeKeys.size() > PLACE_KEY_CACHE) {
			this.placeKeys.clear();
		}
		return this.placeKeys.computeIfAbsent(Arrays.asList(place, district),
				(names) -> Set.copyOf(PlaceKeys.of(place, district)));
	}

	private CuratorDecisions decisions() {
		Set<Pair> together = new HashSet<>();
		Set<Pair> apart = new HashSet<>();
		this.jdbc.query("select decision, dataset_a, record_a, dataset_b, record_b from curation_decision", (row) -> {
			Pair pair = Pair.of(new RecordKey(row.getString(2), row.getString(3)),
					new RecordKey(row.getString(4), row.getString(5)));
			(CurationDecision.valueOf(row.getString(1)) == CurationDecision.TOGETHER ? together : apart).add(pair);
		});
		return new CuratorDecisions(together, apart);
	}

	private static Set<RecordKey> keysOf(CuratorDecisions decisions) {
		Set<RecordKey> keys = new HashSet<>();
		for (Set<Pair> pairs : List.of(decisions.together(), decisions.apart())) {
			pairs.forEach((pair) -> {
				keys.add(pair.first());
				keys.add(pair.second());
			});
		}
		return keys;
	}

	private static Set<RecordKey> partners(RecordKey key, CuratorDecisions decisions) {
		Set<RecordKey> partners = new HashSet<>();
		for (Pair pair : decisions.together()) {
			if (pair.first().equals(key)) {
				partners.add(pair.second());
			}
			else if (pair.second().equals(key)) {
				partners.add(pair.first());
			}
		}
		return partners;
	}

	/**
	 * The row ids of records named by key, a chunk of record ids per statement (the
	 * unique index leads with the record id); the dataset is checked on the rows found.
	 */
	private List<Long> idsOf(Collection<RecordKey> keys) {
		Set<RecordKey> wanted = new HashSet<>(keys);
		List<String> recordIds = wanted.stream().map(RecordKey::recordId).distinct().toList();
		List<Long> ids = new ArrayList<>();
		for (int from = 0; from < recordIds.size(); from += IN_LIST) {
			List<String> chunk = recordIds.subList(from, Math.min(recordIds.size(), from + IN_LIST));
			this.jdbc.query("select id, dataset, source_record_id from source_record where source_record_id in ("
					+ placeholders(chunk.size()) + ")", (row) -> {
						if (wanted.contains(new RecordKey(row.getString(2), row.getString(3)))) {
							ids.add(row.getLong(1));
						}
					}, chunk.toArray());
		}
		return ids;
	}

	// -- Writing ------------------------------------------------------------------------

	/**
	 * Gives each cluster an incident, keeping ids stable: a cluster keeps the lowest
	 * incident id among its records' incidents that no earlier cluster kept; a cluster
	 * with none left gets a new incident; incidents no cluster kept are deleted.
	 * @param clusters the clusters, covering every record of every incident they touch
	 * @param changed records whose content changed: their incidents are rewritten even
	 * when the membership stays
	 * @param rewriteMultiSource whether to rewrite every incident with several sources
	 */
	private Outcome apply(List<Cluster> clusters, Set<Long> changed, boolean rewriteMultiSource) {
		Map<Long, Set<Long>> membersNow = new HashMap<>();
		for (Cluster cluster : clusters) {
			for (MatchRecord record : cluster.members()) {
				if (record.incidentId() != null) {
					membersNow.computeIfAbsent(record.incidentId(), (id) -> new HashSet<>()).add(record.id());
				}
			}
		}
		Map<Long, Cluster> heirs = heirs(clusters);
		Set<Long> kept = new HashSet<>();
		Outcome outcome = new Outcome();
		List<Object[]> links = new ArrayList<>();
		Map<Long, Cluster> rewrite = new LinkedHashMap<>();
		for (Cluster cluster : clusters) {
			Long incident = cluster.members()
				.stream()
				.map(MatchRecord::incidentId)
				.filter((id) -> id != null && heirs.get(id) == cluster)
				.min(Long::compare)
				.orElse(null);
			if (incident == null) {
				incident = createIncident(cluster.members().get(0).id());
				outcome.created++;
			}
			kept.add(incident);
			Set<Long> ids = new HashSet<>();
			cluster.members().forEach((record) -> ids.add(record.id()));
			boolean sameMembers = ids.equals(membersNow.getOrDefault(incident, Set.of()));
			boolean touched = cluster.members().stream().anyMatch((record) -> changed.contains(record.id()));
			if (cluster.members().size() > 1) {
				outcome.multiSource++;
			}
			if (!sameMembers || touched || (rewriteMultiSource && cluster.members().size() > 1)) {
				for (MatchRecord record : cluster.members()) {
					Link link = cluster.links().get(record.id());
					links.add(new Object[] { incident, link.score(), link.evidence(), record.id() });
				}
				rewrite.put(incident, cluster);
			}
		}
		this.jdbc.batchUpdate(
				"update source_record set incident_id = ?, match_score = ?, match_evidence = ? " + "where id = ?",
				links);
		List<Long> orphans = membersNow.keySet().stream().filter((id) -> !kept.contains(id)).sorted().toList();
		deleteIncidents(orphans);
		outcome.deleted = orphans.size();
		rewriteIncidents(rewrite);
		outcome.changed = rewrite.size();
		if (outcome.created + outcome.deleted + outcome.changed > 0) {
			this.statistics.incidentsChanged();
		}
		return outcome;
	}

	/**
	 * Which cluster keeps each incident: the one with most of its records, on a tie the
	 * one with its oldest record (so a record split out of an incident leaves, not the
	 * others).
	 */
	private static Map<Long, Cluster> heirs(List<Cluster> clusters) {
		Map<Long, Cluster> heirs = new HashMap<>();
		Map<Long, long[]> best = new HashMap<>();
		for (Cluster cluster : clusters) {
			Map<Long, long[]> shares = new HashMap<>();
			for (MatchRecord record : cluster.members()) {
				if (record.incidentId() != null) {
					long[] share = shares.computeIfAbsent(record.incidentId(),
							(id) -> new long[] { 0, Long.MAX_VALUE });
					share[0]++;
					share[1] = Math.min(share[1], record.id());
				}
			}
			shares.forEach((incident, share) -> {
				long[] current = best.get(incident);
				if (current == null || share[0] > current[0] || (share[0] == current[0] && share[1] < current[1])) {
					best.put(incident, share);
					heirs.put(incident, cluster);
				}
			});
		}
		return heirs;
	}

	private long createIncident(long donor) {
		GeneratedKeyHolder key = new GeneratedKeyHolder();
		Timestamp now = Timestamp.from(Instant.now());
		this.jdbc.update((connection) -> {
			var statement = connection.prepareStatement("insert into incident (date_start, date_end, date_precision, "
					+ "kind, country, created_at, updated_at) select date_start, date_end, date_precision, kind, "
					+ "country, ?, ? from source_record where id = ?", new String[] { "id" });
			statement.setTimestamp(1, now);
			statement.setTimestamp(2, now);
			statement.setLong(3, donor);
			return statement;
		}, key);
		return key.getKey().longValue();
	}

	private void deleteIncidents(List<Long> incidents) {
		inChunks(incidents, (chunk) -> {
			String in = " where incident_id in (" + placeholders(chunk.size()) + ")";
			for (String table : List.of("incident_perpetrator", "incident_attack_type", "incident_target")) {
				this.jdbc.update("delete from " + table + in, chunk.toArray());
			}
			this.jdbc.update("delete from incident where id in (" + placeholders(chunk.size()) + ")", chunk.toArray());
		});
	}

	private void rewriteIncidents(Map<Long, Cluster> incidents) {
		List<Object[]> fields = new ArrayList<>();
		incidents.forEach((incident, cluster) -> {
			Precedence.Donors donors = this.precedence.donors(cluster.members());
			fields.add(new Object[] { donors.date(), donors.place(), donors.killed(), donors.injured(), donors.kind(),
					donors.summary(), donors.date(), donors.place(), donors.killed(), donors.injured(), incident });
		});
		this.jdbc.batchUpdate("update incident set (date_start, date_end, date_precision) = "
				+ "(select date_start, date_end, date_precision from source_record where id = ?), "
				+ "(country, region_id, region_at_event_id, region_name_at_event, district, place, latitude, longitude) = "
				+ "(select country, region_id, region_at_event_id, region_name_at_event, district, place, latitude, "
				+ "longitude from source_record where id = ?), (killed, killed_low, killed_high, killed_civilians, "
				+ "killed_security_forces, killed_militants, killed_unknown) = (select killed, killed_low, killed_high, "
				+ "killed_civilians, killed_security_forces, killed_militants, killed_unknown from source_record "
				+ "where id = ?), injured = (select injured from source_record where id = ?), "
				+ "kind = (select kind from source_record where id = ?), "
				+ "summary = (select summary from source_record where id = ?), date_record_id = ?, "
				+ "place_record_id = ?, killed_record_id = ?, injured_record_id = ?, updated_at = current_timestamp "
				+ "where id = ?", fields);
		List<Long> ids = new ArrayList<>(incidents.keySet());
		inChunks(ids, (chunk) -> {
			String in = " where incident_id in (" + placeholders(chunk.size()) + ")";
			for (String table : List.of("incident_perpetrator", "incident_attack_type", "incident_target")) {
				this.jdbc.update("delete from " + table + in, chunk.toArray());
			}
			copyDetails(chunk, incidents);
		});
	}

	/**
	 * Perpetrators (each organization once, then each unresolved name once, in source
	 * priority), attack types and targets (each label once) of the given incidents, from
	 * all their records.
	 */
	private void copyDetails(List<Long> chunk, Map<Long, Cluster> incidents) {
		Map<Long, Long> incidentOf = new HashMap<>();
		List<Long> records = new ArrayList<>();
		for (Long incident : chunk) {
			for (MatchRecord record : ordered(incidents.get(incident).members())) {
				incidentOf.put(record.id(), incident);
				records.add(record.id());
			}
		}
		Map<Long, List<Object[]>> actors = new HashMap<>();
		Map<Long, List<String>> attackTypes = new HashMap<>();
		Map<Long, List<String>> targets = new HashMap<>();
		inChunks(records, (ids) -> {
			String in = "(" + placeholders(ids.size()) + ")";
			this.jdbc.query(
					"select source_record_id, organization_id, name_as_reported, role, suspected "
							+ "from source_record_actor where source_record_id in " + in + " order by position",
					(row) -> {
						actors.computeIfAbsent(row.getLong(1), (id) -> new ArrayList<>())
							.add(new Object[] { row.getObject(2), row.getString(3), row.getString(4),
									row.getBoolean(5) });
					}, ids.toArray());
			this.jdbc.query("select id, attack_types, targets from source_record where id in " + in, (row) -> {
				attackTypes.put(row.getLong(1), lines(row.getString(2)));
				targets.put(row.getLong(1), lines(row.getString(3)));
			}, ids.toArray());
		});
		List<Object[]> perpetrators = new ArrayList<>();
		List<Object[]> attackTypeRows = new ArrayList<>();
		List<Object[]> targetRows = new ArrayList<>();
		for (Long incident : chunk) {
			Set<String> seen = new HashSet<>();
			Set<String> types = new LinkedHashSet<>();
			Set<String> labels = new LinkedHashSet<>();
			for (MatchRecord record : ordered(incidents.get(incident).members())) {
				for (Object[] actor : actors.getOrDefault(record.id(), List.of())) {
					String identity = (actor[0] != null) ? "org:" + ((Number) actor[0]).longValue()
							: "name:" + NameKey.of((String) actor[1]);
					if (seen.add(identity)) {
						perpetrators.add(new Object[] { incident, actor[0], actor[1], actor[2], actor[3] });
					}
				}
				types.addAll(IncidentLabels.distinct(attackTypes.getOrDefault(record.id(), List.of())));
				labels.addAll(IncidentLabels.distinct(targets.getOrDefault(record.id(), List.of())));
			}
			types.forEach((type) -> attackTypeRows.add(new Object[] { incident, type }));
			labels.forEach((target) -> targetRows.add(new Object[] { incident, target }));
		}
		this.jdbc.batchUpdate(
				"insert into incident_perpetrator (incident_id, organization_id, name_as_reported, role, "
						+ "suspected) values (?, ?, ?, ?, ?)",
				perpetrators, new int[] { java.sql.Types.BIGINT, java.sql.Types.BIGINT, java.sql.Types.VARCHAR,
						java.sql.Types.VARCHAR, java.sql.Types.BOOLEAN });
		this.jdbc.batchUpdate("insert into incident_attack_type (incident_id, attack_type) values (?, ?)",
				attackTypeRows);
		this.jdbc.batchUpdate("insert into incident_target (incident_id, target) values (?, ?)", targetRows);
	}

	private List<MatchRecord> ordered(List<MatchRecord> members) {
		List<MatchRecord> ordered = new ArrayList<>(members);
		ordered.sort(java.util.Comparator.comparingInt((MatchRecord record) -> rules().priority(record.dataset()))
			.thenComparing(MatchRecord.BY_KEY));
		return ordered;
	}

	// -- Helpers ------------------------------------------------------------------------

	private static List<String> lines(String text) {
		return (text != null) ? text.lines().toList() : List.of();
	}

	// in-lists rather than = any(array): H2 uses an index only for the former
	private static void inChunks(List<Long> ids, Consumer<List<Long>> action) {
		for (int from = 0; from < ids.size(); from += IN_LIST) {
			action.accept(ids.subList(from, Math.min(ids.size(), from + IN_LIST)));
		}
	}

	private static String placeholders(int count) {
		return String.join(",", Collections.nCopies(count, "?"));
	}

	/**
	 * The records of a streaming pass still within reach of the next record. Records come
	 * ordered by start date, so the oldest leave first; records of one day leave sooner
	 * than records spanning several (kept apart so that a few vague dates do not keep a
	 * long tail of precise ones in reach).
	 */
	private final class Window {

		private final Deque<MatchRecord> days = new ArrayDeque<>();

		private final Deque<MatchRecord> spans = new ArrayDeque<>();

		private String country;

		/**
		 * Moves the window to the given record and returns the records it may match (the
		 * record then joins the window).
		 */
		List<MatchRecord> advance(MatchRecord record) {
			if (!record.country().equals(this.country)) {
				this.days.clear();
				this.spans.clear();
				this.country = record.country();
			}
			int window = rules().widestDateWindow();
			evict(this.days, record.start().minusDays(window));
			evict(this.spans, record.start().minusDays(window + rules().maxSpanDays()));
			List<MatchRecord> candidates = new ArrayList<>(this.days.size() + this.spans.size());
			candidates.addAll(this.days);
			candidates.addAll(this.spans);
			if (Deduplicator.this.scorer.matchable(record)) {
				((record.spanDays() == 1) ? this.days : this.spans).addLast(record);
			}
			return candidates;
		}

		private static void evict(Deque<MatchRecord> records, LocalDate before) {
			while (!records.isEmpty() && records.peekFirst().start().isBefore(before)) {
				records.pollFirst();
			}
		}

	}

	private static final class Outcome {

		long changed;

		long created;

		long deleted;

		long multiSource;

		DedupeSummary summary(boolean full, long considered, long matches, long started) {
			return new DedupeSummary(full, considered, matches, this.changed, this.created, this.deleted,
					this.multiSource, System.currentTimeMillis() - started);
		}

	}

}
