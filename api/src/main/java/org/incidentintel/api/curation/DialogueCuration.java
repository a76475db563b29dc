package org.incidentintel.api.curation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.Arrays;
import java.util.stream.Collectors;
import java.util.regex.Pattern;

import org.incidentintel.api.audit.AuditTrail;
import org.incidentintel.api.curation.Inputs.CommitmentInput;
import org.incidentintel.api.curation.Inputs.DelegateInput;
import org.incidentintel.api.curation.Inputs.DialogueInput;
import org.incidentintel.api.error.ApiException;
import org.incidentintel.domain.report.Comparison;
import org.incidentintel.domain.common.DatePrecision;
import org.incidentintel.domain.dialogue.Commitment;
import org.incidentintel.domain.dialogue.Delegate;
import org.incidentintel.domain.dialogue.Dialogue;
import org.incidentintel.domain.dialogue.DialogueRepository;
import org.incidentintel.domain.dialogue.Person;
import org.incidentintel.domain.dialogue.PersonRepository;
import org.incidentintel.domain.organization.Organization;
import org.incidentintel.domain.organization.OrganizationFamiliesCache;
import org.incidentintel.domain.organization.OrganizationRepository;
import org.incidentintel.domain.source.SourceDocument;
import org.incidentintel.domain.source.SourceDocumentRepository;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Validates and applies {@code createDialogue} and {@code updateDialogue} on the domain's
 * entities. Runs inside the mutation's transaction; every error names the input path.
 */
@Component
class DialogueCuration {

	static final String TYPE = "Dialogue";

	private static final Pattern KEY = Pattern.compile("[a-z0-9][a-z0-9-]{0,79}");

	// Every qualifier the domain knows: one home for the list
	private static final Set<String> COMPARISONS = Arrays.stream(Comparison.values())
		.map(Comparison::name)
		.collect(Collectors.toUnmodifiableSet());

	// A dialogue's chain of previous rounds is short; the bound only stops a cycle
	private static final int MAX_CHAIN = 1000;

	private final DialogueRepository dialogues;

	private final PersonRepository people;

	private final OrganizationRepository organizations;

	private final SourceDocumentRepository documents;

	private final NamedParameterJdbcTemplate jdbc;

	private final OrganizationFamiliesCache families;

	DialogueCuration(DialogueRepository dialogues, PersonRepository people, OrganizationRepository organizations,
			SourceDocumentRepository documents, NamedParameterJdbcTemplate jdbc, OrganizationFamiliesCache families) {
		this.dialogues = dialogues;
		this.people = people;
		this.organizations = organizations;
		this.documents = documents;
		this.jdbc = jdbc;
		this.families = families;
	}

	/**
	 * The input with its text stripped (blank is null), its country codes upper-cased and
	 * its lists empty when null; an error on the first value out of bounds, malformed or
	 * repeated. Needs no database: it runs before the mutation's transaction.
	 * @param given the names of the input's fields that the request holds, or null for
	 * {@code createDialogue}
	 */
	static DialogueInput checked(DialogueInput input, Set<String> given) {
		boolean create = given == null;
		Set<String> fields = create ? Set.of() : given;
		Checks.optional(input.clientMutationId(), Checks.CLIENT_MUTATION_ID, "input", "clientMutationId");
		if (!create) {
			Ids.decode(input.id(), TYPE, "input", "id");
		}
		if (input.key() != null && !KEY.matcher(input.key()).matches()) {
			String shown = (input.key().length() <= 100) ? "'" + input.key() + "'"
					: input.key().length() + " characters";
			throw ApiException.badInput("a key is 1 to 80 lower-case letters, digits and '-', starting with a letter "
					+ "or digit; got " + shown, "input", "key");
		}
		String title = (create || fields.contains("title"))
				? Checks.required(input.title(), "the title", Checks.TITLE, "input", "title") : null;
		if (create) {
			checkDates(input.date(), precision(input.datePrecision(), DatePrecision.DAY), input.endDate());
		}
		if (input.previous() != null) {
			Ids.decode(input.previous(), TYPE, "input", "previous");
		}
		return new DialogueInput(input.clientMutationId(), input.id(), input.key(), title, input.date(),
				input.datePrecision(), input.endDate(),
				Checks.optional(input.location(), Checks.LOCATION, "input", "location"),
				Checks.country(input.hostCountry(), "input", "hostCountry"),
				Checks.optional(input.format(), Checks.FORMAT, "input", "format"),
				Checks.freeText(input.summary(), Checks.SUMMARY, "input", "summary"), parties(input.parties()),
				delegates(input.delegates()), topics(input.topics()), threats(input.threats()),
				commitments(input.commitments()), input.previous(), sources(input.sources()));
	}

