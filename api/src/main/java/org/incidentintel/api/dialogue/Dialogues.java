package org.incidentintel.api.dialogue;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Reads dialogue rounds and their details; every per-round read takes many rounds at
 * once.
 */
@Repository
class Dialogues {

	private static final String COLUMNS = "d.id, d.ref_key, d.title, d.start_date, d.end_date, d.date_precision, "
			+ "d.location, d.host_country, d.format, d.summary, d.previous_id";

	private static final String NEWEST_FIRST = " order by d.start_date desc, d.id desc";

	private static final String AFTER = " and (d.start_date < :afterDate or (d.start_date = :afterDate and d.id < :afterId))";

	private final NamedParameterJdbcTemplate jdbc;

	Dialogues(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	Map<Long, Dialogue> findByIds(Collection<Long> ids) {
		Map<Long, Dialogue> result = new LinkedHashMap<>();
		if (!ids.isEmpty()) {
			this.jdbc.query("select " + COLUMNS + " from dialogue d where d.id in (:ids)", Map.of("ids", ids), (rs) -> {
				Dialogue dialogue = map(rs);
				result.put(dialogue.id(), dialogue);
			});
		}
		return result;
	}

	/**
	 * A page of rounds, newest first, after the given keyset values; {@code limit} rows
	 * at most.
	 * @param threatId only rounds naming this organization as a threat, when not null
	 */
	List<Dialogue> findPage(DialogueFilter filter, Long threatId, Keyset after, int limit) {
		MapSqlParameterSource parameters = new MapSqlParameterSource("limit", limit);
		StringBuilder sql = new StringBuilder("select " + COLUMNS + " from dialogue d where ")
			.append(where(filter, threatId, parameters));
		if (after != null) {
			sql.append(AFTER);
			parameters.addValue("afterDate", after.date()).addValue("afterId", after.id());
		}
		sql.append(NEWEST_FIRST).append(" fetch first :limit rows only");
		return this.jdbc.query(sql.toString(), parameters, (rs, row) -> map(rs));
	}

	long count(DialogueFilter filter, Long threatId) {
		MapSqlParameterSource parameters = new MapSqlParameterSource();
		Long count = this.jdbc.queryForObject(
				"select count(*) from dialogue d where " + where(filter, threatId, parameters), parameters, Long.class);
		return (count != null) ? count : 0;
	}

	private static String where(DialogueFilter filter, Long threatId, MapSqlParameterSource parameters) {
		StringBuilder where = new StringBuilder("1 = 1");
		if (filter.date() != null && filter.date().from() != null) {
			where.append(" and d.start_date >= :from");
			parameters.addValue("from", filter.date().from());
		}
		if (filter.date() != null && filter.date().to() != null) {
			where.append(" and d.start_date <= :to");
			parameters.addValue("to", filter.date().to());
		}
		if (filter.party() != null) {
			where.append(
					" and exists (select 1 from dialogue_party p where p.dialogue_id = d.id and p.country = :party)");
			parameters.addValue("party", filter.party());
		}
		if (threatId != null) {
			where.append(" and exists (select 1 from dialogue_threat t where t.dialogue_id = d.id "
					+ "and t.organization_id = :threat)");
			parameters.addValue("threat", threatId);
		}
		return where.toString();
	}

	// Rounds that named an organization as a threat or seated a delegate from it
	private static final String OF_ORGANIZATIONS = "select dialogue_id, organization_id from dialogue_threat "
			+ "where organization_id in (:organizations) union select dialogue_id, organization_id "
			+ "from dialogue_delegate where organization_id in (:organizations)";

	/**
	 * One page of rounds for each organization, newest first, in one statement: a window
	 * function numbers each organization's rounds.
	 */
	Map<Long, List<Dialogue>> findPagesOfOrganizations(Collection<Long> organizationIds, Keyset after, int limit) {
		Map<Long, List<Dialogue>> result = new HashMap<>();
		if (organizationIds.isEmpty()) {
			return result;
		}
		MapSqlParameterSource parameters = new MapSqlParameterSource("organizations", organizationIds).addValue("limit",
				limit);
		String keyset = "";
		if (after != null) {
			keyset = AFTER;
			parameters.addValue("afterDate", after.date()).addValue("afterId", after.id());
		}
		String sql = "select * from (select " + COLUMNS + ", x.organization_id as owner_id, row_number() over "
				+ "(partition by x.organization_id order by d.start_date desc, d.id desc) as rn "
				+ "from dialogue d join (" + OF_ORGANIZATIONS + ") x on x.dialogue_id = d.id where 1 = 1" + keyset
				+ ") numbered where rn <= :limit order by owner_id, rn";
		this.jdbc.query(sql, parameters, (rs) -> {
			result.computeIfAbsent(rs.getLong("owner_id"), (id) -> new ArrayList<>()).add(map(rs));
		});
		return result;
	}

	/** How many rounds each organization has, in one statement. */
	Map<Long, Long> countOfOrganizations(Collection<Long> organizationIds) {
		Map<Long, Long> result = new HashMap<>();
		if (organizationIds.isEmpty()) {
			return result;
		}
		this.jdbc.query("select x.organization_id, count(*) as rounds from (" + OF_ORGANIZATIONS
				+ ") x group by x.organization_id", Map.of("organizations", organizationIds), (rs) -> {
					result.put(rs.getLong("organization_id"), rs.getLong("rounds"));
				});
		return result;
	}

	Map<Long, Dialogue> findNextOf(Collection<Long> ids) {
		Map<Long, Dialogue> result = new HashMap<>();
		if (!ids.isEmpty()) {
			this.jdbc.query("select " + COLUMNS + " from dialogue d where d.previous_id in (:ids) order by d.id",
					Map.of("ids", ids), (rs) -> {
						Dialogue dialogue = map(rs);
						result.putIfAbsent(dialogue.previousId(), dialogue);
					});
		}
		return result;
	}

	Map<Long, List<String>> partiesOf(Collection<Long> ids) {
		return strings("select dialogue_id, country as item from dialogue_party where dialogue_id in (:ids) "
				+ "order by dialogue_id, country", ids);
	}

	Map<Long, List<String>> topicsOf(Collection<Long> ids) {
		return strings("select dialogue_id, topic as item from dialogue_topic where dialogue_id in (:ids) "
				+ "order by dialogue_id, position", ids);
	}

	Map<Long, List<Long>> threatIdsOf(Collection<Long> ids) {
		Map<Long, List<Long>> result = new HashMap<>();
		if (!ids.isEmpty()) {
			this.jdbc.query("select t.dialogue_id, t.organization_id from dialogue_threat t join organization o "
					+ "on o.id = t.organization_id where t.dialogue_id in (:ids) order by t.dialogue_id, o.name",
					Map.of("ids", ids), (rs) -> {
						result.computeIfAbsent(rs.getLong("dialogue_id"), (id) -> new ArrayList<>())
							.add(rs.getLong("organization_id"));
					});
		}
		return result;
	}

	/**
	 * The threats of each round as its sources worded them, for the organizations that
	 * are still among its threats (a curator may have removed one).
	 */
	Map<Long, List<ThreatMention>> threatMentionsOf(Collection<Long> ids) {
		Map<Long, List<ThreatMention>> result = new HashMap<>();
		if (!ids.isEmpty()) {
			this.jdbc.query("select m.dialogue_id, m.organization_id, m.stated_as, m.described_as "
					+ "from dialogue_threat_mention m join dialogue_threat t on t.dialogue_id = m.dialogue_id "
					+ "and t.organization_id = m.organization_id where m.dialogue_id in (:ids) "
					+ "order by m.dialogue_id, m.position", Map.of("ids", ids), (rs) -> {
						ThreatMention mention = new ThreatMention(rs.getLong("dialogue_id"),
								rs.getLong("organization_id"), rs.getString("stated_as"), rs.getString("described_as"));
						result.computeIfAbsent(mention.dialogueId(), (id) -> new ArrayList<>()).add(mention);
					});
		}
		return result;
	}

	Map<Long, List<Delegate>> delegatesOf(Collection<Long> ids) {
		Map<Long, List<Delegate>> result = new HashMap<>();
		if (!ids.isEmpty()) {
			this.jdbc.query(
					"select g.id, g.dialogue_id, p.name, g.title, g.role, g.organization_id, g.country "
							+ "from dialogue_delegate g join person p on p.id = g.person_id "
							+ "where g.dialogue_id in (:ids) order by g.dialogue_id, g.position",
					Map.of("ids", ids), (rs) -> {
						Delegate delegate = new Delegate(rs.getLong("id"), rs.getLong("dialogue_id"),
								rs.getString("name"), rs.getString("title"), rs.getString("role"),
								rs.getObject("organization_id", Long.class), rs.getString("country"));
						result.computeIfAbsent(delegate.dialogueId(), (id) -> new ArrayList<>()).add(delegate);
					});
		}
		return result;
	}

	/**
	 * The outcomes of one kind ({@code COMMITMENT} or {@code ACHIEVEMENT}) of each round.
	 */
	Map<Long, List<Commitment>> commitmentsOf(Collection<Long> ids, String kind) {
		Map<Long, List<Commitment>> result = new HashMap<>();
		if (!ids.isEmpty()) {
			this.jdbc.query(
					"select dialogue_id, kind, description, quantity, qualifier, unit from dialogue_commitment "
							+ "where dialogue_id in (:ids) and kind = :kind order by dialogue_id, position",
					Map.of("ids", ids, "kind", kind), (rs) -> {
						Commitment commitment = new Commitment(rs.getLong("dialogue_id"), rs.getString("kind"),
								rs.getString("description"), rs.getObject("quantity", Integer.class),
								rs.getString("qualifier"), rs.getString("unit"));
						result.computeIfAbsent(commitment.dialogueId(), (id) -> new ArrayList<>()).add(commitment);
					});
		}
		return result;
	}

	private Map<Long, List<String>> strings(String sql, Collection<Long> ids) {
		Map<Long, List<String>> result = new HashMap<>();
		if (!ids.isEmpty()) {
			this.jdbc.query(sql, Map.of("ids", ids), (rs) -> {
				result.computeIfAbsent(rs.getLong("dialogue_id"), (id) -> new ArrayList<>()).add(rs.getString("item"));
			});
		}
		return result;
	}

	private static Dialogue map(ResultSet rs) throws SQLException {
		return new Dialogue(rs.getLong("id"), rs.getString("ref_key"), rs.getString("title"),
				rs.getObject("start_date", LocalDate.class), rs.getObject("end_date", LocalDate.class),
				rs.getString("date_precision"), rs.getString("location"), rs.getString("host_country"),
				rs.getString("format"), rs.getString("summary"), rs.getObject("previous_id", Long.class));
	}

	/** The keyset values of a round: where a page after it starts. */
	record Keyset(LocalDate date, long id) {
	}

}
