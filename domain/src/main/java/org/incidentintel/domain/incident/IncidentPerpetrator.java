package org.incidentintel.domain.incident;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.incidentintel.domain.organization.Organization;

/**
 * An organization's part in an incident. The name as the source reported it is always
 * kept, so an unresolved name (no organization yet) is never lost.
 */
@Entity
public class IncidentPerpetrator {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "incident_id")
	private Incident incident;

	@ManyToOne(fetch = FetchType.LAZY)
	@JoinColumn(name = "organization_id")
	private Organization organization;

	@Column(nullable = false)
	private String nameAsReported;

	@Enumerated(EnumType.STRING)
	@JdbcTypeCode(SqlTypes.VARCHAR)
	@Column(nullable = false)
	private PerpetratorRole role;

	@Column(nullable = false)
	private boolean suspected;

	protected IncidentPerpetrator() {
	}

	IncidentPerpetrator(Incident incident, Organization organization, String nameAsReported, PerpetratorRole role,
			boolean suspected) {
		this.incident = incident;
		this.organization = organization;
		this.nameAsReported = nameAsReported;
		this.role = role;
		this.suspected = suspected;
	}

	public Long getId() {
		return this.id;
	}

	public Incident getIncident() {
		return this.incident;
	}

	public Organization getOrganization() {
		return this.organization;
	}

	public String getNameAsReported() {
		return this.nameAsReported;
	}

	public PerpetratorRole getRole() {
		return this.role;
	}

	public boolean isSuspected() {
		return this.suspected;
	}

}
