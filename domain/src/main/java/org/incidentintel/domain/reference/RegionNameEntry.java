package org.incidentintel.domain.reference;

import java.time.LocalDate;

import com.fasterxml.jackson.annotation.JsonCreator;

/**
 * A region name in {@code regions.yaml}: a plain string, or a mapping for a historical
 * name with the period it was official.
 *
 * @param name the name as written
 * @param validFrom first day it applied, or {@code null}
 * @param validTo last day it applied, or {@code null}
 * @param note why the name is there, or {@code null}
 */
public record RegionNameEntry(String name, LocalDate validFrom, LocalDate validTo, String note) {

	public RegionNameEntry {
		Fields.required(name, "name");
		Fields.ordered(validFrom, validTo, "validTo");
	}

	/**
	 * A name without period or note, as written in the plain string form.
	 * @param name the name
	 * @return the name
	 */
	@JsonCreator(mode = JsonCreator.Mode.DELEGATING)
	public static RegionNameEntry of(String name) {
		return new RegionNameEntry(name, null, null, null);
	}

}
