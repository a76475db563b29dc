package org.incidentintel.api.incident;

import java.time.OffsetDateTime;

/**
 * The read model of the GraphQL {@code IncidentsChanged} event.
 *
 * @param dataVersion the new data version
 * @param changedAt when this API process saw it
 */
record IncidentsChanged(long dataVersion, OffsetDateTime changedAt) {

}
