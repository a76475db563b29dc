package org.incidentintel.domain.reference;

import java.time.LocalDate;
import java.util.List;

import org.incidentintel.domain.organization.OrganizationKind;

/**
 * An organization in {@code organizations.yaml}.
 *
 * @param id stable lowercase key, referenced by the other files
 * @param name canonical name
 * @param acronym usual acronym, or {@code null}
 * @param kind what the organization is
 * @param country ISO 3166 alpha-3 code of its home country, or {@code null}
 * @param parent id of the organization it belongs to, or {@code null}
 * @param parentFrom first day it belongs to its parent, or {@code null} for since ever
 * @param parentTo last day it belongs to its parent, or {@code null} for still
 * @param description a sentence on what it is, or {@code null}
 * @param aliases every other name it is known by
 */
public record OrganizationEntry(String id, String name, String acronym, OrganizationKind kind, String country,
		String parent, LocalDate parentFrom, LocalDate parentTo, String description, List<AliasEntry> aliases) {

	public OrganizationEntry {
		Fields.id(Fields.required(id, "id"), "id");
		Fields.required(name, "name");
		Fields.required(kind, "kind");
		Fields.country(country, "country");
		Fields.id(parent, "parent");
		if (id.equals(parent)) {
			throw new InvalidFieldException("parent", "an organization cannot be its own parent");
		}
		if (parent == null && (parentFrom != null || parentTo != null)) {
			throw new InvalidFieldException((parentFrom != null) ? "parentFrom" : "parentTo",
					"dates the link to a parent, but no parent is given");
		}
		Fields.ordered(parentFrom, parentTo, "parentTo");
		aliases = Fields.list(aliases, "aliases");
	}

}