	private static List<String> parties(List<String> parties) {
		List<String> codes = new ArrayList<>();
		for (String party : Checks.list(parties, Checks.PARTIES, "input", "parties")) {
			codes.add(Checks.country(party, "input", "parties", codes.size()));
		}
		Checks.distinct(codes, "country", "input", "parties");
		return codes;
	}

	private static List<String> topics(List<String> topics) {
		List<String> checked = new ArrayList<>();
		for (String topic : Checks.list(topics, Checks.TOPICS, "input", "topics")) {
			checked.add(Checks.required(topic, "a topic", Checks.TOPIC, "input", "topics", checked.size()));
		}
		Checks.distinct(checked, "topic", "input", "topics");
		return checked;
	}

	private static List<String> threats(List<String> threats) {
		List<String> given = Checks.list(threats, Checks.THREATS, "input", "threats");
		List<Long> ids = new ArrayList<>();
		for (String threat : given) {
			ids.add(Ids.decode(threat, "Organization", "input", "threats", ids.size()));
		}
		// ids are compared decoded: two spellings of one id are one organization
		Checks.distinct(ids, "organization", "input", "threats");
		return given;
	}

	private static List<String> sources(List<String> sources) {
		List<String> keys = new ArrayList<>();
		for (String key : Checks.list(sources, Checks.SOURCES, "input", "sources")) {
			keys.add(Checks.required(key, "a source document's key", Checks.SOURCE_KEY, "input", "sources",
					keys.size()));
		}
		Checks.distinct(keys, "source document", "input", "sources");
		return keys;
	}

	private static List<DelegateInput> delegates(List<DelegateInput> delegates) {
		List<DelegateInput> checked = new ArrayList<>();
		for (DelegateInput delegate : Checks.list(delegates, Checks.DELEGATES, "input", "delegates")) {
			Object[] path = { "input", "delegates", checked.size() };
			if (delegate.organization() != null) {
				Ids.decode(delegate.organization(), "Organization", Checks.path(path, "organization"));
			}
			checked.add(new DelegateInput(
					Checks.required(delegate.name(), "a delegate's name", Checks.DELEGATE_NAME,
							Checks.path(path, "name")),
					Checks.optional(delegate.title(), Checks.DELEGATE_TITLE, Checks.path(path, "title")),
					Checks.optional(delegate.role(), Checks.DELEGATE_ROLE, Checks.path(path, "role")),
					delegate.organization(), Checks.country(delegate.country(), Checks.path(path, "country"))));
		}
		// a name is one person: seated twice, they would be two delegates
		Checks.distinct(checked.stream().map(DelegateInput::name).toList(), "person", "input", "delegates");
		return checked;
	}

	private static List<CommitmentInput> commitments(List<CommitmentInput> commitments) {
		List<CommitmentInput> checked = new ArrayList<>();
		for (CommitmentInput commitment : Checks.list(commitments, Checks.COMMITMENTS, "input", "commitments")) {
			Object[] path = { "input", "commitments", checked.size() };
			String description = Checks.required(commitment.description(), "a commitment's description",
					Checks.COMMITMENT_DESCRIPTION, Checks.path(path, "description"));
			if (commitment.quantity() != null && commitment.quantity() < 0) {
				throw ApiException.badInput("a quantity cannot be negative, got " + commitment.quantity(),
						Checks.path(path, "quantity"));
			}
			String qualifier = commitment.qualifier();
			if (qualifier != null && commitment.quantity() == null) {
				throw ApiException.badInput("a qualifier bounds a quantity: give the quantity too",
						Checks.path(path, "qualifier"));
			}
			if (qualifier != null && !COMPARISONS.contains(qualifier)) {
				throw ApiException.badInput("unknown qualifier '" + qualifier + "'", Checks.path(path, "qualifier"));
			}
			if (qualifier == null && commitment.quantity() != null) {
				qualifier = "EQUAL";
			}
			checked.add(new CommitmentInput(description, commitment.quantity(), qualifier,
					Checks.optional(commitment.unit(), Checks.COMMITMENT_UNIT, Checks.path(path, "unit"))));
		}
		return checked;
	}

