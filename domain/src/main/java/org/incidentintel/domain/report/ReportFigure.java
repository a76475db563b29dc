package org.incidentintel.domain.report;

import java.math.BigDecimal;

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

/**
 * One aggregate figure a report published: a metric over a scope, as a value, a share, or
 * both.
 */
@Entity
public class ReportFigure {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "report_id")
	private SecurityReport report;

	/** What is counted, e.g. {@code fatalities}, {@code incidents}. */
	@Column(nullable = false)
	private String metric;

	/**
	 * What it is counted over: a country, a region key, or a combination such as
	 * {@code PK-KP+PK-BA}.
	 */
	@Column(nullable = false)
	private String scope;

	// "value" is a reserved word in H2
	@Column(name = "figure_value")
	private BigDecimal value;

	/** A fraction 0..1 of the report's total for the metric. */
	private BigDecimal share;

	@Enumerated(EnumType.STRING)
	@JdbcTypeCode(SqlTypes.VARCHAR)
	@Column(nullable = false)
	private Comparison comparison;

	private String note;

	@Column(nullable = false)
	private int position;

	protected ReportFigure() {
	}

	ReportFigure(SecurityReport report, String metric, String scope, BigDecimal value, BigDecimal share,
			Comparison comparison, String note, int position) {
		this.report = report;
		this.metric = metric;
		this.scope = scope;
		this.value = value;
		this.share = share;
		this.comparison = comparison;
		this.note = note;
		this.position = position;
	}

	public Long getId() {
		return this.id;
	}

	public SecurityReport getReport() {
		return this.report;
	}

	public String getMetric() {
		return this.metric;
	}

	public String getScope() {
		return this.scope;
	}

	public BigDecimal getValue() {
		return this.value;
	}

	public BigDecimal getShare() {
		return this.share;
	}

	public Comparison getComparison() {
		return this.comparison;
	}

	public String getNote() {
		return this.note;
	}

	public int getPosition() {
		return this.position;
	}

}
