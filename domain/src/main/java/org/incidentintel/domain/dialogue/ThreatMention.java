package org.incidentintel.domain.dialogue;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import org.incidentintel.domain.organization.Organization;

/**
 * How a dialogue's sources worded a threat they named ("Daesh / ISIS-Khorasan"), next to
 * the organization that wording was resolved to: resolution must not lose what was said.
 */
@Embeddable
public class ThreatMention {

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "organization_id", nullable = false)
	private Organization organization;

	/** The name as the source wrote it. */
	@Column(name = "stated_as", nullable = false)
	private String statedAs;

	/**
	 * How the source characterized the threat ("most pressing challenges"), if it did.
	 */
	@Column(name = "described_as")
	private String describedAs;

	protected ThreatMention() {
	}

	public ThreatMention(Organization organization, String statedAs, String describedAs) {
		this.organization = organization;
		this.statedAs = statedAs;
		this.describedAs = describedAs;
	}

	public Organization getOrganization() {
		return this.organization;
	}

	public String getStatedAs() {
		return this.statedAs;
	}

	public String getDescribedAs() {
		return this.describedAs;
	}

}
