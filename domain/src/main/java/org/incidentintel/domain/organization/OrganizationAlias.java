package org.incidentintel.domain.organization;

import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;

/**
 * One name an organization is known by, with its normalized key for lookups.
 */
@Entity
public class OrganizationAlias {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "organization_id")
	private Organization organization;

	@Column(nullable = false)
	private String alias;

	@Column(nullable = false)
	private String normalizedKey;

	private LocalDate validFrom;

	private LocalDate validTo;

	private String note;

	// Comma-separated ISO 3166 alpha-3 codes; null: anywhere (KnownAlias.countries)
	private String countries;

	protected OrganizationAlias() {
	}

	OrganizationAlias(Organization organization, String alias, String normalizedKey) {
		this.organization = organization;
		this.alias = alias;
		this.normalizedKey = normalizedKey;
	}

	public Long getId() {
		return this.id;
	}

	public Organization getOrganization() {
		return this.organization;
	}

	public String getAlias() {
		return this.alias;
	}

	public String getNormalizedKey() {
		return this.normalizedKey;
	}

	public LocalDate getValidFrom() {
		return this.validFrom;
	}

	public LocalDate getValidTo() {
		return this.validTo;
	}

	public String getNote() {
		return this.note;
	}

	public void setValidity(LocalDate validFrom, LocalDate validTo) {
		this.validFrom = validFrom;
		this.validTo = validTo;
	}

	public void setCountries(java.util.Collection<String> countries) {
		this.countries = (countries == null || countries.isEmpty()) ? null
				: String.join(",", new java.util.TreeSet<>(countries));
	}

	public String getCountries() {
		return this.countries;
	}

	public void setNote(String note) {
		this.note = note;
	}

}
