package org.incidentintel.domain.organization;

import java.time.LocalDate;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import jakarta.persistence.CascadeType;
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
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A militant group, government body, security force, research centre, forum or outlet,
 * known under any number of aliases.
 */
@Entity
public class Organization {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	/** Stable key from the reference data, e.g. {@code ttp}. */
	@Column(name = "ref_key", nullable = false, unique = true)
	private String key;

	@Column(nullable = false)
	private String name;

	private String acronym;

	@Enumerated(EnumType.STRING)
	@JdbcTypeCode(SqlTypes.VARCHAR)
	@Column(nullable = false)
	private OrganizationKind kind;

	private String country;

	@ManyToOne(fetch = FetchType.LAZY)
	@JoinColumn(name = "parent_id")
	private Organization parent;

	/** First day it belongs to its parent; {@code null}: since ever. */
	private LocalDate parentValidFrom;

	/** Last day it belongs to its parent; {@code null}: still. */
	private LocalDate parentValidTo;

	/**
	 * Set when a curator merged this organization into another one: it redirects there.
	 */
	@ManyToOne(fetch = FetchType.LAZY)
	@JoinColumn(name = "merged_into_id")
	private Organization mergedInto;

	private String description;

	@OneToMany(mappedBy = "organization", cascade = CascadeType.ALL, orphanRemoval = true)
	@OrderBy("id")
	private List<OrganizationAlias> aliases = new ArrayList<>();

	protected Organization() {
	}

	public Organization(String key, String name, OrganizationKind kind) {
		this.key = key;
		this.name = name;
		this.kind = kind;
	}

	public OrganizationAlias addAlias(String alias, String normalizedKey) {
		OrganizationAlias added = new OrganizationAlias(this, alias, normalizedKey);
		this.aliases.add(added);
		return added;
	}

	public Long getId() {
		return this.id;
	}

	public String getKey() {
		return this.key;
	}

	public String getName() {
		return this.name;
	}

	public void setName(String name) {
		this.name = name;
	}

	public String getAcronym() {
		return this.acronym;
	}

	public void setAcronym(String acronym) {
		this.acronym = acronym;
	}

	public OrganizationKind getKind() {
		return this.kind;
	}

	public void setKind(OrganizationKind kind) {
		this.kind = kind;
	}

	public String getCountry() {
		return this.country;
	}

	public void setCountry(String country) {
		this.country = country;
	}

	public Organization getParent() {
		return this.parent;
	}

	public void setParent(Organization parent) {
		this.parent = parent;
	}

	public LocalDate getParentValidFrom() {
		return this.parentValidFrom;
	}

	public LocalDate getParentValidTo() {
		return this.parentValidTo;
	}

	/** The days it belongs to its parent, inclusive; {@code null} for open-ended. */
	public void setParentPeriod(LocalDate validFrom, LocalDate validTo) {
		this.parentValidFrom = validFrom;
		this.parentValidTo = validTo;
	}

	public Organization getMergedInto() {
		return this.mergedInto;
	}

	public void setMergedInto(Organization mergedInto) {
		this.mergedInto = mergedInto;
	}

	public String getDescription() {
		return this.description;
	}

	public void setDescription(String description) {
		this.description = description;
	}

	public List<OrganizationAlias> getAliases() {
		return Collections.unmodifiableList(this.aliases);
	}

	public void clearAliases() {
		this.aliases.clear();
	}

}
