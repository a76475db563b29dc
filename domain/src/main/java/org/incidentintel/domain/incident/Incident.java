package org.incidentintel.domain.incident;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.persistence.CascadeType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
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
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.incidentintel.domain.common.DatePrecision;
import org.incidentintel.domain.organization.Organization;
import org.incidentintel.domain.region.Region;

/**
 * A canonical incident: one real event, however many sources reported it.
 */
@Entity
public class Incident {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(nullable = false)
	private LocalDate dateStart;

	@Column(nullable = false)
	private LocalDate dateEnd;

	@Enumerated(EnumType.STRING)
	@JdbcTypeCode(SqlTypes.VARCHAR)
	@Column(nullable = false)
	private DatePrecision datePrecision;

	@Enumerated(EnumType.STRING)
	@JdbcTypeCode(SqlTypes.VARCHAR)
	@Column(nullable = false)
	private IncidentKind kind;

	/** ISO 3166 alpha-3. */
	@Column(nullable = false)
	private String country;

	/** The region as it is today (FATA events belong to Khyber Pakhtunkhwa). */
	@ManyToOne(fetch = FetchType.LAZY)
	@JoinColumn(name = "region_id")
	private Region region;

	/** The region as it was when the event happened (FATA before 2018-05-31). */
	@ManyToOne(fetch = FetchType.LAZY)
	@JoinColumn(name = "region_at_event_id")
	private Region regionAtEvent;

	/**
	 * The region's name at event time (North-West Frontier Province before 2010-04-19).
	 */
	private String regionNameAtEvent;

	private String district;

	private String place;

	private Double latitude;

	private Double longitude;

	private Integer killed;

	private Integer killedLow;

	private Integer killedHigh;

	private Integer killedCivilians;

	private Integer killedSecurityForces;

	private Integer killedMilitants;

	private Integer killedUnknown;

	private Integer injured;

	private String summary;

	@ElementCollection
	@CollectionTable(name = "incident_attack_type", joinColumns = @JoinColumn(name = "incident_id"))
	@Column(name = "attack_type")
	private Set<String> attackTypes = new LinkedHashSet<>();

	@ElementCollection
	@CollectionTable(name = "incident_target", joinColumns = @JoinColumn(name = "incident_id"))
	@Column(name = "target")
	private Set<String> targets = new LinkedHashSet<>();

	@OneToMany(mappedBy = "incident", cascade = CascadeType.ALL, orphanRemoval = true)
	@OrderBy("id")
	private List<IncidentPerpetrator> perpetrators = new ArrayList<>();

	/** The source record this incident was first built from. */
	private Long originSourceRecordId;

	@Column(nullable = false)
	private Instant createdAt;

	@Column(nullable = false)
	private Instant updatedAt;

	protected Incident() {
	}

	public Incident(LocalDate dateStart, LocalDate dateEnd, DatePrecision datePrecision, IncidentKind kind,
			String country) {
		this.dateStart = dateStart;
		this.dateEnd = dateEnd;
		this.datePrecision = datePrecision;
		this.kind = kind;
		this.country = country;
	}

	@PrePersist
	@PreUpdate
	void touch() {
		this.updatedAt = Instant.now();
		if (this.createdAt == null) {
			this.createdAt = this.updatedAt;
		}
	}

	public IncidentPerpetrator addPerpetrator(Organization organization, String nameAsReported, PerpetratorRole role,
			boolean suspected) {
		IncidentPerpetrator added = new IncidentPerpetrator(this, organization, nameAsReported, role, suspected);
		this.perpetrators.add(added);
		return added;
	}

	public Long getId() {
		return this.id;
	}

	public LocalDate getDateStart() {
		return this.dateStart;
	}

	public LocalDate getDateEnd() {
		return this.dateEnd;
	}

	public DatePrecision getDatePrecision() {
		return this.datePrecision;
	}

	public IncidentKind getKind() {
		return this.kind;
	}

	public String getCountry() {
		return this.country;
	}

	public Region getRegion() {
		return this.region;
	}

	public Region getRegionAtEvent() {
		return this.regionAtEvent;
	}

	public String getRegionNameAtEvent() {
		return this.regionNameAtEvent;
	}

	public void setRegion(Region region, Region regionAtEvent, String regionNameAtEvent) {
		this.region = region;
		this.regionAtEvent = regionAtEvent;
		this.regionNameAtEvent = regionNameAtEvent;
	}

	public String getDistrict() {
		return this.district;
	}

	public String getPlace() {
		return this.place;
	}

	public void setPlace(String district, String place) {
		this.district = district;
		this.place = place;
	}

	public Double getLatitude() {
		return this.latitude;
	}

	public Double getLongitude() {
		return this.longitude;
	}

	public void setLocation(Double latitude, Double longitude) {
		this.latitude = latitude;
		this.longitude = longitude;
	}

	public Integer getKilled() {
		return this.killed;
	}

	public Integer getKilledLow() {
		return this.killedLow;
	}

	public Integer getKilledHigh() {
		return this.killedHigh;
	}

	public Integer getKilledCivilians() {
		return this.killedCivilians;
	}

	public Integer getKilledSecurityForces() {
		return this.killedSecurityForces;
	}

	public Integer getKilledMilitants() {
		return this.killedMilitants;
	}

	public Integer getKilledUnknown() {
		return this.killedUnknown;
	}

	public Integer getInjured() {
		return this.injured;
	}

	/** Sets every casualty figure at once, so a partial update cannot mix two sources. */
	public void setCasualties(Integer killed, Integer killedLow, Integer killedHigh, Integer civilians,
			Integer securityForces, Integer militants, Integer unknown, Integer injured) {
		this.killed = killed;
		this.killedLow = killedLow;
		this.killedHigh = killedHigh;
		this.killedCivilians = civilians;
		this.killedSecurityForces = securityForces;
		this.killedMilitants = militants;
		this.killedUnknown = unknown;
		this.injured = injured;
	}

	public String getSummary() {
		return this.summary;
	}

	public void setSummary(String summary) {
		this.summary = summary;
	}

	public Set<String> getAttackTypes() {
		return this.attackTypes;
	}

	public Set<String> getTargets() {
		return this.targets;
	}

	public List<IncidentPerpetrator> getPerpetrators() {
		return Collections.unmodifiableList(this.perpetrators);
	}

	public Long getOriginSourceRecordId() {
		return this.originSourceRecordId;
	}

	public Instant getCreatedAt() {
		return this.createdAt;
	}

	public Instant getUpdatedAt() {
		return this.updatedAt;
	}

}
