package org.incidentintel.api.curation;

import java.time.LocalDate;
import java.util.List;

/**
 * The GraphQL inputs of the curation mutations.
 */
final class Inputs {

	private Inputs() {
	}

	/**
	 * {@code CreateDialogueInput} and {@code UpdateDialogueInput} in one: {@code key} is
	 * only in the first, {@code id} only in the second.
	 */
	record DialogueInput(String clientMutationId, String id, String key, String title, LocalDate date,
			String datePrecision, LocalDate endDate, String location, String hostCountry, String format, String summary,
			List<String> parties, List<DelegateInput> delegates, List<String> topics, List<String> threats,
			List<CommitmentInput> commitments, String previous, List<String> sources) {
	}

	/** {@code DelegateInput}. */
	record DelegateInput(String name, String title, String role, String organization, String country) {
	}

	/** {@code CommitmentInput}. */
	record CommitmentInput(String description, Integer quantity, String qualifier, String unit) {
	}

	/** {@code AddOrganizationAliasInput}. */
	record AddAliasInput(String clientMutationId, String organization, String alias, LocalDate validFrom,
			LocalDate validTo, String note) {
	}

	/** {@code RemoveOrganizationAliasInput}. */
	record RemoveAliasInput(String clientMutationId, String organization, String alias) {
	}

	/** {@code MergeOrganizationsInput}. */
	record MergeInput(String clientMutationId, String survivor, String absorbed) {
	}

}
