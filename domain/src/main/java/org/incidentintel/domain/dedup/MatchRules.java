package org.incidentintel.domain.dedup;

import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The settings of deduplication, as configuration ({@code incidentintel.dedup.*}).
 *
 * @param dateWindowDays how many days apart two records may be and still be compared
 * @param pairDateWindowDays a wider or narrower window for a pair of datasets, keyed
 * {@code datasetA+datasetB} in either order (e.g. {@code gtd+ucdp-ged: 2})
 * @param maxDistanceKm how far apart two located records may be and still be compared
 * @param maxSpanDays records whose date is vaguer than this many days (a month, a year)
 * are never matched automatically: any event of that month would fit
 * @param threshold the score from which two records are the same event
 * @param mergeSameDataset whether two records of one dataset may be one incident (UCDP
 * records one attack as a one-sided and a state-based event; GTD as several incidents of
 * a coordinated attack); off by default: a dataset is trusted to separate its own events
 * @param sourcePriority the datasets whose casualty figures, summary and kind win, in
 * order; datasets not listed come after, alphabetically
 * @param fullPassAbove a change of more records than this is deduplicated by one
 * streaming pass over the whole table instead of record by record
 */
@ConfigurationProperties("incidentintel.dedup")
public record MatchRules(@DefaultValue("1") int dateWindowDays, Map<String, Integer> pairDateWindowDays,
		@DefaultValue("25") double maxDistanceKm, @DefaultValue("16") int maxSpanDays,
		@DefaultValue("0.7") double threshold, @DefaultValue("false") boolean mergeSameDataset, @DefaultValue( {
				"ucdp-ged", "gtd", "acled", "pakistan-body-count" }) List<String> sourcePriority,
		@DefaultValue("5000") int fullPassAbove){

	public MatchRules {
		pairDateWindowDays = (pairDateWindowDays != null) ? Map.copyOf(pairDateWindowDays) : Map.of();
		sourcePriority = (sourcePriority != null) ? List.copyOf(sourcePriority) : List.of();
		if (dateWindowDays < 0 || maxDistanceKm < 0 || maxSpanDays < 1 || threshold <= 0 || threshold > 1) {
			throw new IllegalArgumentException("incidentintel.dedup: windows must not be negative, "
					+ "max-span-days at least 1 and the threshold in (0, 1]");
		}
	}

	/**
	 * The defaults, as documented in docs/deduplication.md.
	 * @return the default rules
	 */
	public static MatchRules defaults() {
		return new MatchRules(1, Map.of(), 25, 16, 0.7, false,
				List.of("ucdp-ged", "gtd", "acled", "pakistan-body-count"), 5000);
	}

	/**
	 * The date window for two datasets.
	 * @param a one dataset
	 * @param b the other
	 * @return the days two of their records may be apart
	 */
	public int dateWindow(String a, String b) {
		Integer pair = this.pairDateWindowDays.get(a + "+" + b);
		if (pair == null) {
			pair = this.pairDateWindowDays.get(b + "+" + a);
		}
		return (pair != null) ? pair : this.dateWindowDays;
	}

	/**
	 * The widest date window of any pair: how far back a streaming pass must look.
	 * @return days
	 */
	public int widestDateWindow() {
		int widest = this.dateWindowDays;
		for (int days : this.pairDateWindowDays.values()) {
			widest = Math.max(widest, days);
		}
		return widest;
	}

	/**
	 * The rank of a dataset in the source priority: lower wins.
	 * @param dataset the dataset
	 * @return its position, or the size of the list for datasets not listed
	 */
	public int priority(String dataset) {
		int index = this.sourcePriority.indexOf(dataset);
		return (index >= 0) ? index : this.sourcePriority.size();
	}

}
