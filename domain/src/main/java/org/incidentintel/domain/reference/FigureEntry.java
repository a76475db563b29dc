package org.incidentintel.domain.reference;

import java.math.BigDecimal;
import java.util.Set;

import org.incidentintel.domain.report.Comparison;

/**
 * One aggregate figure of a security report: a count, a share, or both.
 *
 * @param metric what is counted, one of {@link #METRICS}
 * @param scope where: a country code ({@code PAK}), a region id ({@code pk-kp}) or region
 * ids joined by {@code +} ({@code pk-kp+pk-ba}) for a combined figure
 * @param value the count, or {@code null}
 * @param share the fraction (0..1) of the report's country total (of all fatalities for a
 * fatalities metric), or {@code null}
 * @param comparison how the published figure bounds the real one; {@code EQUAL} if not
 * given
 * @param note a remark on the figure, or {@code null}
 */
public record FigureEntry(String metric, String scope, BigDecimal value, BigDecimal share, Comparison comparison,
		String note) {

	/**
	 * The metrics a figure may count: people killed, injured, incidents (attacks and
	 * security operations together), attacks (by militants only), security operations,
	 * suicide attacks, people killed in each of those, and people killed by who they
	 * were.
	 */
	public static final Set<String> METRICS = Set.of("fatalities", "injured", "incidents", "attacks",
			"security_operations", "suicide_attacks", "fatalities_in_attacks", "fatalities_in_security_operations",
			"fatalities_in_suicide_attacks", "militant_fatalities_in_security_operations", "fatalities_civilians",
			"fatalities_security_forces", "fatalities_militants", "fatalities_civilians_and_security_forces");

	public FigureEntry {
		Fields.required(metric, "metric");
		if (!METRICS.contains(metric)) {
			throw new InvalidFieldException("metric",
					"\"" + metric + "\" is not one of " + METRICS.stream().sorted().toList());
		}
		Fields.required(scope, "scope");
		if (value == null && share == null) {
			throw new InvalidFieldException("value", "a figure needs a value, a share or both");
		}
		if (value != null && value.signum() < 0) {
			throw new InvalidFieldException("value", "must not be negative");
		}
		if (share != null && (share.signum() < 0 || share.compareTo(BigDecimal.ONE) > 0)) {
			throw new InvalidFieldException("share", "must be a fraction between 0 and 1");
		}
		comparison = (comparison != null) ? comparison : Comparison.EQUAL;
	}

}
