package org.incidentintel.domain.report;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

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
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.incidentintel.domain.common.DatePrecision;
import org.incidentintel.domain.organization.Organization;
import org.incidentintel.domain.source.SourceDocument;

/**
 * A periodic security report (such as CRSS's quarterly report) and the figures it
 * published.
 */
@Entity
public class SecurityReport {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "ref_key", nullable = false, unique = true)
	private String key;

	@Column(nullable = false)
	private String title;

	@ManyToOne(fetch = FetchType.LAZY)
	@JoinColumn(name = "publisher_id")
	private Organization publisher;

	private String country;

	@Column(nullable = false)
	private LocalDate periodFrom;

	@Column(nullable = false)
	private LocalDate periodTo;

	private LocalDate publishedOn;

	@Enumerated(EnumType.STRING)
	@JdbcTypeCode(SqlTypes.VARCHAR)
	private DatePrecision publishedPrecision;

	@OneToMany(mappedBy = "report", cascade = CascadeType.ALL, orphanRemoval = true)
	@OrderBy("position")
	private List<ReportFigure> figures = new ArrayList<>();

	@ManyToMany
	@JoinTable(name = "report_source", joinColumns = @JoinColumn(name = "report_id"),
			inverseJoinColumns = @JoinColumn(name = "source_document_id"))
	private Set<SourceDocument> sources = new LinkedHashSet<>();

	/**
	 * Documents that cite the report (a news article on its figures), as opposed to its
	 * sources.
	 */
	@ManyToMany
	@JoinTable(name = "report_citation", joinColumns = @JoinColumn(name = "report_id"),
			inverseJoinColumns = @JoinColumn(name = "source_document_id"))
	private Set<SourceDocument> citedBy = new LinkedHashSet<>();

	protected SecurityReport() {
	}

	public SecurityReport(String key, String title, LocalDate periodFrom, LocalDate periodTo) {
		this.key = key;
		this.title = title;
		this.periodFrom = periodFrom;
		this.periodTo = periodTo;
	}

	public ReportFigure addFigure(String metric, String scope, BigDecimal value, BigDecimal share,
			Comparison comparison, String note) {
		ReportFigure added = new ReportFigure(this, metric, scope, value, share, comparison, note, this.figures.size());
		this.figures.add(added);
		return added;
	}

	/**
	 * Empties figures, sources and citations, so a reload from reference data replaces
	 * rather than appends.
	 */
	public void clearDetails() {
		this.figures.clear();
		this.sources.clear();
		this.citedBy.clear();
	}

	public Long getId() {
		return this.id;
	}

	public String getKey() {
		return this.key;
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

	public String getCountry() {
		return this.country;
	}

	public void setCountry(String country) {
		this.country = country;
	}

	public LocalDate getPeriodFrom() {
		return this.periodFrom;
	}

	public LocalDate getPeriodTo() {
		return this.periodTo;
	}

	public void setPeriod(LocalDate periodFrom, LocalDate periodTo) {
		this.periodFrom = periodFrom;
		this.periodTo = periodTo;
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

	public List<ReportFigure> getFigures() {
		return Collections.unmodifiableList(this.figures);
	}

	public Set<SourceDocument> getSources() {
		return this.sources;
	}

	public Set<SourceDocument> getCitedBy() {
		return this.citedBy;
	}

}
