package org.incidentintel.api.report;

import java.time.LocalDate;

/**
 * The read model of the GraphQL {@code DateRange} type.
 */
record DateRange(LocalDate from, LocalDate to) {

}
