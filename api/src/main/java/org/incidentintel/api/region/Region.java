package org.incidentintel.api.region;

import java.time.LocalDate;

/**
 * The read model of the GraphQL {@code Region} type: a first-level administrative region,
 * valid over a period.
 *
 * @param id the database id
 * @param key the stable reference key (e.g. {@code pk-kp})
 * @param country the ISO 3166 alpha-3 country
 * @param name the current (or last) official name
 * @param isoCode the ISO 3166-2 code, if any
 * @param parentId the id of the parent region, if any
 * @param validFrom the first day the region existed, if known
 * @param validTo the last day the region existed, if it no longer does
 * @param mergedIntoId the id of the region it was merged into, if it was
 */
public record Region(long id, String key, String country, String name, String isoCode, Long parentId,
		LocalDate validFrom, LocalDate validTo, Long mergedIntoId) {

}
