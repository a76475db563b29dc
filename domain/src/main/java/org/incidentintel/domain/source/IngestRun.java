package org.incidentintel.domain.source;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * One load of one source file: which job execution ran it, what file (by checksum) and
 * what came of each row.
 */
@Entity
public class IngestRun {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	/** The Spring Batch job execution that ran this load, when it ran as a job. */
	private Long jobExecutionId;

	@Column(nullable = false)
	private String dataset;

	@Column(nullable = false)
	private String fileName;

	/** SHA-256 of the file, hex. */
	@Column(nullable = false)
	private String fileChecksum;

	@Enumerated(EnumType.STRING)
	@JdbcTypeCode(SqlTypes.VARCHAR)
	@Column(nullable = false)
	private IngestStatus status;

	@Column(nullable = false)
	private Instant startedAt;

	private Instant finishedAt;

	private long readCount;

	private long insertedCount;

	private long updatedCount;

	private long unchangedCount;

	private long rejectedCount;

	private long filteredCount;

	private String message;

	/**
	 * JSON: {@code rejectsByReason}, {@code warningsByCode},
	 * {@code unresolvedOrganizations} and {@code unresolvedRegions}, each a map of name
	 * to count.
	 */
	private String details;

	protected IngestRun() {
	}

	public IngestRun(String dataset, String fileName, String fileChecksum, Instant startedAt) {
		this.dataset = dataset;
		this.fileName = fileName;
		this.fileChecksum = fileChecksum;
		this.startedAt = startedAt;
		this.status = IngestStatus.RUNNING;
	}

	public void finish(IngestStatus status, Instant finishedAt, String message) {
		this.status = status;
		this.finishedAt = finishedAt;
		this.message = message;
	}

	public void setCounts(long read, long inserted, long updated, long unchanged, long rejected) {
		this.readCount = read;
		this.insertedCount = inserted;
		this.updatedCount = updated;
		this.unchangedCount = unchanged;
		this.rejectedCount = rejected;
	}

	public Long getId() {
		return this.id;
	}

	public Long getJobExecutionId() {
		return this.jobExecutionId;
	}

	public void setJobExecutionId(Long jobExecutionId) {
		this.jobExecutionId = jobExecutionId;
	}

	public String getDataset() {
		return this.dataset;
	}

	public String getFileName() {
		return this.fileName;
	}

	public String getFileChecksum() {
		return this.fileChecksum;
	}

	public IngestStatus getStatus() {
		return this.status;
	}

	public Instant getStartedAt() {
		return this.startedAt;
	}

	public Instant getFinishedAt() {
		return this.finishedAt;
	}

	public long getReadCount() {
		return this.readCount;
	}

	public long getInsertedCount() {
		return this.insertedCount;
	}

	public long getUpdatedCount() {
		return this.updatedCount;
	}

	public long getUnchangedCount() {
		return this.unchangedCount;
	}

	public long getRejectedCount() {
		return this.rejectedCount;
	}

	public long getFilteredCount() {
		return this.filteredCount;
	}

	public String getDetails() {
		return this.details;
	}

	public String getMessage() {
		return this.message;
	}

}
