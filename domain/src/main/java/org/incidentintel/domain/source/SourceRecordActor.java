package org.incidentintel.domain.source;

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
import org.incidentintel.domain.incident.PerpetratorRole;
import org.incidentintel.domain.organization.Organization;

/**
 * An actor of a source record as the source named it, and the organization it resolved to
 * (none when the name is not known yet: a curator can add the alias, and the next load
 * resolves it).
 */
@Entity
public class SourceRecordActor {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "source_record_id")
	private SourceRecord sourceRecord;

	@Column(nullable = false)
	private int position;

	@Column(nullable = false)
	private String nameAsReported;

	@ManyToOne(fetch = FetchType.LAZY)
	@JoinColumn(name = "organization_id")
	private Organization organization;

	@Enumerated(EnumType.STRING)
	@JdbcTypeCode(SqlTypes.VARCHAR)
	@Column(nullable = false)
	private PerpetratorRole role;

	@Column(nullable = false)
	private boolean suspected;

	protected SourceRecordActor() {
	}

	public Long getId() {
		return this.id;
	}

	public SourceRecord getSourceRecord() {
		return this.sourceRecord;
	}

	public int getPosition() {
		return this.position;
	}

	public String getNameAsReported() {
		return this.nameAsReported;
	}

	public Organization getOrganization() {
		return this.organization;
	}

	public PerpetratorRole getRole() {
		return this.role;
	}

	public boolean isSuspected() {
		return this.suspected;
	}

}
