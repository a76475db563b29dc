package org.incidentintel.domain.reference;

import org.incidentintel.domain.report.Comparison;

/**
 * An outcome or commitment of a dialogue round, with a quantity when one was given.
 *
 * @param description what was done or agreed
 * @param quantity how many, or {@code null}
 * @param qualifier how the quantity bounds the real number ({@code MORE_THAN} for "more
 * than 300"); {@code EQUAL} if a quantity is given without one, {@code null} without a
 * quantity
 * @param unit what was counted, or {@code null}
 */
public record CommitmentEntry(String description, Integer quantity, Comparison qualifier, String unit) {

	public CommitmentEntry {
		Fields.required(description, "description");
		if (quantity != null && quantity < 0) {
			throw new InvalidFieldException("quantity", "must not be negative");
		}
		if (quantity == null && (qualifier != null || unit != null)) {
			throw new InvalidFieldException((qualifier != null) ? "qualifier" : "unit", "needs a quantity");
		}
		qualifier = (quantity != null && qualifier == null) ? Comparison.EQUAL : qualifier;
	}

}
