package org.incidentintel.domain.source;

import java.time.LocalDate;

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
import org.incidentintel.domain.common.DatePrecision;
import org.incidentintel.domain.incident.Incident;
import org.incidentintel.domain.incident.IncidentKind;
import org.incidentintel.domain.region.Region;

/**
 * One record of one source file, normalized, with its raw text and provenance. Unique on
 * (dataset, source record id): loading the same record again updates it in place.
 */
@Entity
public class SourceRecord {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	/** The dataset the record comes from, e.g. {@code ucdp-ged}. */
	@Column(nullable = false)
	private String dataset;

	private String datasetVersion;

	@Column(nullable = false)
	private String fileChecksum;

	/** The record's id in its dataset (UCDP {@code id}, GTD {@code eventid}, ...). */
	@Column(nullable = false)
	private String sourceRecordId;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "ingest_run_id")
	private IngestRun ingestRun;

	private Long lineNumber;

	/** SHA-256 of the normalized fields: tells a changed record from an unchanged one. */
	@Column(nullable = false)
	private String contentHash;

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

	@Column(nullable = false)
	private String country;

	/** The region name as the source wrote it, kept even when it resolved. */
	private String regionName;

	@ManyToOne(fetch = FetchType.LAZY)
	@JoinColumn(name = "region_id")
	private Region region;

	@ManyToOne(fetch = FetchType.LAZY)
	@JoinColumn(name = "region_at_event_id")
	private Region regionAtEvent;

	/** The region's name at event time, when it resolved. */
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

	/** Perpetrator names as the source wrote them, one per line. */
	private String perpetratorNames;

	private String summary;

	/** Attack types as the source named them, one per line. */
	private String attackTypes;

	/** Targets or target types as the source named them, one per line. */
	private String targets;

	/** The record as read (CSV line or JSON object). */
	@Column(nullable = false)
	private String rawRecord;

	/** The canonical incident this record is part of; null until deduplication ran. */
	@ManyToOne(fetch = FetchType.LAZY)
	@JoinColumn(name = "incident_id")
	private Incident incident;

	private Double matchScore;

	/** Why this record was linked to its incident (JSON), for curators. */
	private String matchEvidence;

	protected SourceRecord() {
	}

	public SourceRecord(String dataset, String sourceRecordId, String fileChecksum, IngestRun ingestRun,
			String contentHash, String rawRecord) {
		this.dataset = dataset;
		this.sourceRecordId = sourceRecordId;
		this.fileChecksum = fileChecksum;
		this.ingestRun = ingestRun;
		this.contentHash = contentHash;
		this.rawRecord = rawRecord;
	}

	public void setWhen(LocalDate dateStart, LocalDate dateEnd, DatePrecision datePrecision) {
		this.dateStart = dateStart;
		this.dateEnd = dateEnd;
		this.datePrecision = datePrecision;
	}

	public void setWhat(IncidentKind kind, String summary, String perpetratorNames) {
		this.kind = kind;
		this.summary = summary;
		this.perpetratorNames = perpetratorNames;
	}

	public void setWhere(String country, String regionName, Region region, Region regionAtEvent, String district,
			String place, Double latitude, Double longitude) {
		this.country = country;
		this.regionName = regionName;
		this.region = region;
		this.regionAtEvent = regionAtEvent;
		this.district = district;
		this.place = place;
		this.latitude = latitude;
		this.longitude = longitude;
	}

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

	public void linkTo(Incident incident, Double matchScore, String matchEvidence) {
		this.incident = incident;
		this.matchScore = matchScore;
		this.matchEvidence = matchEvidence;
	}

	public Long getId() {
		return this.id;
	}

	public String getDataset() {
		return this.dataset;
	}

	public String getDatasetVersion() {
		return this.datasetVersion;
	}

	public void setDatasetVersion(String datasetVersion) {
		this.datasetVersion = datasetVersion;
	}

	public String getFileChecksum() {
		return this.fileChecksum;
	}

	public String getSourceRecordId() {
		return this.sourceRecordId;
	}

	public IngestRun getIngestRun() {
		return this.ingestRun;
	}

	public Long getLineNumber() {
		return this.lineNumber;
	}

	public void setLineNumber(Long lineNumber) {
		this.lineNumber = lineNumber;
	}

	public String getContentHash() {
		return this.contentHash;
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

	public String getRegionName() {
		return this.regionName;
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

	public String getDistrict() {
		return this.district;
	}

	public String getPlace() {
		return this.place;
	}

	public Double getLatitude() {
		return this.latitude;
	}

	public Double getLongitude() {
		return this.longitude;
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

	public String getPerpetratorNames() {
		return this.perpetratorNames;
	}

	public String getSummary() {
		return this.summary;
	}

	public String getAttackTypes() {
		return this.attackTypes;
	}

	public String getTargets() {
		return this.targets;
	}

	public String getRawRecord() {
		return this.rawRecord;
	}

	public Incident getIncident() {
		return this.incident;
	}

	public Double getMatchScore() {
		return this.matchScore;
	}

	public String getMatchEvidence() {
		return this.matchEvidence;
	}

}
