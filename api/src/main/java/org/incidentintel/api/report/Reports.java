package org.incidentintel.api.report;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.incidentintel.api.report.FigureReconciliation.DatasetCoverage;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Reads security reports and their figures, and aggregates the incidents and source
 * records of their periods for the reconciliation; every per-report read takes many
 * reports at once.
 */
@Repository
class Reports {

	private static final String COLUMNS = "r.id, r.ref_key, r.title, r.publisher_id, r.country, r.period_from, "
			+ "r.period_to, r.published_on, r.published_precision";

	private final NamedParameterJdbcTemplate jdbc;

	Reports(NamedParameterJdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	Map<Long, SecurityReport> findByIds(Collection<Long> ids) {
		Map<Long, SecurityReport> result = new LinkedHashMap<>();
		if (!ids.isEmpty()) {
			this.jdbc.query("select " + COLUMNS + " from security_report r where r.id in (:ids)", Map.of("ids", ids),
					(rs) -> {
						SecurityReport report = map(rs);
						result.put(report.id(), report);
					});
		}
		return result;
	}

	/**
	 * A page of reports, the most recent period first, after the given keyset values;
	 * {@code limit} rows at most.
	 */
	List<SecurityReport> findPage(LocalDate afterPeriodFrom, Long afterId, int limit) {
		MapSqlParameterSource parameters = new MapSqlParameterSource("limit", limit);
		String where = "";
		if (afterPeriodFrom != null) {
			where = " where r.period_from < :afterFrom or (r.period_from = :afterFrom and r.id < :afterId)";
			parameters.addValue("afterFrom", afterPeriodFrom).addValue("afterId", afterId);
		}
		return this.jdbc.query(
				"select " + COLUMNS + " from security_report r" + where
						+ " order by r.period_from desc, r.id desc fetch first :limit rows only",
				parameters, (rs, row) -> map(rs));
	}

	long count() {
		Long count = this.jdbc.getJdbcTemplate().queryForObject("select count(*) from security_report", Long.class);
		return (count != null) ? count : 0;
	}

	/** The reports each document cites, by document id, the earliest period first. */
	Map<Long, List<SecurityReport>> citedBy(Collection<Long> documentIds) {
		Map<Long, List<SecurityReport>> result = new HashMap<>();
		if (!documentIds.isEmpty()) {
			this.jdbc.query(
					"select c.source_document_id, " + COLUMNS + " from report_citation c "
							+ "join security_report r on r.id = c.report_id where c.source_document_id in (:ids) "
							+ "order by c.source_document_id, r.period_from, r.id",
					Map.of("ids", documentIds), (rs) -> {
						result.computeIfAbsent(rs.getLong("source_document_id"), (id) -> new ArrayList<>())
							.add(map(rs));
					});
		}
		return result;
	}

	Map<Long, List<ReportFigure>> figuresOf(Collection<Long> reportIds) {
		Map<Long, List<ReportFigure>> result = new HashMap<>();
		if (!reportIds.isEmpty()) {
			this.jdbc.query(
					"select id, report_id, metric, scope, figure_value, share, comparison, note from report_figure "
							+ "where report_id in (:ids) order by report_id, position",
					Map.of("ids", reportIds), (rs) -> {
						ReportFigure figure = new ReportFigure(rs.getLong("id"), rs.getLong("report_id"),
								rs.getString("metric"), rs.getString("scope"), decimal(rs, "figure_value"),
								decimal(rs, "share"), rs.getString("comparison"), rs.getString("note"));
						result.computeIfAbsent(figure.reportId(), (id) -> new ArrayList<>()).add(figure);
					});
		}
		return result;
	}

	/**
	 * The incidents whose first day lies in each report's period, aggregated by country
	 * and current region, in one statement.
	 */
	Map<Long, List<Aggregate>> aggregatesOf(Collection<Long> reportIds) {
		Map<Long, List<Aggregate>> result = new HashMap<>();
		if (!reportIds.isEmpty()) {
			this.jdbc.query("""
					select r.id as report_id, i.country, g.ref_key as region_key,
					       count(*) as incidents,
					       coalesce(sum(i.killed), 0) as fatalities,
					       coalesce(sum(i.injured), 0) as injured,
					       sum(case when i.kind = 'ATTACK' then 1 else 0 end) as attacks,
					       sum(case when i.kind = 'SECURITY_OPERATION' then 1 else 0 end) as security_operations,
					       coalesce(sum(case when i.kind = 'ATTACK' then i.killed end), 0) as attack_fatalities,
					       coalesce(sum(case when i.kind = 'SECURITY_OPERATION' then i.killed end), 0)
					           as security_operation_fatalities,
					       coalesce(sum(i.killed_civilians), 0) as civilian_fatalities,
					       coalesce(sum(i.killed_security_forces), 0) as security_force_fatalities,
					       coalesce(sum(i.killed_militants), 0) as militant_fatalities,
					       coalesce(sum(coalesce(i.killed_civilians, 0) + coalesce(i.killed_security_forces, 0)), 0)
					           as civilian_and_security_fatalities
					from security_report r
					join incident i on i.date_start between r.period_from and r.period_to
					left join region g on g.id = i.region_id
					where r.id in (:ids)
					group by r.id, i.country, g.ref_key
					""", Map.of("ids", reportIds), (rs) -> {
				Aggregate aggregate = new Aggregate(rs.getString("country"), rs.getString("region_key"),
						rs.getLong("incidents"), rs.getLong("fatalities"), rs.getLong("injured"), rs.getLong("attacks"),
						rs.getLong("security_operations"), rs.getLong("attack_fatalities"),
						rs.getLong("security_operation_fatalities"), rs.getLong("civilian_fatalities"),
						rs.getLong("security_force_fatalities"), rs.getLong("militant_fatalities"),
						rs.getLong("civilian_and_security_fatalities"));
				result.computeIfAbsent(rs.getLong("report_id"), (id) -> new ArrayList<>()).add(aggregate);
			});
		}
		return result;
	}

	/**
	 * The loaded datasets with source records in each report's period (and country, when
	 * the report has one), with their counts, in one statement.
	 */
	Map<Long, List<DatasetCoverage>> coverageOf(Collection<Long> reportIds) {
		Map<Long, List<DatasetCoverage>> result = new HashMap<>();
		if (!reportIds.isEmpty()) {
			this.jdbc.query("""
					select r.id as report_id, s.dataset, count(*) as records
					from security_report r
					join source_record s on s.date_start between r.period_from and r.period_to
					     and (r.country is null or s.country = r.country)
					where r.id in (:ids)
					group by r.id, s.dataset
					order by r.id, s.dataset
					""", Map.of("ids", reportIds), (rs) -> {
				result.computeIfAbsent(rs.getLong("report_id"), (id) -> new ArrayList<>())
					.add(new DatasetCoverage(rs.getString("dataset"), rs.getLong("records")));
			});
		}
		return result;
	}

	/** Each region key that exists, with its country and the region it merged into. */
	Map<String, RegionRow> regions(Collection<String> regionKeys) {
		Map<String, RegionRow> result = new HashMap<>();
		if (!regionKeys.isEmpty()) {
			this.jdbc.query("""
					select g.ref_key, g.name, g.country, g.valid_to, m.ref_key as merged_into_key,
					       m.name as merged_into_name
					from region g left join region m on m.id = g.merged_into_id
					where g.ref_key in (:keys)
					""", Map.of("keys", regionKeys), (rs) -> {
				result.put(rs.getString("ref_key"),
						new RegionRow(rs.getString("ref_key"), rs.getString("name"), rs.getString("country"),
								rs.getObject("valid_to", LocalDate.class), rs.getString("merged_into_key"),
								rs.getString("merged_into_name")));
			});
		}
		return result;
	}

	private static Double decimal(ResultSet rs, String column) throws SQLException {
		BigDecimal value = rs.getBigDecimal(column);
		return (value != null) ? value.doubleValue() : null;
	}

	private static SecurityReport map(ResultSet rs) throws SQLException {
		return new SecurityReport(rs.getLong("id"), rs.getString("ref_key"), rs.getString("title"),
				rs.getObject("publisher_id", Long.class), rs.getString("country"),
				rs.getObject("period_from", LocalDate.class), rs.getObject("period_to", LocalDate.class),
				rs.getObject("published_on", LocalDate.class), rs.getString("published_precision"));
	}

	/**
	 * The incidents of a report's period in one country and current region (a
	 * {@code null} region key: no region).
	 */
	record Aggregate(String country, String regionKey, long incidents, long fatalities, long injured, long attacks,
			long securityOperations, long attackFatalities, long securityOperationFatalities, long civilianFatalities,
			long securityForceFatalities, long militantFatalities, long civilianAndSecurityFatalities) {
	}

	/**
	 * A region a figure names: a region merged into another ({@code mergedIntoKey})
	 * before a report's period has no incidents of its own in it.
	 */
	record RegionRow(String key, String name, String country, LocalDate validTo, String mergedIntoKey,
			String mergedIntoName) {
	}

}
