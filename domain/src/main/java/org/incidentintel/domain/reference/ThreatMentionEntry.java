package org.incidentintel.domain.reference;

/**
 * How a dialogue's sources worded one of the threats it named.
 *
 * @param organization id of the organization the wording names (one of the dialogue's
 * {@code threats})
 * @param statedAs the name as the source gave it ("Daesh / ISIS-Khorasan")
 * @param describedAs how the source characterized the threat ("most pressing
 * challenges"), or {@code null}
 */
public record ThreatMentionEntry(String organization, String statedAs, String describedAs) {

	public ThreatMentionEntry {
		Fields.id(Fields.required(organization, "organization"), "organization");
		Fields.required(statedAs, "statedAs");
	}

}
