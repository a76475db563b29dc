package org.incidentintel.etl.pull;

import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The period a UCDP GED release covers, read from its version: release {@code YY.1}
 * covers 1989-01-01 to the end of year 20YY-1 (GED 22.1 covers up to 2021-12-31, 24.1 up
 * to 2023-12-31). The scheme holds from 17.1 on; older versions (5.0, ...) and candidate
 * versions ({@code 24.0.3}) cover no period here.
 */
final class GedReleases {

	private static final Pattern YEARLY = Pattern.compile("(\\d{2})\\.(\\d+)");

	private GedReleases() {
	}

	/**
	 * The last day the release covers, or empty when the version is not a yearly GED
	 * release.
	 */
	static Optional<LocalDate> coveredUntil(String version) {
		if (version == null) {
			return Optional.empty();
		}
		Matcher matcher = YEARLY.matcher(version.strip());
		if (!matcher.matches() || Integer.parseInt(matcher.group(1)) < 17 || Integer.parseInt(matcher.group(2)) < 1) {
			return Optional.empty();
		}
		return Optional.of(LocalDate.of(2000 + Integer.parseInt(matcher.group(1)) - 1, 12, 31));
	}

}
