package org.incidentintel.api.dialogue;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.stream.Collectors;

import graphql.schema.DataFetchingEnvironment;
import org.dataloader.DataLoader;
import reactor.core.publisher.Mono;

import org.incidentintel.api.ApiProperties;
import org.incidentintel.api.error.ApiException;
import org.incidentintel.api.organization.Organization;
import org.incidentintel.api.organization.Organizations;
import org.incidentintel.api.organization.SourceDocument;
import org.incidentintel.api.organization.SourceDocuments;
import org.incidentintel.api.relay.Connection;
import org.incidentintel.api.relay.Cursor;
import org.incidentintel.api.relay.GlobalId;
import org.incidentintel.api.relay.PageArguments;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.stereotype.Controller;

/**
 * {@code dialogue}, {@code dialogues}, the fields of {@code Dialogue}, and
 * {@code Organization.dialogues}.
 */
@Controller
class DialogueController {

	static final String TYPE = "Dialogue";

	// Organization.dialogues takes page arguments, which a @BatchMapping cannot see: a
	// named data loader keyed on (organization, page) batches it instead
	private static final String ORGANIZATION_DIALOGUES = "organizationDialogues";

	private final Dialogues dialogues;

	private final Organizations organizations;

	private final SourceDocuments documents;

	private final ApiProperties properties;

	DialogueController(Dialogues dialogues, Organizations organizations, SourceDocuments documents,
			ApiProperties properties, BatchLoaderRegistry registry) {
		this.dialogues = dialogues;
		this.organizations = organizations;
		this.documents = documents;
		this.properties = properties;
		registry.<OrganizationPage, Connection<Dialogue>>forName(ORGANIZATION_DIALOGUES)
			.registerMappedBatchLoader((keys, environment) -> Mono.fromCallable(() -> loadOrganizationPages(keys)));
	}

	@QueryMapping
	Dialogue dialogue(@Argument String id) {
		long dialogueId = GlobalId.decode(id, TYPE, "id");
		return this.dialogues.findByIds(List.of(dialogueId)).get(dialogueId);
	}

	@QueryMapping
	Connection<Dialogue> dialogues(@Argument DialogueFilter filter, @Argument Integer first, @Argument String after) {
		PageArguments page = PageArguments.of(first, after, null, null, this.properties.maxPageSize());
		Dialogues.Keyset keyset = keyset(after);
		DialogueFilter given = normalized((filter != null) ? filter : DialogueFilter.NONE);
		Long threatId = (given.threat() != null) ? threatId(given.threat()) : null;
		List<Dialogue> rows = this.dialogues.findPage(given, threatId, keyset, page.size() + 1);
		return Connection.of(rows, page, DialogueController::cursor, this.dialogues.count(given, threatId));
	}

	private static DialogueFilter normalized(DialogueFilter filter) {
		DialogueFilter.DateRangeInput date = filter.date();
		if (date != null && date.from() != null && date.to() != null && date.from().isAfter(date.to())) {
			throw ApiException.badInput("the range ends (" + date.to() + ") before it starts (" + date.from() + ")",
					"filter", "date");
		}
		String party = (filter.party() != null) ? filter.party().strip().toUpperCase(Locale.ROOT) : null;
		return new DialogueFilter(date, party, filter.threat());
	}

	/** The organization a threat filter designates: a global id, a name or an alias. */
	private long threatId(String threat) {
		GlobalId id = null;
		try {
			id = GlobalId.decode(threat, "filter");
		}
		catch (ApiException ex) {
			// not an id: a name
		}
		if (id != null) {
			if (!id.type().equals(Organizations.TYPE)) {
				throw ApiException.badInput("'" + threat + "' is the id of a " + id.type() + ", not of an organization",
						"filter", "threat");
			}
			return id.id();
		}
		return this.organizations.findByName(threat, "filter", "threat")
			.orElseThrow(() -> ApiException.badInput("no organization is known by the name '" + threat + "'", "filter",
					"threat"))
			.id();
	}

	private static String cursor(Dialogue dialogue) {
		return Cursor.encode(List.of(dialogue.date().toString(), Long.toString(dialogue.id())));
	}

	private static Dialogues.Keyset keyset(String after) {
		if (after == null) {
			return null;
		}
		List<String> values = Cursor.decode(after, 2, "after");
		try {
			return new Dialogues.Keyset(LocalDate.parse(values.get(0)), Long.parseLong(values.get(1)));
		}
		catch (DateTimeParseException | NumberFormatException ex) {
			throw ApiException.badInput("'" + after + "' is not a cursor of this list", "after");
		}
	}

	@SchemaMapping(typeName = Organizations.TYPE)
	CompletableFuture<Connection<Dialogue>> dialogues(Organization organization, @Argument Integer first,
			@Argument String after, DataFetchingEnvironment environment) {
		PageArguments page = PageArguments.of(first, after, null, null, this.properties.maxPageSize());
		DataLoader<OrganizationPage, Connection<Dialogue>> loader = environment.getDataLoader(ORGANIZATION_DIALOGUES);
		return loader.load(new OrganizationPage(organization.id(), page, keyset(after)));
	}

