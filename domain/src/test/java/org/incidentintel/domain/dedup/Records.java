package org.incidentintel.domain.dedup;

import java.time.LocalDate;
import java.util.Set;

import org.incidentintel.domain.common.DatePrecision;
import org.incidentintel.domain.common.GeoPoint;
import org.incidentintel.domain.incident.IncidentKind;

/**
 * Builds match records for tests: an attack in Peshawar on 2013-09-22 with 80 killed,
 * changed field by field.
 */
final class Records {

	private static long nextId = 1;

	long id = nextId++;

	String dataset = "ucdp-ged";

	String recordId = "r" + this.id;

	LocalDate start = LocalDate.of(2013, 9, 22);

	LocalDate end = this.start;

	DatePrecision precision = DatePrecision.DAY;

	IncidentKind kind = IncidentKind.ATTACK;

	String country = "PAK";

	Long regionId = 1L;

	Set<String> places = PlaceKeys.of("Peshawar town");

	GeoPoint location = GeoPoint.of(34.0, 71.57);

	Integer killed = 80;

	Integer low;

	Integer high;

	Set<Long> organizations = Set.of();

	static Records attack() {
		return new Records();
	}

	Records dataset(String dataset, String recordId) {
		this.dataset = dataset;
		this.recordId = recordId;
		return this;
	}

	Records on(LocalDate start, LocalDate end) {
		this.start = start;
		this.end = end;
		return this;
	}

	Records daysLater(int days) {
		return on(this.start.plusDays(days), this.end.plusDays(days));
	}

	Records at(double latitude, double longitude, String... places) {
		this.location = GeoPoint.of(latitude, longitude);
		this.places = PlaceKeys.of(places);
		return this;
	}

	Records nowhere(String... places) {
		this.location = null;
		this.places = PlaceKeys.of(places);
		return this;
	}

	Records region(Long regionId) {
		this.regionId = regionId;
		return this;
	}

	Records killed(Integer killed, Integer low, Integer high) {
		this.killed = killed;
		this.low = low;
		this.high = high;
		return this;
	}

	Records kind(IncidentKind kind) {
		this.kind = kind;
		return this;
	}

	Records by(Long... organizations) {
		this.organizations = Set.of(organizations);
		return this;
	}

	Records country(String country) {
		this.country = country;
		return this;
	}

	MatchRecord build() {
		return new MatchRecord(this.id, this.dataset, this.recordId, this.start, this.end, this.precision, this.kind,
				this.country, this.regionId, this.places, this.location, this.killed, this.low, this.high, null,
				this.organizations, true, null);
	}

}
