package org.incidentintel.domain.dedup;

import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.incidentintel.domain.common.DatePrecision;
import org.incidentintel.domain.incident.IncidentKind;

/**
 * Scores whether two source records describe the same event, from five criteria each
 * scored 0 to 1 and weighted: date 0.30, place 0.30, casualties 0.20, perpetrators 0.10,
 * kind 0.10. Records that cannot be the same event (other country, dates further apart
 * than the window, no spatial link at all, the same dataset) are not scored.
 * docs/deduplication.md explains every figure.
 */
public class MatchScorer {

	static final double DATE_WEIGHT = 0.30;

	static final double PLACE_WEIGHT = 0.30;

	static final double CASUALTY_WEIGHT = 0.20;

	static final double PERPETRATOR_WEIGHT = 0.10;

	static final double KIND_WEIGHT = 0.10;

	private final MatchRules rules;

	public MatchScorer(MatchRules rules) {
		this.rules = rules;
	}

	public MatchRules rules() {
		return this.rules;
	}

	/**
	 * Whether a record's date is precise enough to be matched automatically.
	 * @param record the record
	 * @return {@code false} for dates vaguer than the rules' maximum span
	 */
	public boolean matchable(MatchRecord record) {
		return record.spanDays() <= this.rules.maxSpanDays();
	}

	/**
	 * Compares two records.
	 * @param a one record
	 * @param b another
	 * @return the match with its evidence, whatever its score, or {@code null} when the
	 * two are not comparable at all
	 */
	public Match score(MatchRecord a, MatchRecord b) {
		if (MatchRecord.BY_KEY.compare(a, b) > 0) {
			return score(b, a);
		}
		if (a.id() == b.id() || !a.country().equals(b.country()) || !matchable(a) || !matchable(b)
				|| (!this.rules.mergeSameDataset() && a.dataset().equals(b.dataset()))) {
			return null;
		}
		long gap = gapDays(a, b);
		if (gap > this.rules.dateWindow(a.dataset(), b.dataset())) {
			return null;
		}
		Double distance = (a.location() != null && b.location() != null) ? a.location().distanceKm(b.location()) : null;
		boolean near = distance != null && distance <= this.rules.maxDistanceKm();
		Set<String> sharedNames = new TreeSet<>(a.placeKeys());
		sharedNames.retainAll(b.placeKeys());
		boolean sameRegion = a.regionId() != null && a.regionId().equals(b.regionId());
		if (!near && sharedNames.isEmpty() && !sameRegion) {
			return null;
		}
		Map<String, Object> evidence = new LinkedHashMap<>();
		double date = dateScore(a, b, gap);
		evidence.put("date", ordered("gapDays", gap, "score", date));
		double place = placeScore(distance, near, sharedNames, sameRegion, this.rules.maxDistanceKm());
		Map<String, Object> placeEvidence = new LinkedHashMap<>();
		if (distance != null) {
			placeEvidence.put("distanceKm", Match.round(distance));
		}
		if (!sharedNames.isEmpty()) {
			placeEvidence.put("sameName", List.copyOf(sharedNames));
		}
		placeEvidence.put("sameRegion", sameRegion);
		placeEvidence.put("score", place);
		evidence.put("place", placeEvidence);
		double casualties = casualtyScore(a.killedRange(), b.killedRange());
		Map<String, Object> casualtyEvidence = new LinkedHashMap<>();
		casualtyEvidence.put("killed", rangeText(a.killedRange()));
		casualtyEvidence.put("otherKilled", rangeText(b.killedRange()));
		casualtyEvidence.put("score", casualties);
		evidence.put("casualties", casualtyEvidence);
		Set<Long> shared = new TreeSet<>(a.organizations());
		shared.retainAll(b.organizations());
		double perpetrators = (a.organizations().isEmpty() || b.organizations().isEmpty()) ? 0.5
				: shared.isEmpty() ? 0.0 : 1.0;
		evidence.put("perpetrators", ordered("sharedOrganizations", List.copyOf(shared), "score", perpetrators));
		double kind = kindScore(a.kind(), b.kind());
		evidence.put("kind", ordered("kinds", a.kind() + "/" + b.kind(), "score", kind));
		double score = DATE_WEIGHT * date + PLACE_WEIGHT * place + CASUALTY_WEIGHT * casualties
				+ PERPETRATOR_WEIGHT * perpetrators + KIND_WEIGHT * kind;
		return new Match(a, b, Match.round(score), evidence);
	}

