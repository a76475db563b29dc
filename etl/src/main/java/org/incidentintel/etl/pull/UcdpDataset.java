package org.incidentintel.etl.pull;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import org.incidentintel.etl.format.UcdpGedFormat;

/**
 * The UCDP event datasets the API serves: GED (yearly, final) and the candidate events
 * (monthly, provisional). Both are the API's {@code gedevents} resource at different
 * versions, read by the same format, and stored as separate datasets.
 */
public enum UcdpDataset {

	/** The Georeferenced Event Dataset, versions such as {@code 24.1}. */
	GED("ged", UcdpGedFormat.NAME),

	/** The Candidate Events Dataset, versions such as {@code 24.0.3}. */
	CANDIDATE("candidate", UcdpGedFormat.CANDIDATE_NAME);

	private final String option;

	private final String format;

	UcdpDataset(String option, String format) {
		this.option = option;
		this.format = format;
	}

	/** The name on the command line ({@code --dataset ged}). */
	public String option() {
		return this.option;
	}

	/** The format that reads its pages, which is also the dataset it is stored as. */
	public String format() {
		return this.format;
	}

	/**
	 * The dataset a command-line name stands for.
	 * @throws IllegalArgumentException naming the names there are
	 */
	public static UcdpDataset of(String option) {
		String wanted = (option != null) ? option.strip().toLowerCase(Locale.ROOT) : "";
		return Arrays.stream(values())
			.filter((dataset) -> dataset.option.equals(wanted))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("--dataset takes "
					+ Arrays.stream(values()).map(UcdpDataset::option).collect(Collectors.joining(" or ")) + ", not '"
					+ option + "'"));
	}

}
