package org.incidentintel.etl.pull;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

import org.incidentintel.domain.dedup.Deduplicator;
import org.incidentintel.domain.statistics.IncidentStatisticsCells;
import org.incidentintel.etl.format.UcdpGedFormat;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The rule between the two UCDP event datasets: once a GED release covering a period is
 * loaded for a country, the candidate events of that country and period are superseded
 * (UCDP vetted them: the release kept, changed or dropped each). They are removed with
 * their links, so they no longer count: incidents they alone stood for are deleted,
 * incidents they shared with other sources are rebuilt from those. Which release is
 * loaded is read from the GED records' {@code dataset_version}, which {@code pull ucdp}
 * sets on every record of the release it pulled; a candidate event is in the covered
 * period when its first day is.
 */
public class CandidateSupersession {

	private static final int CHUNK = 500;

	private final JdbcTemplate jdbc;

	private final Deduplicator deduplicator;

	private final IncidentStatisticsCells statistics;

	public CandidateSupersession(JdbcTemplate jdbc, Deduplicator deduplicator, IncidentStatisticsCells statistics) {
		this.jdbc = jdbc;
		this.deduplicator = deduplicator;
		this.statistics = statistics;
	}

	/**
	 * The last day the GED releases loaded for a country cover, if any.
	 * @param country ISO 3166 alpha-3
	 */
	public Optional<LocalDate> coveredUntil(String country) {
		List<String> versions = this.jdbc
			.queryForList("select distinct dataset_version from source_record where dataset = ? and country = ? "
					+ "and dataset_version is not null", String.class, UcdpGedFormat.NAME, country);
		return versions.stream().map(GedReleases::coveredUntil).flatMap(Optional::stream).max(LocalDate::compareTo);
	}

	/**
	 * Marks the GED records a release holds with its version, those an earlier load left
	 * unchanged included (a load writes only what changed), so that the release counts
	 * for {@link #apply}.
	 * @param version the GED version, e.g. {@code 24.1}
	 * @param recordIds the release's event ids, as pulled
	 * @return how many records were marked anew
	 */
	public int recordRelease(String version, List<String> recordIds) {
		int marked = 0;
		for (int from = 0; from < recordIds.size(); from += CHUNK) {
			List<String> chunk = recordIds.subList(from, Math.min(recordIds.size(), from + CHUNK));
			List<Object> arguments = new ArrayList<>();
			arguments.add(version);
			arguments.add(UcdpGedFormat.NAME);
			arguments.addAll(chunk);
			arguments.add(version);
			marked += this.jdbc.update("update source_record set dataset_version = ? where dataset = ? "
					+ "and source_record_id in (" + String.join(", ", Collections.nCopies(chunk.size(), "?"))
					+ ") and (dataset_version is null or dataset_version <> ?)", arguments.toArray());
		}
		return marked;
	}

	/**
	 * Removes the country's candidate events that a loaded GED release supersedes.
	 * @param country ISO 3166 alpha-3
	 * @return how many were removed
	 */
	public int apply(String country) {
		Optional<LocalDate> until = coveredUntil(country);
		if (until.isEmpty()) {
			return 0;
		}
		List<Long> superseded = this.jdbc.queryForList(
				"select id from source_record where dataset = ? and country = ? and date_start <= ?", Long.class,
				UcdpGedFormat.CANDIDATE_NAME, country, Date.valueOf(until.get()));
		if (superseded.isEmpty()) {
			return 0;
		}
		int removed = this.deduplicator.retire(superseded);
		this.statistics.refresh();
		return removed;
	}

}
