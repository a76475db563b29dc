package org.incidentintel.api.incident;

import reactor.core.publisher.Flux;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.SubscriptionMapping;
import org.springframework.stereotype.Controller;

/**
 * {@code incidentsChanged}: every new data version, from the process-wide
 * {@link DataVersionWatch}.
 */
@Controller
class IncidentsChangedController {

	private final DataVersionWatch watch;

	IncidentsChangedController(DataVersionWatch watch) {
		this.watch = watch;
	}

	/**
	 * Every change "may touch" the filter: it is bound (so a malformed one is an error)
	 * but not evaluated, which would cost a query per subscriber and change.
	 */
	@SubscriptionMapping
	Flux<IncidentsChanged> incidentsChanged(@Argument IncidentFilter filter) {
		return this.watch.changes();
	}

}
