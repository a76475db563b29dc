package org.incidentintel.api.dialogue;

import java.time.LocalDate;

/**
 * The read model of the GraphQL {@code Dialogue} type: one round of a counter-terrorism
 * dialogue.
 *
 * @param id the database id
 * @param key the stable reference key
 * @param title the title
 * @param date the first day (the first day of its month or year for a coarse precision)
 * @param endDate the last day of a round of several days
 * @param datePrecision {@code DAY}, {@code MONTH} or {@code YEAR}
 * @param location the city, if known
 * @param hostCountry the host country (ISO 3166 alpha-3), if known
 * @param format e.g. {@code bilateral}
 * @param summary a short summary
 * @param previousId the id of the previous round, if any
 */
public record Dialogue(long id, String key, String title, LocalDate date, LocalDate endDate, String datePrecision,
		String location, String hostCountry, String format, String summary, Long previousId) {

}
