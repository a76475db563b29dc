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
import java.util.Set;
import java.util.function.ToLongFunction;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.incidentintel.api.report.FigureReconciliation.DatasetCoverage;
import org.incidentintel.api.report.Reports.Aggregate;

import org.springframework.stereotype.Component;

/**
 * Reconciles published figures with the incidents in the database. The counting happens
 * in the database (one aggregate statement for all reports, by country and current
 * region); here the aggregates are only added up by scope and divided for shares.
 */
@Component
class Reconciliations {

	private static final Pattern COUNTRY = Pattern.compile("[A-Z]{3}");

	/** What each metric of the reference data counts, per aggregate. */
	private static final Map<String, ToLongFunction<Aggregate>> METRICS = Map.of("fatalities", Aggregate::fatalities,
			"injured", Aggregate::injured, "incidents", Aggregate::incidents, "attacks", Aggregate::attacks,
			"fatalities_civilians_and_security_forces", Aggregate::civilianAndSecurityFatalities);

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
		Map<String, String> regionCountries = this.reports.countriesOfRegions(regionKeys);
		Map<Long, List<FigureReconciliation>> result = new HashMap<>();
		for (SecurityReport report : reports) {
			List<DatasetCoverage> covering = coverage.getOrDefault(report.id(), List.of());
			String note = coverageNote(report, covering);
			List<Aggregate> rows = aggregates.getOrDefault(report.id(), List.of());
			List<FigureReconciliation> reconciliation = new ArrayList<>();
			for (ReportFigure figure : figures.getOrDefault(report.id(), List.of())) {
				Scope scope = scope(report, figure.scope(), regionCountries);
				ToLongFunction<Aggregate> metric = METRICS.get(figure.metric());
				Long count = (metric != null && scope != null) ? scope.sum(rows, metric) : null;
				if (figure.value() != null) {
					Double computed = (count != null) ? count.doubleValue() : null;
					reconciliation.add(row(figure, "COUNT", figure.value(), computed, note, covering));
				}
				if (figure.share() != null) {
					Double computed = null;
					if (count != null) {
						long total = new Scope(scope.country(), null).sum(rows, metric);
						computed = (total != 0) ? round((double) count / total) : null;
					}
					reconciliation.add(row(figure, "SHARE", figure.share(), computed, note, covering));
				}
			}
			result.put(report.id(), reconciliation);
		}
		return result;
	}

	private static FigureReconciliation row(ReportFigure figure, String measure, double published, Double computed,
			String note, List<DatasetCoverage> covering) {
		Double difference = (computed != null) ? round(computed - published) : null;
		return new FigureReconciliation(figure.metric(), figure.scope(), measure, figure.comparison(), published,
				computed, difference, note, covering);
	}

	private static double round(double value) {
		return BigDecimal.valueOf(value).setScale(SHARE_DECIMALS, RoundingMode.HALF_EVEN).doubleValue();
	}

	private static String coverageNote(SecurityReport report, List<DatasetCoverage> covering) {
		if (covering.isEmpty()) {
			String where = (report.country() != null) ? report.country() + " " : "";
			return "no loaded source covers " + where + report.periodFrom() + ".." + report.periodTo()
					+ ": the computed figures are not evidence of anything";
		}
		return "covered by " + covering.stream()
			.map((source) -> source.dataset() + " (" + String.format(Locale.ENGLISH, "%,d", source.records())
					+ ((source.records() == 1) ? " record" : " records") + " in the period)")
			.collect(Collectors.joining(", "));
	}

	/**
	 * What a figure's scope covers; {@code null} when it names a region that does not
	 * exist.
	 */
	private static Scope scope(SecurityReport report, String scope, Map<String, String> regionCountries) {
		if (isCountry(scope)) {
			return new Scope(scope, null);
		}
		List<String> keys = regionKeys(scope);
		if (!regionCountries.keySet().containsAll(keys)) {
			return null;
		}
		String country = (report.country() != null) ? report.country() : regionCountries.get(keys.get(0));
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
