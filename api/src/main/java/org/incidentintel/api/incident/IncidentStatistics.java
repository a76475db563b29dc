package org.incidentintel.api.incident;

import java.util.List;

import org.incidentintel.api.organization.Organization;
import org.incidentintel.api.region.Region;
import org.incidentintel.domain.incident.IncidentKind;

/**
 * The read model of {@code IncidentStatistics}: totals of the filtered incidents and one
 * bucket per combination of the grouped dimensions.
 *
 * @param totals the totals, each incident counted once
 * @param buckets the buckets in key order
 */
public record IncidentStatistics(Totals totals, List<Bucket> buckets) {

	/**
	 * {@code IncidentTotals}.
	 *
	 * @param incidents how many incidents match
	 * @param killed sum of the known killed counts, or {@code null} when none is known
	 * @param injured sum of the known injured counts, or {@code null} when none is known
	 */
	public record Totals(int incidents, Integer killed, Integer injured) {
	}

	/**
	 * {@code IncidentBucket}.
	 *
	 * @param key the values of the grouped dimensions
	 * @param incidents how many incidents fall in the bucket
	 * @param killed sum of their known killed counts, or {@code null}
	 * @param injured sum of their known injured counts, or {@code null}
	 * @param incidentsShare incidents as a fraction of all matching incidents
	 * @param killedShare killed as a fraction of all matching incidents' killed, or
	 * {@code null} when undefined
	 */
	public record Bucket(Key key, int incidents, Integer killed, Integer injured, double incidentsShare,
			Double killedShare) {
	}

	/**
	 * {@code IncidentBucketKey}: only the grouped dimensions are set.
	 *
	 * @param country the country
	 * @param region the region today
	 * @param regionAtEvent the region at the time of the incident
	 * @param year the year
	 * @param quarter the quarter (1-4)
	 * @param month the month (1-12)
	 * @param kind the kind
	 * @param perpetrator the perpetrator (see {@code Perpetrators})
	 * @param actor the actor, whatever its role
	 * @param source the dataset
	 */
	public record Key(String country, Region region, Region regionAtEvent, Integer year, Integer quarter, Integer month,
			IncidentKind kind, Perpetrator perpetrator, Perpetrator actor, String source) {
	}

	/**
	 * {@code IncidentBucketPerpetrator}: an organization, or a name that resolved to
	 * none.
	 *
	 * @param name the organization's name, or the name as reported
	 * @param organization the organization, or {@code null}
	 */
	public record Perpetrator(String name, Organization organization) {
	}

}
