package org.incidentintel.domain.organization;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.jdbc.core.RowCallbackHandler;

/**
 * Which organizations an organization stands for, from two relations kept in table
 * {@code organization}: merges ({@code merged_into_id}: a duplicate merged into the
 * organization that absorbed it) and factions ({@code parent_id}: a faction or branch
 * belongs to its movement, e.g. the TTP's factions to the TTP, ISKP to the Islamic
 * State). Both are few, so the whole of them fits in memory. Links that form a cycle
 * (written by hand into the database) end the walk instead of hanging it.
 * <p>
 * The one home of this rule: the API's filter, statistics, organization queries and
 * incident edges (through {@link OrganizationFamiliesCache}) and the ETL's resolvers all
 * ask it, none walks the links itself.
 */
public final class OrganizationFamilies {

	/** The links, in one statement: the only rows of {@code organization} that matter. */
	static final String LINKS = "select id, merged_into_id, parent_id from organization "
			+ "where merged_into_id is not null or parent_id is not null";

	private final Map<Long, Long> mergedInto;

	private final Map<Long, List<Long>> factions = new HashMap<>();

	/**
	 * @param mergedInto each merged organization's id and the id it was merged into
	 * @param parents each faction's id and its movement's id
	 */
	public OrganizationFamilies(Map<Long, Long> mergedInto, Map<Long, Long> parents) {
		this.mergedInto = Map.copyOf(mergedInto);
		parents.forEach(
				(faction, movement) -> this.factions.computeIfAbsent(movement, (id) -> new ArrayList<>()).add(faction));
	}

	/** The links as the database holds them now, read in one statement. */
	public static OrganizationFamilies load(JdbcOperations jdbc) {
		Map<Long, Long> mergedInto = new HashMap<>();
		Map<Long, Long> parents = new HashMap<>();
		jdbc.query(LINKS, (RowCallbackHandler) (rs) -> {
			Long target = rs.getObject("merged_into_id", Long.class);
			if (target != null) {
				mergedInto.put(rs.getLong("id"), target);
			}
			Long parent = rs.getObject("parent_id", Long.class);
			if (parent != null) {
				parents.put(rs.getLong("id"), parent);
			}
		});
		return new OrganizationFamilies(mergedInto, parents);
	}

	/**
	 * The organization an organization stands for today: itself, or the one it was
	 * finally merged into.
	 */
	public long survivor(long id) {
		return survivor(Long.valueOf(id));
	}

	/**
	 * The organizations that finally absorbed the given ones, and all those merged into
	 * them: a name finds an organization's records whichever side of a merge they are on.
	 */
	public Set<Long> withMerges(Set<Long> named) {
		Set<Long> survivors = new HashSet<>();
		named.forEach((id) -> survivors.add(survivor(id)));
		Set<Long> family = new HashSet<>(named);
		family.addAll(survivors);
		for (Long merged : this.mergedInto.keySet()) {
			if (survivors.contains(survivor(merged))) {
				family.add(merged);
			}
		}
		return family;
	}

	/**
	 * The given organizations with their merges, their factions at any depth, and the
	 * factions' merges.
	 */
	public Set<Long> withFactions(Set<Long> named) {
		Set<Long> family = withMerges(named);
		Deque<Long> open = new ArrayDeque<>(family);
		while (!open.isEmpty()) {
			for (Long faction : this.factions.getOrDefault(open.pop(), List.of())) {
				for (Long member : withMerges(Set.of(faction))) {
					if (family.add(member)) {
						open.push(member);
					}
				}
			}
		}
		return family;
	}

	private Long survivor(Long id) {
		Long current = id;
		for (int hop = 0; hop <= this.mergedInto.size() && this.mergedInto.containsKey(current); hop++) {
			current = this.mergedInto.get(current);
		}
		return current;
	}

}