	/**
	 * Records the round.
	 * @param input the input as {@link #checked} returned it
	 */
	long create(DialogueInput input, AuditTrail audit) {
		DatePrecision precision = precision(input.datePrecision(), DatePrecision.DAY);
		String key = (input.key() != null) ? newKey(input.key()) : generatedKey(input.title(), input.date());
		Dialogue dialogue = new Dialogue(key, input.title(), input.date(), precision);
		dialogue.setDate(input.date(), precision, input.endDate());
		dialogue.setVenue(input.location(), input.hostCountry(), input.format());
		dialogue.setSummary(input.summary());
		replaceParties(dialogue, input.parties());
		replaceTopics(dialogue, input.topics());
		replaceThreats(dialogue, input.threats());
		replaceSources(dialogue, input.sources());
		replaceDelegates(dialogue, input.delegates());
		replaceCommitments(dialogue, input.commitments());
		if (input.previous() != null) {
			dialogue.setPrevious(previous(input.previous(), null, input.date()));
		}
		Dialogue saved = this.dialogues.save(dialogue);
		audit.target(TYPE, saved.getId()).after(snapshot(saved));
		return saved.getId();
	}

	/**
	 * Applies the fields present in the input.
	 * @param input the input as {@link #checked} returned it
	 * @param given the names of the input's fields that the request holds (a field given
	 * as null clears it; one left out stays)
	 */
	long update(DialogueInput input, Set<String> given, AuditTrail audit) {
		long id = Ids.decode(input.id(), TYPE, "input", "id");
		Dialogue dialogue = this.dialogues.findById(id)
			.orElseThrow(() -> Checks.notFound("no dialogue round has the id '" + input.id() + "'", "input", "id"));
		audit.target(TYPE, id).before(snapshot(dialogue));
		if (given.contains("title")) {
			dialogue.setTitle(input.title());
		}
		LocalDate date = dialogue.getStartDate();
		if (given.contains("date")) {
			if (input.date() == null) {
				throw ApiException.badInput("a round's date cannot be cleared", "input", "date");
			}
			date = input.date();
		}
		DatePrecision precision = dialogue.getDatePrecision();
		if (given.contains("datePrecision")) {
			if (input.datePrecision() == null) {
				throw ApiException.badInput("a round's date precision cannot be cleared", "input", "datePrecision");
			}
			precision = precision(input.datePrecision(), precision);
		}
		LocalDate endDate = given.contains("endDate") ? input.endDate() : dialogue.getEndDate();
		checkDates(date, precision, endDate);
		dialogue.setDate(date, precision, endDate);
		String location = given.contains("location") ? input.location() : dialogue.getLocation();
		String host = given.contains("hostCountry") ? input.hostCountry() : dialogue.getHostCountry();
		String format = given.contains("format") ? input.format() : dialogue.getFormat();
		dialogue.setVenue(location, host, format);
		if (given.contains("summary")) {
			dialogue.setSummary(input.summary());
		}
		if (given.contains("parties")) {
			replaceParties(dialogue, input.parties());
		}
		if (given.contains("topics")) {
			replaceTopics(dialogue, input.topics());
		}
		if (given.contains("threats")) {
			replaceThreats(dialogue, input.threats());
		}
		if (given.contains("sources")) {
			replaceSources(dialogue, input.sources());
		}
		if (given.contains("delegates")) {
			dialogue.clearDelegates();
			replaceDelegates(dialogue, input.delegates());
		}
		if (given.contains("commitments")) {
			dialogue.clearCommitments();
			replaceCommitments(dialogue, input.commitments());
		}
		if (given.contains("previous")) {
			dialogue.setPrevious((input.previous() != null) ? previous(input.previous(), dialogue, date) : null);
		}
		else if (dialogue.getPrevious() != null && !dialogue.getPrevious().getStartDate().isBefore(date)) {
			throw ApiException.badInput("the round would start on " + date + ", not after its previous round ("
					+ dialogue.getPrevious().getStartDate() + ")", "input", "date");
		}
		LocalDate next = this.jdbc.queryForObject("select min(start_date) from dialogue where previous_id = :id",
				Map.of("id", id), LocalDate.class);
		if (next != null && !next.isAfter(dialogue.getStartDate())) {
			throw ApiException.badInput("the round would start on " + dialogue.getStartDate()
					+ ", not before its next round (" + next + ")", "input", "date");
		}
		audit.after(snapshot(dialogue));
		return id;
	}

