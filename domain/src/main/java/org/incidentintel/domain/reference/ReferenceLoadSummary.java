package org.incidentintel.domain.reference;

/**
 * How many records of each kind a reference data load wrote (created or updated).
 */
public record ReferenceLoadSummary(int organizations, int regions, int documents, int dialogues, int reports) {

	@Override
	public String toString() {
		return "%d organizations, %d regions, %d documents, %d dialogues, %d reports".formatted(this.organizations,
				this.regions, this.documents, this.dialogues, this.reports);
	}

}
