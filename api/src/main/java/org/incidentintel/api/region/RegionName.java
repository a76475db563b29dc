package org.incidentintel.api.region;

import java.time.LocalDate;

/**
 * The read model of the GraphQL {@code RegionName} type: a name a region has had or is
 * written as.
 */
record RegionName(long regionId, String name, LocalDate validFrom, LocalDate validTo, String note) {

}