	private static DatePrecision precision(String value, DatePrecision otherwise) {
		return (value != null) ? DatePrecision.valueOf(value) : otherwise;
	}

	/**
	 * A date known to the month or year is its first day; an end is not before a start.
	 */
	private static void checkDates(LocalDate date, DatePrecision precision, LocalDate endDate) {
		if (precision == DatePrecision.MONTH && date.getDayOfMonth() != 1) {
			throw ApiException.badInput("a date known to the month is written as its first day ("
					+ date.withDayOfMonth(1) + "), got " + date, "input", "date");
		}
		if (precision == DatePrecision.YEAR && date.getDayOfYear() != 1) {
			throw ApiException.badInput(
					"a date known to the year is written as its first day (" + date.withDayOfYear(1) + "), got " + date,
					"input", "date");
		}
		if (endDate != null && endDate.isBefore(date)) {
			throw ApiException.badInput("the round ends (" + endDate + ") before it starts (" + date + ")", "input",
					"endDate");
		}
	}

	private String newKey(String key) {
		if (this.dialogues.findByKey(key).isPresent()) {
			throw ApiException.badInput("the key '" + key + "' is taken by another round", "input", "key");
		}
		return key;
	}

	private String generatedKey(String title, LocalDate date) {
		String slug = title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
		slug = slug.substring(0, Math.min(slug.length(), 60)).replaceAll("-+$", "");
		String base = (slug.isEmpty() ? "dialogue" : slug) + "-" + date;
		String key = base;
		for (int suffix = 2; this.dialogues.findByKey(key).isPresent(); suffix++) {
			key = base + "-" + suffix;
		}
		return key;
	}

	private static void replaceParties(Dialogue dialogue, List<String> parties) {
		Set<String> codes = new LinkedHashSet<>(parties);
		dialogue.getParties().retainAll(codes);
		dialogue.getParties().addAll(codes);
	}

	private static void replaceTopics(Dialogue dialogue, List<String> topics) {
		dialogue.getTopics().clear();
		dialogue.getTopics().addAll(topics);
	}

	private void replaceThreats(Dialogue dialogue, List<String> threats) {
		Map<Organization, Integer> found = new LinkedHashMap<>();
		for (int i = 0; i < threats.size(); i++) {
			Integer earlier = found.putIfAbsent(organization(threats.get(i), "input", "threats", i), i);
			if (earlier != null) {
				throw ApiException.badInput("items " + earlier + " and " + i + " are the same organization (one was "
						+ "merged into the other); give each once", "input", "threats", i);
			}
		}
		dialogue.getThreats().retainAll(found.keySet());
		dialogue.getThreats().addAll(found.keySet());
	}

	private void replaceSources(Dialogue dialogue, List<String> sources) {
		Set<SourceDocument> found = new LinkedHashSet<>();
		for (int i = 0; i < sources.size(); i++) {
			String key = sources.get(i);
			int index = i;
			found.add(this.documents.findByKey(key)
				.orElseThrow(() -> Checks.notFound("no source document has the key '" + key + "'", "input", "sources",
						index)));
		}
		dialogue.getSources().retainAll(found);
		dialogue.getSources().addAll(found);
	}

	private void replaceDelegates(Dialogue dialogue, List<DelegateInput> delegates) {
		for (int i = 0; i < delegates.size(); i++) {
			DelegateInput delegate = delegates.get(i);
			Organization organization = (delegate.organization() != null)
					? organization(delegate.organization(), "input", "delegates", i, "organization") : null;
			Person person = this.people.findByName(delegate.name())
				.orElseGet(() -> this.people.save(new Person(delegate.name(), delegate.country())));
			dialogue.addDelegate(person, organization, delegate.title(), delegate.role(), delegate.country());
		}
	}

