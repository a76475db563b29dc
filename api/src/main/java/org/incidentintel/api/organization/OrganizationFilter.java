package org.incidentintel.api.organization;

import java.util.List;

/**
 * The GraphQL {@code OrganizationFilter} input.
 *
 * @param kind any of these kinds, when given
 * @param country the home country, when given
 * @param text a substring of the name or an alias, when given
 */
record OrganizationFilter(List<String> kind, String country, String text) {

	static final OrganizationFilter NONE = new OrganizationFilter(null, null, null);

}
