package org.incidentintel.domain.source;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;

/**
 * A row that could not be loaded, kept verbatim with where it came from and why it was
 * refused.
 */
@Entity
public class RejectedRecord {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "ingest_run_id")
	private IngestRun ingestRun;

	@Column(nullable = false)
	private String fileName;

	private Long lineNumber;

	/** The field at fault, when one field is. */
	private String field;

	/** A stable code such as {@code BAD_DATE} or {@code NEGATIVE_COUNT}. */
	@Column(nullable = false)
	private String reasonCode;

	@Column(nullable = false)
	private String message;

	private String rawText;

	protected RejectedRecord() {
	}

	public RejectedRecord(IngestRun ingestRun, String fileName, Long lineNumber, String field, String reasonCode,
			String message, String rawText) {
		this.ingestRun = ingestRun;
		this.fileName = fileName;
		this.lineNumber = lineNumber;
		this.field = field;
		this.reasonCode = reasonCode;
		this.message = message;
		this.rawText = rawText;
	}

	public Long getId() {
		return this.id;
	}

	public IngestRun getIngestRun() {
		return this.ingestRun;
	}

	public String getFileName() {
		return this.fileName;
	}

	public Long getLineNumber() {
		return this.lineNumber;
	}

	public String getField() {
		return this.field;
	}

	public String getReasonCode() {
		return this.reasonCode;
	}

	public String getMessage() {
		return this.message;
	}

	public String getRawText() {
		return this.rawText;
	}

}
