package org.incidentintel.api.curation;

import java.time.LocalDate;

import org.incidentintel.api.dialogue.Dialogue;
import org.incidentintel.api.organization.Organization;

/**
 * The GraphQL payloads of the curation mutations.
 */
final class Payloads {

	private Payloads() {
	}

	/** {@code CreateDialoguePayload} and {@code UpdateDialoguePayload}. */
	record DialoguePayload(String clientMutationId, Dialogue dialogue) {
	}

	/** The GraphQL {@code OrganizationAlias} of a payload. */
	record Alias(String name, LocalDate validFrom, LocalDate validTo, String note) {
	}

	/** {@code AddOrganizationAliasPayload}. */
	record AddAliasPayload(String clientMutationId, Organization organization, Alias alias) {
	}

	/** {@code RemoveOrganizationAliasPayload}. */
	record RemoveAliasPayload(String clientMutationId, Organization organization, Alias removedAlias) {
	}

	/** {@code MergeOrganizationsPayload}. */
	record MergePayload(String clientMutationId, Organization survivor, String absorbedId, MergedLinks moved) {
	}

	/** {@code MergedLinks}: how many links of each kind moved. */
	record MergedLinks(int aliases, int incidentPerpetrators, int sourceRecordActors, int dialogueThreats,
			int dialogueDelegates, int children, int publications, int earlierMerges) {
	}

}
