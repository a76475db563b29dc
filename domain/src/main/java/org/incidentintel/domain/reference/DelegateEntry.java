package org.incidentintel.domain.reference;

/**
 * A member of a delegation at a dialogue round.
 *
 * @param person full name
 * @param title the position held, e.g. {@code Coordinator for Counterterrorism}, or
 * {@code null}
 * @param role the part played at the round, e.g. {@code co-chair}, or {@code null}
 * @param organization id of the organization represented
 * @param country ISO 3166 alpha-3 code of the country represented, or {@code null}
 */
public record DelegateEntry(String person, String title, String role, String organization, String country) {

	public DelegateEntry {
		Fields.required(person, "person");
		Fields.id(Fields.required(organization, "organization"), "organization");
		Fields.country(country, "country");
	}

}
