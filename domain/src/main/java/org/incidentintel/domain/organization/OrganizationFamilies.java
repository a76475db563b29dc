package org.incidentintel.domain.organization;

import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

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
	static final String LINKS = "select id, merged_into_id, parent_id, parent_valid_from, parent_valid_to "
			+ "from organization where merged_into_id is not null or parent_id is not null";

	private final Map<Long, Long> mergedInto;

	// Each movement's factions, with the days each belongs to it
	private final Map<Long, List<Member>> factions = new HashMap<>();

	/**
	 * Undated factions: each belongs to its movement on every day.
	 * @param mergedInto each merged organization's id and the id it was merged into
	 * @param parents each faction's id and its movement's id
	 */
	public OrganizationFamilies(Map<Long, Long> mergedInto, Map<Long, Long> parents) {
		this(mergedInto, parents, Map.of());
	}

	/**
	 * @param mergedInto each merged organization's id and the id it was merged into
	 * @param parents each faction's id and its movement's id
	 * @param periods the days a faction belongs to its movement, for those that do not
	 * always
	 */
	public OrganizationFamilies(Map<Long, Long> mergedInto, Map<Long, Long> parents, Map<Long, Period> periods) {
		this.mergedInto = Map.copyOf(mergedInto);
		parents.forEach((faction, movement) -> this.factions.computeIfAbsent(movement, (id) -> new ArrayList<>())
			.add(new Member(faction, periods.getOrDefault(faction, Period.ALWAYS))));
	}

	/** The links as the database holds them now, read in one statement. */
	public static OrganizationFamilies load(JdbcOperations jdbc) {
		Map<Long, Long> mergedInto = new HashMap<>();
		Map<Long, Long> parents = new HashMap<>();
		Map<Long, Period> periods = new HashMap<>();
		jdbc.query(LINKS, (RowCallbackHandler) (rs) -> {
			long id = rs.getLong("id");
			Long target = rs.getObject("merged_into_id", Long.class);
			if (target != null) {
				mergedInto.put(id, target);
			}
			Long parent = rs.getObject("parent_id", Long.class);
			if (parent != null) {
				parents.put(id, parent);
				Period period = new Period(rs.getObject("parent_valid_from", LocalDate.class),
						rs.getObject("parent_valid_to", LocalDate.class));
				if (!period.always()) {
					periods.put(id, period);
				}
			}
		});
		return new OrganizationFamilies(mergedInto, parents, periods);
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
	 * factions' merges, whatever the days a faction belongs to its movement (see
	 * {@link #membersWithFactions}).
	 */
	public Set<Long> withFactions(Set<Long> named) {
		Set<Long> family = new HashSet<>();
		membersWithFactions(named).forEach((member) -> family.add(member.id()));
		return family;
	}

	/**
	 * The given organizations with their merges (on every day), their factions at any
	 * depth and the factions' merges, each with the days its incidents count for the
	 * given ones: those on which every link between them holds. An organization that
	 * counts on every day is listed once, as {@link Period#ALWAYS}; one that counts
	 * through links of different periods is listed once for each.
	 */
	public Set<Member> membersWithFactions(Set<Long> named) {
		Map<Long, Set<Period>> found = new HashMap<>();
		Deque<Member> open = new ArrayDeque<>();
		for (Long id : withMerges(named)) {
			add(found, open, new Member(id, Period.ALWAYS));
		}
		while (!open.isEmpty()) {
			Member member = open.pop();
			for (Member faction : this.factions.getOrDefault(member.id(), List.of())) {
				Period period = member.period().overlap(faction.period());
				if (period != null) {
					for (Long merged : withMerges(Set.of(faction.id()))) {
						add(found, open, new Member(merged, period));
					}
				}
			}
		}
		Set<Member> members = new LinkedHashSet<>();
		found.forEach((id, periods) -> periods.forEach((period) -> members.add(new Member(id, period))));
		return members;
	}

	/**
	 * Where each organization's incidents count when incidents are grouped by
	 * perpetrator: merged organizations count as the one that absorbed them and, with
	 * factions, every member of a movement's family (its factions at any depth and their
	 * merges) counts as the movement, on the days it belongs to it. The movements are the
	 * organizations that are no one's faction. An organization not listed counts as
	 * itself, and so does a faction outside the days it belongs to its movement.
	 * @param withFactions whether factions count as their movements (merges always do)
	 * @return the roll-ups, those of a period before those of every day: the first that
	 * holds for an organization on a day is its answer
	 */
	public List<RollUp> rollUps(boolean withFactions) {
		List<RollUp> dated = new ArrayList<>();
		List<RollUp> always = new ArrayList<>();
		Set<Long> rolledAlways = new HashSet<>();
		if (withFactions) {
			Set<Long> factionIds = new HashSet<>();
			this.factions.values().forEach((members) -> members.forEach((member) -> factionIds.add(member.id())));
			Set<Long> movements = new TreeSet<>();
			this.factions.keySet().forEach((movement) -> movements.add(survivor(movement)));
			movements.removeIf((movement) -> withMerges(Set.of(movement)).stream().anyMatch(factionIds::contains));
			for (Long movement : movements) {
				for (Member member : membersWithFactions(Set.of(movement))) {
					if (member.id() == movement) {
						continue;
					}
					if (member.period().always()) {
						always.add(new RollUp(member.id(), movement, Period.ALWAYS));
						rolledAlways.add(member.id());
					}
					else {
						dated.add(new RollUp(member.id(), movement, member.period()));
					}
				}
			}
		}
		for (Long merged : new TreeSet<>(this.mergedInto.keySet())) {
			if (!rolledAlways.contains(merged)) {
				always.add(new RollUp(merged, survivor(merged), Period.ALWAYS));
			}
		}
		List<RollUp> rollUps = new ArrayList<>(dated);
		rollUps.addAll(always);
		return rollUps;
	}

	// Periods only shrink along a path and come from finitely many links: the walk ends,
	// cycles included
	private static void add(Map<Long, Set<Period>> found, Deque<Member> open, Member member) {
		Set<Period> periods = found.computeIfAbsent(member.id(), (id) -> new LinkedHashSet<>());
		if (periods.contains(Period.ALWAYS)) {
			return;
		}
		if (member.period().always()) {
			periods.clear();
		}
		if (periods.add(member.period())) {
			open.push(member);
		}
	}

	private Long survivor(Long id) {
		Long current = id;
		for (int hop = 0; hop <= this.mergedInto.size() && this.mergedInto.containsKey(current); hop++) {
			current = this.mergedInto.get(current);
		}
		return current;
	}

	/**
	 * An organization whose incidents count as another's, on the days of a period.
	 *
	 * @param id the organization
	 * @param as the organization they count as
	 * @param period the days
	 */
	public record RollUp(long id, long as, Period period) {

	}

	/**
	 * An organization whose incidents count for another on the days of a period.
	 *
	 * @param id the organization
	 * @param period the days
	 */
	public record Member(long id, Period period) {

		public Member {
			Objects.requireNonNull(period, "period must not be null");
		}

	}

	/**
	 * Days from one to another, both inclusive; {@code null} for open-ended.
	 *
	 * @param from the first day, or {@code null}
	 * @param to the last day, or {@code null}
	 */
	public record Period(LocalDate from, LocalDate to) {

		/** Every day. */
		public static final Period ALWAYS = new Period(null, null);

		public Period {
			if (from != null && to != null && to.isBefore(from)) {
				throw new IllegalArgumentException("a period cannot end (" + to + ") before it starts (" + from + ")");
			}
		}

		/** Whether it holds on every day. */
		public boolean always() {
			return this.from == null && this.to == null;
		}

		/** Whether the day lies in it. */
		public boolean contains(LocalDate day) {
			return (this.from == null || !day.isBefore(this.from)) && (this.to == null || !day.isAfter(this.to));
		}

		/**
		 * The days of any of the periods, as periods that neither overlap nor touch,
		 * earliest first: a day counted through several of them is counted once.
		 */
		public static List<Period> union(Collection<Period> periods) {
			List<Period> sorted = new ArrayList<>(periods);
			sorted.sort(Comparator.comparing(Period::from, Comparator.nullsFirst(Comparator.naturalOrder())));
			List<Period> union = new ArrayList<>();
			for (Period period : sorted) {
				Period last = union.isEmpty() ? null : union.get(union.size() - 1);
				if (last != null
						&& (last.to == null || (period.from != null && !period.from.isAfter(last.to.plusDays(1))))) {
					union.set(union.size() - 1, new Period(last.from, (last.to == null || period.to == null) ? null
							: (period.to.isAfter(last.to) ? period.to : last.to)));
				}
				else {
					union.add(period);
				}
			}
			return union;
		}

		/** The days in both, or {@code null} when they share none. */
		Period overlap(Period other) {
			LocalDate start = later(this.from, other.from);
			LocalDate end = earlier(this.to, other.to);
			return (start != null && end != null && end.isBefore(start)) ? null : new Period(start, end);
		}

		private static LocalDate later(LocalDate a, LocalDate b) {
			return (a == null) ? b : (b == null || a.isAfter(b)) ? a : b;
		}

		private static LocalDate earlier(LocalDate a, LocalDate b) {
			return (a == null) ? b : (b == null || a.isBefore(b)) ? a : b;
		}

	}

}
