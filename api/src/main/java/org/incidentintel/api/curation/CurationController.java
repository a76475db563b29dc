package org.incidentintel.api.curation;

import java.util.List;
import java.util.Map;
import java.util.Set;

import graphql.schema.DataFetchingEnvironment;
import org.incidentintel.api.audit.AuditedMutations;
import org.incidentintel.api.curation.Inputs.AddAliasInput;
import org.incidentintel.api.curation.Inputs.DialogueInput;
import org.incidentintel.api.curation.Inputs.MergeInput;
import org.incidentintel.api.curation.Inputs.RemoveAliasInput;
import org.incidentintel.api.curation.OrganizationCuration.AliasChange;
import org.incidentintel.api.curation.OrganizationCuration.Merge;
import org.incidentintel.api.curation.Payloads.AddAliasPayload;
import org.incidentintel.api.curation.Payloads.DialoguePayload;
import org.incidentintel.api.curation.Payloads.MergePayload;
import org.incidentintel.api.curation.Payloads.RemoveAliasPayload;
import org.incidentintel.api.dialogue.Dialogue;
import org.incidentintel.api.organization.Organization;
import org.incidentintel.api.organization.Organizations;
import org.incidentintel.api.relay.GlobalId;
import org.incidentintel.api.relay.NodeFetcher;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;

/**
 * The curation mutations. Each one checks its input first ({@link Checks}: bounds,
 * control characters, repeated ids), then runs through {@link AuditedMutations} (one
 * transaction with its audit entry); the payload is read once the transaction committed,
 * by the same code the queries use.
 */
@Controller
class CurationController {

	private final AuditedMutations mutations;

	private final DialogueCuration dialogueCuration;

	private final OrganizationCuration organizationCuration;

	private final Organizations organizations;

	private final NodeFetcher dialogues;

	CurationController(AuditedMutations mutations, DialogueCuration dialogueCuration,
			OrganizationCuration organizationCuration, Organizations organizations, List<NodeFetcher> fetchers) {
		this.mutations = mutations;
		this.dialogueCuration = dialogueCuration;
		this.organizationCuration = organizationCuration;
		this.organizations = organizations;
		this.dialogues = fetchers.stream()
			.filter((fetcher) -> fetcher.type().equals(DialogueCuration.TYPE))
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("no node fetcher for dialogues"));
	}

	@MutationMapping
	DialoguePayload createDialogue(@Argument DialogueInput input, DataFetchingEnvironment environment) {
		DialogueInput checked = DialogueCuration.checked(input, null);
		long id = this.mutations.run("createDialogue", environment,
				(audit) -> this.dialogueCuration.create(checked, audit));
		return new DialoguePayload(input.clientMutationId(), dialogue(id));
	}

	@MutationMapping
	DialoguePayload updateDialogue(@Argument DialogueInput input, DataFetchingEnvironment environment) {
		Map<String, Object> raw = environment.getArgument("input");
		Set<String> given = (raw != null) ? raw.keySet() : Set.of();
		DialogueInput checked = DialogueCuration.checked(input, given);
		long id = this.mutations.run("updateDialogue", environment,
				(audit) -> this.dialogueCuration.update(checked, given, audit));
		return new DialoguePayload(input.clientMutationId(), dialogue(id));
	}

	@MutationMapping
	AddAliasPayload addOrganizationAlias(@Argument AddAliasInput input, DataFetchingEnvironment environment) {
		AddAliasInput checked = OrganizationCuration.checked(input);
		AliasChange change = this.mutations.run("addOrganizationAlias", environment,
				(audit) -> this.organizationCuration.addAlias(checked, audit));
		return new AddAliasPayload(input.clientMutationId(), organization(change.organizationId()), change.alias());
	}

	@MutationMapping
	RemoveAliasPayload removeOrganizationAlias(@Argument RemoveAliasInput input, DataFetchingEnvironment environment) {
		RemoveAliasInput checked = OrganizationCuration.checked(input);
		AliasChange change = this.mutations.run("removeOrganizationAlias", environment,
				(audit) -> this.organizationCuration.removeAlias(checked, audit));
		return new RemoveAliasPayload(input.clientMutationId(), organization(change.organizationId()), change.alias());
	}

	@MutationMapping
	MergePayload mergeOrganizations(@Argument MergeInput input, DataFetchingEnvironment environment) {
		MergeInput checked = OrganizationCuration.checked(input);
		Merge merge = this.mutations.run("mergeOrganizations", environment,
				(audit) -> this.organizationCuration.merge(checked, audit));
		return new MergePayload(input.clientMutationId(), organization(merge.survivorId()),
				GlobalId.of(Organizations.TYPE, merge.absorbedId()), merge.moved());
	}

	private Dialogue dialogue(long id) {
		return (Dialogue) this.dialogues.fetch(id).orElseThrow();
	}

	private Organization organization(long id) {
		return this.organizations.findByIds(List.of(id)).get(id);
	}

}
