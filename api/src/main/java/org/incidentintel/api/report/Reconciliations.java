package org.incidentintel.api.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.ToLongFunction;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.incidentintel.api.report.FigureReconciliation.DatasetCoverage;
import org.incidentintel.api.report.Reports.Aggregate;
import org.incidentintel.api.report.Reports.RegionRow;

import org.springframework.stereotype.Component;

/**
 * Reconciles published figures with the incidents in the database. The counting happens
 * in the database (one aggregate statement for all reports, by country and current
 * region); here the aggregates are only added up by scope and divided for shares.
 */
@Component
class Reconciliations {

	private static final Pattern COUNTRY = Pattern.compile("[A-Z]{3}");

	/**
	 * What each metric of the reference data counts, per aggregate; a metric missing here
	 * (suicide attacks, militants killed in operations) is not computed.
	 */
	private static final Map<String, ToLongFunction<Aggregate>> METRICS = Map.ofEntries(
			Map.entry("fatalities", Aggregate::fatalities), Map.entry("injured", Aggregate::injured),
			Map.entry("incidents", Aggregate::incidents), Map.entry("attacks", Aggregate::attacks),
			Map.entry("security_operations", Aggregate::securityOperations),
			Map.entry("fatalities_in_attacks", Aggregate::attackFatalities),
			Map.entry("fatalities_in_security_operations", Aggregate::securityOperationFatalities),
			Map.entry("fatalities_civilians", Aggregate::civilianFatalities),
			Map.entry("fatalities_security_forces", Aggregate::securityForceFatalities),
			Map.entry("fatalities_militants", Aggregate::militantFatalities),
			Map.entry("fatalities_civilians_and_security_forces", Aggregate::civilianAndSecurityFatalities));

	/**
	 * What a dataset leaves out by design, said next to its counts: a gap to a report's
	 * figure is then read as scope, not as lost data.
	 */
	private static final Map<String, String> DATASET_SCOPES = Map.of("ucdp-ged",
			"UCDP GED codes only organized violence with a known actor (state-based, non-state and one-sided "
					+ "violence of actors with at least 25 battle-related deaths in a year) and records no injuries, "
					+ "so its counts fall short of a report counting every violence-related death");

	private static final int SHARE_DECIMALS = 4;

	private final Reports reports;

	Reconciliations(Reports reports) {
		this.reports = reports;
	}

	/**
	 * The reconciliation of each report's figures: a row per published count and per
	 * published share, in the report's order.
	 */
	Map<Long, List<FigureReconciliation>> of(Collection<SecurityReport> reports) {
		List<Long> ids = reports.stream().map(SecurityReport::id).distinct().toList();
		Map<Long, List<ReportFigure>> figures = this.reports.figuresOf(ids);
		Map<Long, List<Aggregate>> aggregates = this.reports.aggregatesOf(ids);
		Map<Long, List<DatasetCoverage>> coverage = this.reports.coverageOf(ids);
		Set<String> regionKeys = figures.values()
			.stream()
			.flatMap(List::stream)
			.filter((figure) -> !isCountry(figure.scope()))
			.flatMap((figure) -> regionKeys(figure.scope()).stream())
			.collect(Collectors.toSet());
		Map<String, RegionRow> regions = this.reports.regions(regionKeys);
		Map<Long, List<FigureReconciliation>> result = new HashMap<>();
		for (SecurityReport report : reports) {
			List<DatasetCoverage> covering = coverage.getOrDefault(report.id(), List.of());
			String coverageNote = coverageNote(report, covering);
			List<Aggregate> rows = aggregates.getOrDefault(report.id(), List.of());
			List<ReportFigure> reportFigures = figures.getOrDefault(report.id(), List.of());
			List<FigureReconciliation> reconciliation = new ArrayList<>();
			for (ReportFigure figure : reportFigures) {
				Scope scope = scope(report, figure.scope(), regions);
				String note = scopeNote(report, figure, reportFigures, regions);
				ToLongFunction<Aggregate> metric = METRICS.get(figure.metric());
				// Without a source covering the period a computed 0 would read as a
				// finding
				boolean computable = !covering.isEmpty() && metric != null && scope != null
						&& mergedBefore(report, scope, regions) == null;
				Long count = computable ? scope.sum(rows, metric) : null;
				if (figure.value() != null) {
					Double computed = (count != null) ? count.doubleValue() : null;
					reconciliation.add(row(figure, "COUNT", figure.value(), computed, coverageNote, covering, note));
				}
				if (figure.share() != null) {
					Double computed = null;
					if (count != null) {
						long total = new Scope(scope.country(), null).sum(rows,
								METRICS.get(shareBase(figure.metric())));
						computed = (total != 0) ? round((double) count / total) : null;
					}
					reconciliation.add(row(figure, "SHARE", figure.share(), computed, coverageNote, covering, note));
				}
			}
			result.put(report.id(), reconciliation);
		}
		return result;
	}

