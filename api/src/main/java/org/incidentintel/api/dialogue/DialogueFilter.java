package org.incidentintel.api.dialogue;

import java.time.LocalDate;

/**
 * The GraphQL {@code DialogueFilter} input.
 *
 * @param date rounds whose first day lies in this range
 * @param party rounds this country took part in
 * @param threat rounds that named this organization (global id, name or alias)
 */
record DialogueFilter(DateRangeInput date, String party, String threat) {

	static final DialogueFilter NONE = new DialogueFilter(null, null, null);

	/** The GraphQL {@code DateRangeInput} input. */
	record DateRangeInput(LocalDate from, LocalDate to) {
	}

}
