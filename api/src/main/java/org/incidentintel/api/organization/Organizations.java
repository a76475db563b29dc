package org.incidentintel.api.organization;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import java.util.stream.Collectors;

import org.incidentintel.api.error.ApiException;
import org.incidentintel.api.relay.GlobalId;
import org.incidentintel.domain.common.NameKey;
import org.incidentintel.domain.common.NameSearch;
import org.incidentintel.domain.organization.OrganizationFamilies;
import org.incidentintel.domain.organization.OrganizationFamiliesCache;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Reads organizations; {@link #findByIds(Collection)} is the batch loader other packages
 * use for their edges to organizations.
 */
@Repository
public class Organizations {

	/** The GraphQL type name, as it appears in global ids. */
	public static final String TYPE = "Organization";

	static final String COLUMNS = "o.id, o.ref_key, o.name, o.acronym, o.kind, o.country, o.parent_id, o.description";

	/** The lowest score a search candidate needs to be listed. */
	static final double MIN_SCORE = 0.8;

	/** How many suggestions an unknown name's error lists. */
	static final int SUGGESTIONS = 5;

	private final NamedParameterJdbcTemplate jdbc;

	private final OrganizationFamiliesCache families;

	public Organizations(NamedParameterJdbcTemplate jdbc, OrganizationFamiliesCache families) {
		this.jdbc = jdbc;
		this.families = families;
	}

	/**
	 * The organizations with the given ids, in one statement; ids without a row are
	 * absent from the map. Merged organizations are returned as they are (no redirect).
	 */
	public Map<Long, Organization> findByIds(Collection<Long> ids) {
		Map<Long, Organization> result = new LinkedHashMap<>();
		if (ids.isEmpty()) {
			return result;
		}
		this.jdbc.query("select " + COLUMNS + " from organization o where o.id in (:ids)", Map.of("ids", ids), (rs) -> {
			Organization organization = map(rs);
			result.put(organization.id(), organization);
		});
		return result;
	}

	/**
	 * The organization with the given id, or the one it was merged into (following merges
	 * to the survivor).
	 */
	public Optional<Organization> findSurvivorById(long id) {
		Set<Long> survivors = survivors(Set.of(id));
		return survivors.stream().findFirst().map((survivor) -> findByIds(List.of(survivor)).get(survivor));
	}

	/**
	 * The organization a name, acronym or alias designates (compared by {@link NameKey}),
	 * following merges to the survivor; empty when none does.
	 * @param name the name as a client wrote it
	 * @param argumentPath the argument holding the name, for errors
	 * @throws ApiException ({@code BAD_USER_INPUT}) when the name is blank or several
	 * organizations go by it; the message lists them
	 */
	public Optional<Organization> findByName(String name, Object... argumentPath) {
		String key = NameKey.of(name);
		if (key.isEmpty()) {
			throw ApiException.badInput("a name must not be blank", argumentPath);
		}
		List<Organization> candidates = findSurvivorsByNameKey(key);
		if (candidates.size() > 1) {
			String listed = candidates.stream()
				.map((candidate) -> candidate.name() + " (id " + GlobalId.of(TYPE, candidate.id()) + ")")
				.sorted()
				.collect(Collectors.joining(", "));
			throw ApiException.badInput("'" + name + "' names several organizations: " + listed + "; ask by id",
					argumentPath);
		}
		return candidates.stream().findFirst();
	}

	/**
	 * The organization a name designates, exactly ({@link #findByName}) or else loosely:
	 * when the {@link NameKey#loose(String) loose key} of the name (or of a part of
	 * {@code Name (ABBR)}, {@code ABBR: Name}) is that of names of one organization only.
	 * @param name the name as a client wrote it
	 * @param argumentPath the argument holding the name, for errors
	 * @return the organization, never {@code null}
	 * @throws ApiException ({@code NOT_FOUND}) when nothing goes by the name; its
	 * {@code suggestions} extension lists the closest organizations
	 */
	public Organization findByNameLoosely(String name, Object... argumentPath) {
		Optional<Organization> exact = findByName(name, argumentPath);
		if (exact.isPresent()) {
			return exact.get();
		}
		List<NameSearch.Hit<Organization>> hits = (name.length() <= NameSearch.MAX_TEXT_LENGTH)
				? search(name, OrganizationFilter.NONE) : List.of();
		Set<Organization> loosely = new LinkedHashSet<>();
		for (NameSearch.Hit<Organization> hit : hits) {
			if (hit.exact() && hit.score() == hits.get(0).score()) {
				loosely.add(hit.target());
			}
		}
		if (loosely.size() == 1) {
			return loosely.iterator().next();
		}
		List<Map<String, Object>> suggestions = hits.stream()
			.limit(SUGGESTIONS)
			.map(Organizations::suggestion)
			.toList();
		String closest = suggestions.isEmpty() ? "nothing comes close"
				: "closest: " + suggestions.stream()
					.map((suggestion) -> suggestion.get("name") + " (" + suggestion.get("id") + ")")
					.collect(Collectors.joining(", "));
		throw ApiException.notFound("no organization goes by the name '" + name + "'; " + closest,
				Map.of("suggestions", suggestions), argumentPath);
	}

	private static Map<String, Object> suggestion(NameSearch.Hit<Organization> hit) {
		Map<String, Object> suggestion = new LinkedHashMap<>();
		suggestion.put("id", GlobalId.of(TYPE, hit.target().id()));
		suggestion.put("name", hit.target().name());
		suggestion.put("matchedName", hit.name());
		suggestion.put("score", hit.score());
		return suggestion;
	}

	/**
	 * The surviving organizations that pass the filter, ranked by how close their names,
	 * acronyms and aliases come to a text (see {@link NameSearch}), each once with its
	 * closest name; one statement.
	 * @param text the text searched for, at most {@link NameSearch#MAX_TEXT_LENGTH}
	 * characters
	 * @param filter the filter the organizations must pass
	 * @return the candidates scoring at least {@link #MIN_SCORE}, best first
	 */
	List<NameSearch.Hit<Organization>> search(String text, OrganizationFilter filter) {
		MapSqlParameterSource parameters = new MapSqlParameterSource();
		// An alias limited to countries names the organization only in an event's context
		String sql = "select " + COLUMNS + ", a.alias from organization o join organization_alias a "
				+ "on a.organization_id = o.id and a.countries is null where " + where(filter, parameters);
		List<Map.Entry<Organization, String>> names = this.jdbc.query(sql, parameters,
				(rs, row) -> Map.entry(map(rs), rs.getString("alias")));
		return NameSearch.of(names, Map.Entry::getKey, Map.Entry::getValue).search(text, MIN_SCORE);
	}

	private List<Organization> findSurvivorsByNameKey(String nameKey) {
		// One statement in the usual case, where no organization of that name was merged
		// into another; else the merges are followed to the survivors
		List<Organization> named = new ArrayList<>();
		List<Long> merged = new ArrayList<>();
		this.jdbc.query("select " + COLUMNS + ", o.merged_into_id from organization o where o.id in "
				+ "(select a.organization_id from organization_alias a where a.normalized_key = :key "
				+ "and a.countries is null)", Map.of("key", nameKey), (rs) -> {
					if (rs.getObject("merged_into_id") == null) {
						named.add(map(rs));
					}
					else {
						merged.add(rs.getLong("id"));
					}
				});
		if (merged.isEmpty()) {
			return named;
		}
		Set<Long> ids = new LinkedHashSet<>(merged);
		named.forEach((organization) -> ids.add(organization.id()));
		return new ArrayList<>(findByIds(survivors(ids)).values());
	}

	/**
	 * Maps each id to the organization that finally absorbed it (itself when it was never
	 * merged), without a statement; {@link #findByIds} then drops unknown ids.
	 */
	private Set<Long> survivors(Collection<Long> ids) {
		OrganizationFamilies current = this.families.current();
		Set<Long> survivors = new LinkedHashSet<>();
		ids.forEach((id) -> survivors.add(current.survivor(id)));
		return survivors;
	}

	/**
	 * A page of surviving organizations in (name, id) order, starting after the given
	 * keyset values; {@code limit} rows at most.
	 */
	List<Organization> findPage(OrganizationFilter filter, String afterName, Long afterId, int limit) {
		MapSqlParameterSource parameters = new MapSqlParameterSource();
		StringBuilder sql = new StringBuilder("select " + COLUMNS + " from organization o where ")
			.append(where(filter, parameters));
		if (afterName != null) {
			sql.append(" and (o.name > :afterName or (o.name = :afterName and o.id > :afterId))");
			parameters.addValue("afterName", afterName).addValue("afterId", afterId);
		}
		sql.append(" order by o.name, o.id fetch first :limit rows only");
		parameters.addValue("limit", limit);
		return this.jdbc.query(sql.toString(), parameters, (rs, row) -> map(rs));
	}

	long count(OrganizationFilter filter) {
		MapSqlParameterSource parameters = new MapSqlParameterSource();
		Long count = this.jdbc.queryForObject("select count(*) from organization o where " + where(filter, parameters),
				parameters, Long.class);
		return (count != null) ? count : 0;
	}

	private static String where(OrganizationFilter filter, MapSqlParameterSource parameters) {
		StringBuilder where = new StringBuilder("o.merged_into_id is null");
		if (filter.kind() != null && !filter.kind().isEmpty()) {
			where.append(" and o.kind in (:kinds)");
			parameters.addValue("kinds", filter.kind());
		}
		if (filter.country() != null) {
			where.append(" and o.country = :country");
			parameters.addValue("country", filter.country().toUpperCase(Locale.ROOT));
		}
		if (filter.text() != null && !filter.text().isBlank()) {
			where.append(" and (lower(o.name) like :text escape '!' or exists (select 1 from organization_alias a "
					+ "where a.organization_id = o.id and lower(a.alias) like :text escape '!'))");
			parameters.addValue("text", "%" + escapeLike(filter.text().strip().toLowerCase(Locale.ROOT)) + "%");
		}
		return where.toString();
	}

	private static String escapeLike(String text) {
		return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
	}

	/** The aliases of each organization, in alphabetical order. */
	Map<Long, List<OrganizationAlias>> aliasesOf(Collection<Long> organizationIds) {
		Map<Long, List<OrganizationAlias>> result = new HashMap<>();
		if (organizationIds.isEmpty()) {
			return result;
		}
		this.jdbc.query(
				"select organization_id, alias, valid_from, valid_to, note from organization_alias "
						+ "where organization_id in (:ids) order by organization_id, alias, id",
				Map.of("ids", organizationIds), (rs) -> {
					OrganizationAlias alias = new OrganizationAlias(rs.getLong("organization_id"),
							rs.getString("alias"), rs.getObject("valid_from", LocalDate.class),
							rs.getObject("valid_to", LocalDate.class), rs.getString("note"));
					result.computeIfAbsent(alias.organizationId(), (id) -> new ArrayList<>()).add(alias);
				});
		return result;
	}

	static Organization map(ResultSet rs) throws SQLException {
		return new Organization(rs.getLong("id"), rs.getString("ref_key"), rs.getString("name"),
				rs.getString("acronym"), rs.getString("kind"), rs.getString("country"),
				rs.getObject("parent_id", Long.class), rs.getString("description"));
	}

}
