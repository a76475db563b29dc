package org.incidentintel.etl.format;

import java.util.List;

import org.incidentintel.domain.common.DateSpan;
import org.incidentintel.domain.common.GeoPoint;
import org.incidentintel.domain.incident.Casualties;
import org.incidentintel.domain.incident.IncidentKind;

/**
 * A source row in canonical terms, as a {@link SourceFormat} reads it: names are still as
 * the source wrote them (organizations and regions are resolved by the load).
 *
 * @param sourceRecordId the record's id within its dataset (unique with the dataset)
 * @param date when, with its precision
 * @param kind what happened
 * @param country ISO 3166 alpha-3
 * @param regionName admin1 as written in the source, or null
 * @param district admin2 or district, or null
 * @param place city or place name, or null
 * @param location coordinates, or null
 * @param casualties the counts; unknown counts are null
 * @param actors perpetrators and sides, as named
 * @param attackTypes attack types as the source names them
 * @param targets targets or target types as the source names them
 * @param summary free text, or null
 * @param warnings what the format repaired or doubted while keeping the row (a weekday
 * that contradicts the date, an inconsistent low/high estimate dropped); counted in the
 * run summary
 */
public record NormalizedRecord(String sourceRecordId, DateSpan date, IncidentKind kind, String country,
		String regionName, String district, String place, GeoPoint location, Casualties casualties,
		List<ReportedActor> actors, List<String> attackTypes, List<String> targets, String summary,
		List<RecordWarning> warnings) {

	public NormalizedRecord {
		if (sourceRecordId == null || sourceRecordId.isBlank()) {
			throw new IllegalArgumentException("sourceRecordId must not be blank");
		}
		if (date == null || kind == null || country == null || casualties == null) {
			throw new IllegalArgumentException("date, kind, country and casualties are required");
		}
		actors = List.copyOf(actors);
		attackTypes = List.copyOf(attackTypes);
		targets = List.copyOf(targets);
		warnings = List.copyOf(warnings);
	}

}
