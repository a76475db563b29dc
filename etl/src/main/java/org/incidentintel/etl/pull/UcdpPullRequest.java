package org.incidentintel.etl.pull;

import java.time.LocalDate;
import java.util.regex.Pattern;

/**
 * What to pull from the UCDP API: one dataset at one version for one country, optionally
 * only the events since a day.
 *
 * @param dataset GED or candidate events
 * @param version the dataset version the API serves, e.g. {@code 24.1} or {@code 24.0.3}
 * @param country ISO 3166 alpha-3, upper case
 * @param since the first day wanted, or null for all
 */
public record UcdpPullRequest(UcdpDataset dataset, String version, String country, LocalDate since) {

	private static final Pattern VERSION = Pattern.compile("\\d+(\\.\\d+){1,3}");

	private static final Pattern ALPHA3 = Pattern.compile("[A-Z]{3}");

	/**
	 * @throws IllegalArgumentException for a version or country code of the wrong shape
	 */
	public UcdpPullRequest {
		if (dataset == null) {
			throw new IllegalArgumentException("no dataset given");
		}
		if (version == null || !VERSION.matcher(version).matches()) {
			throw new IllegalArgumentException(
					"--version takes a UCDP version such as 24.1 (GED) or 24.0.3 (candidate), not '" + version + "'");
		}
		if (country == null || !ALPHA3.matcher(country).matches()) {
			throw new IllegalArgumentException(
					"--country takes an ISO 3166 alpha-3 code such as PAK, not '" + country + "'");
		}
	}

	/**
	 * The folder its pages are kept in, under the pull directory: one per dataset,
	 * version, country and start day, so that a restart finds its own pages.
	 */
	public String directoryName() {
		return this.dataset.option() + "-" + this.version + "-" + this.country
				+ ((this.since != null) ? "-since-" + this.since : "");
	}

}