	/**
	 * What a share is a fraction of: every fatalities metric ("civilians and security
	 * personnel were 74% of the dead") is a share of all fatalities, any other metric a
	 * share of its own country total.
	 */
	private static String shareBase(String metric) {
		return metric.startsWith("fatalities_") ? "fatalities" : metric;
	}

	private static FigureReconciliation row(ReportFigure figure, String measure, double published, Double computed,
			String coverage, List<DatasetCoverage> covering, String note) {
		Double difference = (computed != null) ? round(computed - published) : null;
		return new FigureReconciliation(figure.metric(), figure.scope(), measure, figure.comparison(), published,
				computed, difference, coverage, covering, note);
	}

	/**
	 * Why a figure's scope does not match the database's regions, or {@code null}. The
	 * database counts every incident under today's province, so a region merged away
	 * before the period (the former FATA) has no incidents of its own, and its successor
	 * holds them when the report counts the two apart.
	 */
	private static String scopeNote(SecurityReport report, ReportFigure figure, List<ReportFigure> reportFigures,
			Map<String, RegionRow> regions) {
		if (isCountry(figure.scope())) {
			return null;
		}
		Scope scope = scope(report, figure.scope(), regions);
		if (scope == null) {
			return "unknown region in " + figure.scope();
		}
		RegionRow merged = mergedBefore(report, scope, regions);
		if (merged != null) {
			return merged.name() + " became part of " + merged.mergedIntoName() + " on " + merged.validTo().plusDays(1)
					+ ": the database counts its incidents under " + merged.mergedIntoKey()
					+ ", so none is computed for " + figure.scope();
		}
		for (ReportFigure other : reportFigures) {
			RegionRow apart = isCountry(other.scope()) ? null : regions.get(other.scope());
			if (apart != null && apart.mergedIntoKey() != null && scope.regionKeys().contains(apart.mergedIntoKey())
					&& !scope.regionKeys().contains(apart.key()) && apart.validTo() != null
					&& apart.validTo().isBefore(report.periodFrom())) {
				return "the report counts " + apart.name() + " (" + apart.key()
						+ ") apart; the database counts it under " + apart.mergedIntoKey()
						+ ", so the computed figure includes it";
			}
		}
		return null;
	}

	/** A region of the scope merged into another before the report's period, or null. */
	private static RegionRow mergedBefore(SecurityReport report, Scope scope, Map<String, RegionRow> regions) {
		if (scope.regionKeys() == null) {
			return null;
		}
		return scope.regionKeys()
			.stream()
			.map(regions::get)
			.filter((region) -> region.mergedIntoKey() != null && region.validTo() != null
					&& region.validTo().isBefore(report.periodFrom())
					&& !scope.regionKeys().contains(region.mergedIntoKey()))
			.findFirst()
			.orElse(null);
	}

	private static double round(double value) {
		return BigDecimal.valueOf(value).setScale(SHARE_DECIMALS, RoundingMode.HALF_EVEN).doubleValue();
	}

	private static String coverageNote(SecurityReport report, List<DatasetCoverage> covering) {
		if (covering.isEmpty()) {
			String where = (report.country() != null) ? report.country() + " " : "";
			return "no loaded source covers " + where + report.periodFrom() + ".." + report.periodTo()
					+ ": nothing is computed";
		}
		String note = "covered by " + covering.stream()
			.map((source) -> source.dataset() + " (" + String.format(Locale.ENGLISH, "%,d", source.records())
					+ ((source.records() == 1) ? " record" : " records") + " in the period)")
			.collect(Collectors.joining(", "));
		String scopes = covering.stream()
			.map((source) -> DATASET_SCOPES.get(source.dataset()))
			.filter(Objects::nonNull)
			.collect(Collectors.joining("; "));
		return scopes.isEmpty() ? note : note + "; " + scopes;
	}

	/**
	 * What a figure's scope covers; {@code null} when it names a region that does not
	 * exist.
	 */
	private static Scope scope(SecurityReport report, String scope, Map<String, RegionRow> regions) {
		if (isCountry(scope)) {
			return new Scope(scope, null);
		}
		List<String> keys = regionKeys(scope);
		if (!regions.keySet().containsAll(keys)) {
			return null;
		}
		String country = (report.country() != null) ? report.country() : regions.get(keys.get(0)).country();
		return new Scope(country, Set.copyOf(keys));
	}

	private static boolean isCountry(String scope) {
		return COUNTRY.matcher(scope).matches();
	}

	private static List<String> regionKeys(String scope) {
		return Arrays.stream(scope.split("\\+")).map(String::strip).filter((key) -> !key.isEmpty()).toList();
	}

	/**
	 * A country, or a union of regions (in that country) when region keys are given.
	 */
	private record Scope(String country, Set<String> regionKeys) {

		long sum(List<Aggregate> aggregates, ToLongFunction<Aggregate> metric) {
			return aggregates.stream()
				.filter((aggregate) -> (this.regionKeys != null)
						? aggregate.regionKey() != null && this.regionKeys.contains(aggregate.regionKey())
						: this.country.equals(aggregate.country()))
				.mapToLong(metric)
				.sum();
		}

	}

}
