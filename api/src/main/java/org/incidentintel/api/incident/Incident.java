package org.incidentintel.api.incident;

import java.time.LocalDate;

import org.incidentintel.domain.common.DatePrecision;
import org.incidentintel.domain.incident.IncidentKind;

/**
 * The read model of the GraphQL {@code Incident} type: one row of {@code incident}; its
 * edges (region, perpetrators, sources) are batch loaded by {@link IncidentController}.
 *
 * @param id the database id
 * @param date the first day
 * @param endDate the last day
 * @param datePrecision how precisely the date is known
 * @param kind the kind of event
 * @param country ISO 3166 alpha-3
 * @param regionId the region today, if known
 * @param regionAtEventId the region on the event day, if known
 * @param regionNameAtEvent the region's official name on the event day
 * @param district the district as reported
 * @param place the place as reported
 * @param location the coordinates, if known
 * @param casualties killed and injured
 * @param summary a short description
 * @param dateFrom the record that gave the dates
 * @param placeFrom the record that gave the place
 */
public record Incident(long id, LocalDate date, LocalDate endDate, DatePrecision datePrecision, IncidentKind kind,
		String country, Long regionId, Long regionAtEventId, String regionNameAtEvent, String district, String place,
		GeoPoint location, Casualties casualties, String summary, FieldSource dateFrom, FieldSource placeFrom) {

	/** The GraphQL type name, as it appears in global ids. */
	public static final String TYPE = "Incident";

}
