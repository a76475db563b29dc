package org.incidentintel.api.report;

import java.time.LocalDate;

/**
 * The read model of the GraphQL {@code SecurityReport} type: a periodic security report.
 *
 * @param id the database id
 * @param key the stable reference key
 * @param title the title
 * @param publisherId the id of the publishing organization, if any
 * @param country the country covered (ISO 3166 alpha-3), if one
 * @param periodFrom the first day covered
 * @param periodTo the last day covered
 * @param publishedOn the publication date (first day of its month or year for a coarse
 * precision)
 * @param publishedPrecision the precision of the publication date
 */
public record SecurityReport(long id, String key, String title, Long publisherId, String country, LocalDate periodFrom,
		LocalDate periodTo, LocalDate publishedOn, String publishedPrecision) {

}
