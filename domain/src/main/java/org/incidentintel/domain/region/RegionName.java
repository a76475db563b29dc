package org.incidentintel.domain.region;

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
 * A name a region carries or carried (official, historical, abbreviation or misspelling),
 * with the period it was in use.
 */
@Entity
public class RegionName {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "region_id")
	private Region region;

	@Column(nullable = false)
	private String name;

	@Column(nullable = false)
	private String normalizedKey;

	private LocalDate validFrom;

	private LocalDate validTo;

	private String note;

	protected RegionName() {
	}

	RegionName(Region region, String name, String normalizedKey, LocalDate validFrom, LocalDate validTo) {
		this.region = region;
		this.name = name;
		this.normalizedKey = normalizedKey;
		this.validFrom = validFrom;
		this.validTo = validTo;
	}

	public Long getId() {
		return this.id;
	}

	public Region getRegion() {
		return this.region;
	}

	public String getName() {
		return this.name;
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

	public void setNote(String note) {
		this.note = note;
	}

}
