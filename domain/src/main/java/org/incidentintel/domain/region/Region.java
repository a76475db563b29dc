package org.incidentintel.domain.region;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;

/**
 * A first-level administrative region (province, territory) of a country, with the period
 * it existed and the names it carried over time.
 */
@Entity
public class Region {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	/** Stable key from the reference data, e.g. {@code PK-KP}. */
	@Column(name = "ref_key", nullable = false, unique = true)
	private String key;

	@Column(nullable = false)
	private String country;

	@Column(nullable = false)
	private String name;

	private String isoCode;

	@ManyToOne(fetch = FetchType.LAZY)
	@JoinColumn(name = "parent_id")
	private Region parent;

	/** The region that absorbed this one (FATA into Khyber Pakhtunkhwa in 2018). */
	@ManyToOne(fetch = FetchType.LAZY)
	@JoinColumn(name = "merged_into_id")
	private Region mergedInto;

	private LocalDate validFrom;

	private LocalDate validTo;

	@OneToMany(mappedBy = "region", cascade = CascadeType.ALL, orphanRemoval = true)
	@OrderBy("id")
	private List<RegionName> names = new ArrayList<>();

	protected Region() {
	}

	public Region(String key, String country, String name) {
		this.key = key;
		this.country = country;
		this.name = name;
	}

	public RegionName addName(String name, String normalizedKey, LocalDate validFrom, LocalDate validTo) {
		RegionName added = new RegionName(this, name, normalizedKey, validFrom, validTo);
		this.names.add(added);
		return added;
	}

	public Long getId() {
		return this.id;
	}

	public String getKey() {
		return this.key;
	}

	public String getCountry() {
		return this.country;
	}

	public String getName() {
		return this.name;
	}

	public void setName(String name) {
		this.name = name;
	}

	public String getIsoCode() {
		return this.isoCode;
	}

	public void setIsoCode(String isoCode) {
		this.isoCode = isoCode;
	}

	public Region getParent() {
		return this.parent;
	}

	public void setParent(Region parent) {
		this.parent = parent;
	}

	public Region getMergedInto() {
		return this.mergedInto;
	}

	public void setMergedInto(Region mergedInto) {
		this.mergedInto = mergedInto;
	}

	public LocalDate getValidFrom() {
		return this.validFrom;
	}

	public LocalDate getValidTo() {
		return this.validTo;
	}

	public void setValidity(LocalDate validFrom, LocalDate validTo) {
		this.validFrom = validFrom;
		this.validTo = validTo;
	}

	public List<RegionName> getNames() {
		return Collections.unmodifiableList(this.names);
	}

	public void clearNames() {
		this.names.clear();
	}

}