	private Map<OrganizationPage, Connection<Dialogue>> loadOrganizationPages(Set<OrganizationPage> keys) {
		Map<Long, Long> totals = this.dialogues
			.countOfOrganizations(keys.stream().map(OrganizationPage::organizationId).distinct().toList());
		Map<OrganizationPage, Connection<Dialogue>> result = new HashMap<>();
		// Keys nearly always share their page arguments (one field in one query): one
		// statement per distinct page
		Map<OrganizationPage, List<OrganizationPage>> byPage = keys.stream()
			.collect(Collectors.groupingBy((key) -> new OrganizationPage(0, key.page(), key.after())));
		byPage.forEach((page, group) -> {
			Map<Long, List<Dialogue>> rows = this.dialogues.findPagesOfOrganizations(
					group.stream().map(OrganizationPage::organizationId).toList(), page.after(),
					page.page().size() + 1);
			for (OrganizationPage key : group) {
				result.put(key, Connection.of(rows.getOrDefault(key.organizationId(), List.of()), key.page(),
						DialogueController::cursor, totals.getOrDefault(key.organizationId(), 0L)));
			}
		});
		return result;
	}

	@SchemaMapping
	String id(Dialogue dialogue) {
		return GlobalId.of(TYPE, dialogue.id());
	}

	@BatchMapping
	Map<Dialogue, List<String>> parties(List<Dialogue> dialogues) {
		return byDialogue(dialogues, this.dialogues.partiesOf(ids(dialogues)));
	}

	@BatchMapping
	Map<Dialogue, List<String>> topics(List<Dialogue> dialogues) {
		return byDialogue(dialogues, this.dialogues.topicsOf(ids(dialogues)));
	}

	@BatchMapping
	Map<Dialogue, List<Delegate>> delegates(List<Dialogue> dialogues) {
		return byDialogue(dialogues, this.dialogues.delegatesOf(ids(dialogues)));
	}

	@BatchMapping
	Map<Dialogue, List<Commitment>> commitments(List<Dialogue> dialogues) {
		return byDialogue(dialogues, this.dialogues.commitmentsOf(ids(dialogues), "COMMITMENT"));
	}

	@BatchMapping
	Map<Dialogue, List<Commitment>> achievements(List<Dialogue> dialogues) {
		return byDialogue(dialogues, this.dialogues.commitmentsOf(ids(dialogues), "ACHIEVEMENT"));
	}

	@BatchMapping
	Map<Dialogue, List<ThreatMention>> threatMentions(List<Dialogue> dialogues) {
		return byDialogue(dialogues, this.dialogues.threatMentionsOf(ids(dialogues)));
	}

	@BatchMapping
	Map<Dialogue, List<SourceDocument>> sources(List<Dialogue> dialogues) {
		return byDialogue(dialogues, this.documents.findByOwners("dialogue_source", "dialogue_id", ids(dialogues)));
	}

	@BatchMapping
	Map<Dialogue, List<Organization>> threats(List<Dialogue> dialogues) {
		Map<Long, List<Long>> threatIds = this.dialogues.threatIdsOf(ids(dialogues));
		Map<Long, Organization> organizations = this.organizations
			.findByIds(threatIds.values().stream().flatMap(List::stream).distinct().toList());
		return dialogues.stream()
			.distinct()
			.collect(Collectors.toMap(Function.identity(),
					(dialogue) -> threatIds.getOrDefault(dialogue.id(), List.of())
						.stream()
						.map(organizations::get)
						.filter(Objects::nonNull)
						.toList()));
	}

	@BatchMapping
	Map<Dialogue, Dialogue> previous(List<Dialogue> dialogues) {
		Map<Long, Dialogue> previous = this.dialogues
			.findByIds(dialogues.stream().map(Dialogue::previousId).filter(Objects::nonNull).distinct().toList());
		return dialogues.stream()
			.filter((dialogue) -> dialogue.previousId() != null && previous.containsKey(dialogue.previousId()))
			.distinct()
			.collect(Collectors.toMap(Function.identity(), (dialogue) -> previous.get(dialogue.previousId())));
	}

	@BatchMapping
	Map<Dialogue, Dialogue> next(List<Dialogue> dialogues) {
		Map<Long, Dialogue> next = this.dialogues.findNextOf(ids(dialogues));
		return dialogues.stream()
			.filter((dialogue) -> next.containsKey(dialogue.id()))
			.distinct()
			.collect(Collectors.toMap(Function.identity(), (dialogue) -> next.get(dialogue.id())));
	}

	private static List<Long> ids(List<Dialogue> dialogues) {
		return dialogues.stream().map(Dialogue::id).distinct().toList();
	}

	private static <T> Map<Dialogue, List<T>> byDialogue(List<Dialogue> dialogues, Map<Long, List<T>> values) {
		return dialogues.stream()
			.distinct()
			.collect(
					Collectors.toMap(Function.identity(), (dialogue) -> values.getOrDefault(dialogue.id(), List.of())));
	}

	/**
	 * A key of the {@code Organization.dialogues} loader: an organization and the page
	 * asked of its rounds.
	 */
	record OrganizationPage(long organizationId, PageArguments page, Dialogues.Keyset after) {
	}

}
