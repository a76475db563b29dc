package org.incidentintel.domain.organization;

import java.util.List;

/**
 * What the {@link OrganizationResolver} needs to know of an organization: its id and
 * names.
 *
 * @param id the stable reference key, e.g. {@code ttp}
 * @param name the canonical name
 * @param acronym the usual acronym, or {@code null}
 * @param aliases every other name it is known by
 */
public record KnownOrganization(String id, String name, String acronym, List<KnownAlias> aliases) {

	public KnownOrganization {
		if (id == null || id.isBlank()) {
			throw new IllegalArgumentException("An organization needs an id");
		}
		if (name == null || name.isBlank()) {
			throw new IllegalArgumentException("Organization '" + id + "' needs a name");
		}
		aliases = (aliases != null) ? List.copyOf(aliases) : List.of();
	}

}
