package org.incidentintel.domain.dedup;

import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;

/**
 * Which source record gives each group of a canonical incident's fields:
 * <ul>
 * <li>date: the most precise (a day over a month, then the shortest span), then source
 * priority;</li>
 * <li>place (coordinates, region, district, place name): a record with coordinates over
 * one without, then source priority;</li>
 * <li>killed (best, low, high and the breakdown, together so they stay consistent): the
 * first record in source priority that states a figure; injured likewise, separately
 * (UCDP never states it);</li>
 * <li>kind and summary: the first in source priority (that has a summary).</li>
 * </ul>
 * Ties are broken by dataset and record id. Perpetrators, attack types and targets are
 * the union over all records.
 */
public final class Precedence {

	private final MatchRules rules;

	public Precedence(MatchRules rules) {
		this.rules = rules;
	}

	/**
	 * The donors of a cluster's fields.
	 * @param members the cluster's records
	 * @return the donor of each group of fields
	 */
	public Donors donors(List<MatchRecord> members) {
		Comparator<MatchRecord> byPriority = Comparator
			.comparingInt((MatchRecord record) -> this.rules.priority(record.dataset()))
			.thenComparing(MatchRecord.BY_KEY);
		MatchRecord date = members.stream()
			.min(Comparator.comparing(MatchRecord::precision)
				.thenComparingLong(MatchRecord::spanDays)
				.thenComparing(byPriority))
			.orElseThrow();
		MatchRecord place = members.stream()
			.min(Comparator.comparing((MatchRecord record) -> record.location() == null).thenComparing(byPriority))
			.orElseThrow();
		return new Donors(date.id(), place.id(), first(members, byPriority, (r) -> r.killedRange() != null),
				first(members, byPriority, (r) -> r.injured() != null), first(members, byPriority, (r) -> true),
				first(members, byPriority, MatchRecord::hasSummary));
	}

	private static long first(List<MatchRecord> members, Comparator<MatchRecord> order, Predicate<MatchRecord> states) {
		return members.stream()
			.min(Comparator.comparing((MatchRecord record) -> !states.test(record)).thenComparing(order))
			.orElseThrow()
			.id();
	}

	/**
	 * The source records (row ids) that give an incident its fields.
	 *
	 * @param date date start, end and precision
	 * @param place coordinates, region, district and place
	 * @param killed the killed figures
	 * @param injured the injured figure
	 * @param kind the kind
	 * @param summary the summary
	 */
	public record Donors(long date, long place, long killed, long injured, long kind, long summary) {

	}

}