	/**
	 * Days between two records' date spans: 0 when they overlap.
	 */
	static long gapDays(MatchRecord a, MatchRecord b) {
		if (a.end().isBefore(b.start())) {
			return ChronoUnit.DAYS.between(a.end(), b.start());
		}
		if (b.end().isBefore(a.start())) {
			return ChronoUnit.DAYS.between(b.end(), a.start());
		}
		return 0;
	}

	private static double dateScore(MatchRecord a, MatchRecord b, long gap) {
		boolean exact = a.precision() == DatePrecision.DAY && b.precision() == DatePrecision.DAY && a.spanDays() == 1
				&& b.spanDays() == 1;
		if (gap == 0) {
			// overlapping ranges: the narrower the vaguer one, the stronger
			long span = Math.max(a.spanDays(), b.spanDays());
			return exact ? 1.0 : (span <= 3) ? 0.8 : 0.6;
		}
		return (gap == 1) ? 0.6 : (gap == 2) ? 0.3 : 0.1;
	}

	private static double placeScore(Double distance, boolean near, Set<String> sharedNames, boolean sameRegion,
			double maxDistanceKm) {
		double score = 0;
		if (near) {
			score = (distance <= 2) ? 1.0 : (distance <= 10) ? 0.85 : 0.65;
		}
		if (!sharedNames.isEmpty()) {
			score = Math.max(score, 0.85);
		}
		// The same region says little when the coordinates put the two far apart; up to
		// twice the distance limit it still allows for a district centroid given as the
		// place.
		if (sameRegion && (distance == null || distance <= 2 * maxDistanceKm)) {
			score = Math.max(score, 0.3);
		}
		return score;
	}

	static double casualtyScore(int[] a, int[] b) {
		if (a == null || b == null) {
			return 0.5;
		}
		if (a[0] <= b[1] && b[0] <= a[1]) {
			return 1.0;
		}
		// the nearest ends of the two ranges
		int low = (a[1] < b[0]) ? a[1] : b[1];
		int high = (a[1] < b[0]) ? b[0] : a[0];
		double difference = (high - low) / (double) Math.max(high, 1);
		return (difference <= 0.1) ? 0.85 : (difference <= 0.3) ? 0.6 : (difference <= 0.5) ? 0.3 : 0.0;
	}

	/**
	 * How compatible two kinds are: sources classify one event differently (UCDP counts a
	 * suicide bombing of soldiers or police as state-based fighting, a clash, where the
	 * other sources see an attack).
	 */
	static double kindScore(IncidentKind a, IncidentKind b) {
		if (a == b) {
			return 1.0;
		}
		if (a == IncidentKind.OTHER || b == IncidentKind.OTHER) {
			return 0.5;
		}
		Set<IncidentKind> pair = Set.of(a, b);
		return pair.equals(Set.of(IncidentKind.ATTACK, IncidentKind.CLASH)) ? 0.8 : 0.2;
	}

	private static Map<String, Object> ordered(String key1, Object value1, String key2, Object value2) {
		Map<String, Object> map = new LinkedHashMap<>();
		map.put(key1, value1);
		map.put(key2, value2);
		return map;
	}

	private static String rangeText(int[] range) {
		if (range == null) {
			return "unknown";
		}
		return (range[0] == range[1]) ? Integer.toString(range[0]) : range[0] + "-" + range[1];
	}

}
