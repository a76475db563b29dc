package org.incidentintel.domain.reference;

import java.time.LocalDate;
import java.util.List;
import java.util.regex.Pattern;

/**
 * An administrative region (admin1) in {@code regions.yaml}, with its historical names.
 *
 * @param id stable lowercase key, e.g. {@code pk-kp}
 * @param country ISO 3166 alpha-3 code of its country
 * @param name current official name (or the last one, for a region that no longer exists)
 * @param isoCode ISO 3166-2 code, or {@code null}
 * @param parent id of the region it lies in, or {@code null}
 * @param validFrom first day it existed, or {@code null}
 * @param validTo last day it existed, or {@code null} if it still does
 * @param mergedInto id of the region it became part of after {@code validTo}, or
 * {@code null}
 * @param names other names; a dated name is a former official name, and the first dated
 * name valid on a day is the official name of that day
 */
public record RegionEntry(String id, String country, String name, String isoCode, String parent, LocalDate validFrom,
		LocalDate validTo, String mergedInto, List<RegionNameEntry> names) {

	private static final Pattern ISO_3166_2 = Pattern.compile("[A-Z]{2}-[A-Z0-9]{1,3}");

	public RegionEntry {
		Fields.id(Fields.required(id, "id"), "id");
		Fields.country(Fields.required(country, "country"), "country");
		Fields.required(name, "name");
		if (isoCode != null && !ISO_3166_2.matcher(isoCode).matches()) {
			throw new InvalidFieldException("isoCode", "\"" + isoCode + "\" is not an ISO 3166-2 code (like PK-KP)");
		}
		Fields.id(parent, "parent");
		Fields.ordered(validFrom, validTo, "validTo");
		Fields.id(mergedInto, "mergedInto");
		if (mergedInto != null && validTo == null) {
			throw new InvalidFieldException("validTo", "a merged region needs the last day it existed");
		}
		if (id.equals(parent) || id.equals(mergedInto)) {
			throw new InvalidFieldException(id.equals(parent) ? "parent" : "mergedInto",
					"a region cannot refer to itself");
		}
		names = Fields.list(names, "names");
	}

}
