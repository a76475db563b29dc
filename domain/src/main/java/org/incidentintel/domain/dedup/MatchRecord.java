package org.incidentintel.domain.dedup;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.Set;

import org.incidentintel.domain.common.DatePrecision;
import org.incidentintel.domain.common.GeoPoint;
import org.incidentintel.domain.incident.IncidentKind;

/**
 * What deduplication knows of one source record.
 *
 * @param id the source record's row id
 * @param dataset its dataset
 * @param recordId its id in the dataset
 * @param start first day it may have happened
 * @param end last day it may have happened
 * @param precision how precise the source's date is
 * @param kind its kind
 * @param country ISO 3166-1 alpha-3
 * @param regionId the region it resolved to, if any
 * @param placeKeys normalized names of its place and district (see {@link PlaceKeys})
 * @param location its coordinates, if any
 * @param killed best count of the killed, if stated
 * @param killedLow low estimate, if stated
 * @param killedHigh high estimate, if stated
 * @param injured count of the injured, if stated
 * @param organizations the organizations its actors resolved to
 * @param hasSummary whether it carries a summary
 * @param incidentId the incident it is linked to now, if any
 */
public record MatchRecord(long id, String dataset, String recordId, LocalDate start, LocalDate end,
		DatePrecision precision, IncidentKind kind, String country, Long regionId, Set<String> placeKeys,
		GeoPoint location, Integer killed, Integer killedLow, Integer killedHigh, Integer injured,
		Set<Long> organizations, boolean hasSummary, Long incidentId) {

	/**
	 * Orders records by what identifies them in their source, never by row id: clusters
	 * and precedence must not depend on the order files were loaded in.
	 */
	public static final Comparator<MatchRecord> BY_KEY = Comparator.comparing(MatchRecord::dataset)
		.thenComparing(MatchRecord::recordId);

	/**
	 * How many days the record's date spans (1 for a day).
	 * @return days
	 */
	public long spanDays() {
		return ChronoUnit.DAYS.between(this.start, this.end) + 1;
	}

	/**
	 * The key a curator decision names the record by.
	 * @return dataset and record id
	 */
	public RecordKey key() {
		return new RecordKey(this.dataset, this.recordId);
	}

	/**
	 * The lowest and highest killed figures the record states, or {@code null}.
	 * @return {@code [low, high]} or {@code null} when no figure is stated
	 */
	int[] killedRange() {
		if (this.killed == null && this.killedLow == null && this.killedHigh == null) {
			return null;
		}
		int best = (this.killed != null) ? this.killed : (this.killedHigh != null) ? this.killedHigh : this.killedLow;
		int low = (this.killedLow != null) ? Math.min(this.killedLow, best) : best;
		int high = (this.killedHigh != null) ? Math.max(this.killedHigh, best) : best;
		return new int[] { low, high };
	}

}