	private static void replaceCommitments(Dialogue dialogue, List<CommitmentInput> commitments) {
		for (CommitmentInput commitment : commitments) {
			dialogue.addCommitment(commitment.description(), commitment.quantity(), commitment.qualifier(),
					commitment.unit());
		}
	}

	/** An organization by global id; a merged one stands for its survivor. */
	private Organization organization(String globalId, Object... path) {
		long id = Ids.decode(globalId, "Organization", path);
		Organization organization = this.organizations.findById(id)
			.orElseThrow(() -> Checks.notFound("no organization has the id '" + globalId + "'", path));
		long survivor = this.families.current().survivor(id);
		return (survivor == id) ? organization : this.organizations.findById(survivor).orElse(organization);
	}

	/**
	 * The previous round: it exists, starts before {@code date}, and is neither this
	 * round nor one that follows it.
	 */
	private Dialogue previous(String globalId, Dialogue self, LocalDate date) {
		long id = Ids.decode(globalId, TYPE, "input", "previous");
		Dialogue previous = this.dialogues.findById(id)
			.orElseThrow(() -> Checks.notFound("no dialogue round has the id '" + globalId + "'", "input", "previous"));
		Dialogue step = previous;
		for (int i = 0; step != null && i < MAX_CHAIN; i++) {
			if (self != null && step.getId().equals(self.getId())) {
				throw ApiException.badInput("a round cannot follow itself or a later round of its own chain", "input",
						"previous");
			}
			step = step.getPrevious();
		}
		if (!previous.getStartDate().isBefore(date)) {
			throw ApiException.badInput("the previous round '" + previous.getTitle() + "' (" + previous.getStartDate()
					+ ") does not start before this one (" + date + ")", "input", "previous");
		}
		return previous;
	}

	/** The round as the audit log keeps it. */
	static Map<String, Object> snapshot(Dialogue dialogue) {
		Map<String, Object> state = new LinkedHashMap<>();
		state.put("key", dialogue.getKey());
		state.put("title", dialogue.getTitle());
		state.put("date", String.valueOf(dialogue.getStartDate()));
		state.put("datePrecision", dialogue.getDatePrecision().name());
		state.put("endDate", (dialogue.getEndDate() != null) ? dialogue.getEndDate().toString() : null);
		state.put("location", dialogue.getLocation());
		state.put("hostCountry", dialogue.getHostCountry());
		state.put("format", dialogue.getFormat());
		state.put("summary", dialogue.getSummary());
		state.put("previous", (dialogue.getPrevious() != null) ? dialogue.getPrevious().getId() : null);
		state.put("parties", dialogue.getParties().stream().sorted().toList());
		state.put("topics", List.copyOf(dialogue.getTopics()));
		state.put("threats", dialogue.getThreats().stream().map(Organization::getId).sorted().toList());
		List<Map<String, Object>> delegates = new ArrayList<>();
		for (Delegate delegate : dialogue.getDelegates()) {
			Map<String, Object> seat = new LinkedHashMap<>();
			seat.put("name", delegate.getPerson().getName());
			seat.put("title", delegate.getTitle());
			seat.put("role", delegate.getRole());
			seat.put("organization", (delegate.getOrganization() != null) ? delegate.getOrganization().getId() : null);
			seat.put("country", delegate.getCountry());
			delegates.add(seat);
		}
		state.put("delegates", delegates);
		List<Map<String, Object>> commitments = new ArrayList<>();
		for (Commitment commitment : dialogue.getCommitments()) {
			Map<String, Object> item = new LinkedHashMap<>();
			item.put("description", commitment.getDescription());
			item.put("quantity", commitment.getQuantity());
			item.put("qualifier", commitment.getQualifier());
			item.put("unit", commitment.getUnit());
			commitments.add(item);
		}
		state.put("commitments", commitments);
		state.put("sources", dialogue.getSources().stream().map(SourceDocument::getKey).sorted().toList());
		return state;
	}

}
