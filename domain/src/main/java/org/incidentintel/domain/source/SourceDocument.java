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
import org.incidentintel.domain.organization.Organization;

/**
 * A published document the platform cites: an official statement, a news article, a
 * report or a dataset.
 */
@Entity
public class SourceDocument {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "ref_key", nullable = false, unique = true)
	private String key;

	@Enumerated(EnumType.STRING)
	@JdbcTypeCode(SqlTypes.VARCHAR)
	@Column(nullable = false)
	private SourceDocumentKind kind;

	@Column(nullable = false)
	private String title;

	@ManyToOne(fetch = FetchType.LAZY)
	@JoinColumn(name = "publisher_id")
	private Organization publisher;

	/** Author or byline, e.g. {@code Web Desk}. */
	private String author;

	private LocalDate publishedOn;

	/** "April 2024" is MONTH precision, dated on the 1st. */
	@Enumerated(EnumType.STRING)
	@JdbcTypeCode(SqlTypes.VARCHAR)
	private DatePrecision publishedPrecision;

	private String url;

	protected SourceDocument() {
	}

	public SourceDocument(String key, SourceDocumentKind kind, String title) {
		this.key = key;
		this.kind = kind;
		this.title = title;
	}

	public Long getId() {
		return this.id;
	}

	public String getKey() {
		return this.key;
	}

	public SourceDocumentKind getKind() {
		return this.kind;
	}

	public void setKind(SourceDocumentKind kind) {
		this.kind = kind;
	}

	public String getTitle() {
		return this.title;
	}

	public void setTitle(String title) {
		this.title = title;
	}

	public Organization getPublisher() {
		return this.publisher;
	}

	public void setPublisher(Organization publisher) {
		this.publisher = publisher;
	}

	public String getAuthor() {
		return this.author;
	}

	public void setAuthor(String author) {
		this.author = author;
	}

	public LocalDate getPublishedOn() {
		return this.publishedOn;
	}

	public DatePrecision getPublishedPrecision() {
		return this.publishedPrecision;
	}

	public void setPublished(LocalDate publishedOn, DatePrecision publishedPrecision) {
		this.publishedOn = publishedOn;
		this.publishedPrecision = publishedPrecision;
	}

	public String getUrl() {
		return this.url;
	}

	public void setUrl(String url) {
		this.url = url;
	}

}
