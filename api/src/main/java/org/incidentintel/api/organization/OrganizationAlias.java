package org.incidentintel.api.organization;

import java.time.LocalDate;

/**
 * The read model of the GraphQL {@code OrganizationAlias} type: a name an organization
 * goes by.
 */
record OrganizationAlias(long organizationId, String name, LocalDate validFrom, LocalDate validTo, String note) {

}
