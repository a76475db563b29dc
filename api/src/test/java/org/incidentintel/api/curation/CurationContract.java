package org.incidentintel.api.curation;

import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.incidentintel.api.relay.GlobalId;
import org.incidentintel.api.testing.StatementCounting;
import org.incidentintel.domain.reference.ReferenceDataLoader;
import org.incidentintel.domain.reference.ReferenceDataReader;
import org.incidentintel.domain.security.ApiTokens;
import org.incidentintel.domain.security.Role;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The curation mutations, their access rules and their audit entries, end to end over
 * HTTP (the Spring Security filter chain included) on the real reference data. Subclasses
 * pick the database.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class CurationContract {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String CREATE = """
			mutation($input: CreateDialogueInput!) {
			  createDialogue(input: $input) {
			    clientMutationId
			    dialogue {
			      id key title date datePrecision endDate location hostCountry format summary parties topics
			      delegates { name title role country organization { key } }
			      threats { key }
			      commitments { description quantity qualifier unit }
			      previous { key }
			      sources { key title }
			    }
			  }
			}
			""";

	private static final String UPDATE = """
			mutation($input: UpdateDialogueInput!) {
			  updateDialogue(input: $input) {
			    clientMutationId
			    dialogue { id key title date endDate location summary topics commitments { description quantity }
			      threats { key } previous { key } }
			  }
			}
			""";

	private static final String DIALOGUE = """
			query($id: ID!) { dialogue(id: $id) { title location endDate topics previous { key } next { key } } }
			""";

	private static final String ADD_ALIAS = """
			mutation($input: AddOrganizationAliasInput!) {
			  addOrganizationAlias(input: $input) {
			    clientMutationId
			    organization { key aliases { name } }
			    alias { name validFrom validTo note }
			  }
			}
			""";

	private static final String REMOVE_ALIAS = """
			mutation($input: RemoveOrganizationAliasInput!) {
			  removeOrganizationAlias(input: $input) {
			    organization { key aliases { name } }
			    removedAlias { name }
			  }
			}
			""";

	private static final String MERGE = """
			mutation($input: MergeOrganizationsInput!) {
			  mergeOrganizations(input: $input) {
			    clientMutationId
			    survivor { key name aliases { name } }
			    absorbedId
			    moved { aliases incidentPerpetrators sourceRecordActors dialogueThreats dialogueDelegates children
			      publications earlierMerges }
			  }
			}
			""";

	private static final String ORGANIZATION = """
			query($id: ID, $name: String) { organization(id: $id, name: $name) { key name } }
			""";

	private static final String AUDIT = """
			query($filter: AuditLogFilter, $first: Int, $after: String) {
			  auditLog(filter: $filter, first: $first, after: $after) {
			    totalCount
			    pageInfo { hasNextPage endCursor }
			    edges { node { id occurredAt actor actorKind operation targets before after } }
			  }
			}
			""";

	@Autowired
	HttpGraphQlTester graphQl;

	@Autowired
	NamedParameterJdbcTemplate jdbc;

	@Autowired
	ReferenceDataLoader referenceDataLoader;

	@Autowired
	ApiTokens tokens;

	CurationTestData data;

	HttpGraphQlTester editor;

	HttpGraphQlTester reader;

	HttpGraphQlTester revoked;

	String editorName;

	@BeforeAll
	void referenceDataAndTokens() {
		this.data = new CurationTestData(this.jdbc);
		this.data.clearEverything();
		this.referenceDataLoader.load(new ReferenceDataReader().readClasspath());
		// names are never reused, and a PostgreSQL container outlives a test class
		String suffix = UUID.randomUUID().toString().substring(0, 8);
		this.editorName = "curator-" + suffix;
		this.editor = as(this.tokens.create(this.editorName, Role.EDITOR).token());
		this.reader = as(this.tokens.create("reader-" + suffix, Role.READER).token());
		String revokedToken = this.tokens.create("revoked-" + suffix, Role.EDITOR).token();
		this.tokens.revoke("revoked-" + suffix);
		this.revoked = as(revokedToken);
	}

	@BeforeEach
	void withoutTestRows() {
		this.data.clearTestRows();
	}

	@AfterAll
	void leaveTheDatabaseEmpty() {
		this.data.clearEverything();
	}

	private HttpGraphQlTester as(String token) {
		return this.graphQl.mutate().header("Authorization", "Bearer " + token).build();
	}

	// createDialogue
	// ------------------------------------------------------------------------------

	@Test
	void createDialogueRecordsARoundWithEverythingItHolds() {
		Map<String, Object> input = roundInput();

		GraphQlTester.Response response = this.editor.document(CREATE).variable("input", input).execute();

		String round = "createDialogue.dialogue.";
		response.path("createDialogue.clientMutationId").entity(String.class).isEqualTo("c-1");
		response.path(round + "key").entity(String.class).isEqualTo("test-pak-usa-ct-dialogue-2025");
		response.path(round + "title").entity(String.class).isEqualTo("Test Pakistan-US counterterrorism dialogue");
		response.path(round + "date").entity(String.class).isEqualTo("2025-06-02");
		response.path(round + "endDate").entity(String.class).isEqualTo("2025-06-03");
		response.path(round + "datePrecision").entity(String.class).isEqualTo("DAY");
		response.path(round + "hostCountry").entity(String.class).isEqualTo("PAK");
		response.path(round + "parties").entityList(String.class).containsExactly("PAK", "USA");
		response.path(round + "topics")
			.entityList(String.class)
			.containsExactly("border security", "capacity building");
		response.path(round + "delegates[*].name")
			.entityList(String.class)
			.containsExactly("Test Co-chair One", "Test Co-chair Two");
		response.path(round + "delegates[0].organization.key").entity(String.class).isEqualTo("pakistan-mofa");
		response.path(round + "delegates[1].country").entity(String.class).isEqualTo("USA");
		response.path(round + "threats[*].key").entityList(String.class).contains("iskp", "ttp").hasSize(2);
		response.path(round + "commitments[0].quantity").entity(Integer.class).isEqualTo(500);
		response.path(round + "commitments[0].qualifier").entity(String.class).isEqualTo("MORE_THAN");
		response.path(round + "commitments[1].qualifier").valueIsNull();
		response.path(round + "previous.key").entity(String.class).isEqualTo("pak-usa-ct-dialogue-2024");
		response.path(round + "sources[0].key").entity(String.class).isEqualTo("mofa-statement-2024-05-13");

		String id = response.path(round + "id").entity(String.class).get();
		this.graphQl.document(DIALOGUE)
			.variable("id", this.data.dialogueId("pak-usa-ct-dialogue-2024"))
			.execute()
			.path("dialogue.next.key")
			.entity(String.class)
			.isEqualTo("test-pak-usa-ct-dialogue-2025");

		JsonNode entry = onlyAuditEntryOf(id);
		assertThat(entry.get("operation").asString()).isEqualTo("createDialogue");
		assertThat(entry.get("actor").asString()).isEqualTo(this.editorName);
		assertThat(entry.get("actorKind").asString()).isEqualTo("TOKEN");
		assertThat(entry.get("before").isNull()).isTrue();
		JsonNode after = JSON.readTree(entry.get("after").asString());
		assertThat(after.get("title").asString()).isEqualTo("Test Pakistan-US counterterrorism dialogue");
		assertThat(after.get("topics")).hasSize(2);
	}

	@Test
	void aMergedOrganizationNamedAsAThreatStandsForTheOneThatAbsorbedIt() {
		long survivor = this.data.organization("test-survivor", "Test Survivor Front", "TSF");
		long absorbed = this.data.organization("test-absorbed", "Test Absorbed Brigade", "TAB");
		this.editor.document(MERGE)
			.variable("input",
					Map.of("survivor", GlobalId.of("Organization", survivor), "absorbed",
							GlobalId.of("Organization", absorbed)))
			.execute()
			.path("mergeOrganizations.absorbedId")
			.hasValue();

		GraphQlTester.Response response = this.editor.document(CREATE)
			.variable("input", with(roundInput(), "threats", List.of(GlobalId.of("Organization", absorbed))))
			.execute();

		response.path("createDialogue.dialogue.threats[*].key")
			.entityList(String.class)
			.containsExactly("test-survivor");
	}

	@Test
	void createDialogueMakesAKeyFromTheTitleWhenNoneIsGiven() {
		Map<String, Object> input = Map.of("title", "Test  Round: Kabul", "date", "2023-01-01", "datePrecision",
				"YEAR");

		GraphQlTester.Response response = this.editor.document(CREATE).variable("input", input).execute();

		response.path("createDialogue.dialogue.key").entity(String.class).isEqualTo("test-round-kabul-2023-01-01");
		response.path("createDialogue.dialogue.datePrecision").entity(String.class).isEqualTo("YEAR");
		response.path("createDialogue.dialogue.parties").entityList(String.class).hasSize(0);
	}

	@Test
	void createDialogueRefusesBadInputNamingThePathAndCreatesNothing() {
		long rounds = this.data.count("select count(*) from dialogue");
		long entries = this.data.count("select count(*) from audit_entry");

		assertRefused(this.editor, CREATE, with(roundInput(), "endDate", "2025-06-01"), "BAD_USER_INPUT",
				List.of("input", "endDate"), "ends (2025-06-01) before it starts (2025-06-02)");
		assertRefused(this.editor, CREATE,
				with(roundInput(), "threats",
						List.of(this.data.organizationId("ttp"), GlobalId.of("Organization", 999_999))),
				"NOT_FOUND", List.of("input", "threats", 1), "no organization has the id");
		assertRefused(this.editor, CREATE, with(roundInput(), "date", "2024-01-15"), "BAD_USER_INPUT",
				List.of("input", "previous"), "does not start before this one");
		assertRefused(this.editor, CREATE,
				with(roundInput(), "delegates", List.of(Map.of("name", "Test Someone", "organization", "nonsense"))),
				"BAD_USER_INPUT", List.of("input", "delegates", 0, "organization"), "not an id of this API");
		assertRefused(this.editor, CREATE, with(roundInput(), "sources", List.of("no-such-document")), "NOT_FOUND",
				List.of("input", "sources", 0), "no-such-document");
		assertRefused(this.editor, CREATE, with(roundInput(), "parties", List.of("PAK", "Pakistan")), "BAD_USER_INPUT",
				List.of("input", "parties", 1), "not an ISO 3166 alpha-3");
		assertRefused(this.editor, CREATE, with(roundInput(), "key", "pak-usa-ct-dialogue-2024"), "BAD_USER_INPUT",
				List.of("input", "key"), "taken");
		assertRefused(this.editor, CREATE, with(with(roundInput(), "datePrecision", "MONTH"), "endDate", null),
				"BAD_USER_INPUT", List.of("input", "date"), "first day (2025-06-01)");

		assertThat(this.data.count("select count(*) from dialogue")).isEqualTo(rounds);
		assertThat(this.data.count("select count(*) from person where name like 'Test %'")).isZero();
		assertThat(this.data.count("select count(*) from audit_entry")).isEqualTo(entries);
	}

	@Test
	void createDialogueRefusesUnboundedInputBeforeTheDatabase() {
		long rounds = this.data.count("select count(*) from dialogue");
		long entries = this.data.count("select count(*) from audit_entry");
		String ttp = this.data.organizationId("ttp");
		List<Map<String, Object>> commitments = Collections.nCopies(101, Map.of("description", "train police"));

		assertRefusedEarly(CREATE, with(roundInput(), "commitments", commitments), List.of("input", "commitments"),
				"at most 100 items are allowed, got 101");
		assertRefusedEarly(CREATE, with(roundInput(), "summary", "x".repeat(10_000)), List.of("input", "summary"),
				"at most 4,000 characters are allowed, got 10,000");
		assertRefusedEarly(CREATE, with(roundInput(), "title", "Test\u0000round"), List.of("input", "title"),
				"found U+0000 at offset 4");
		assertRefusedEarly(CREATE,
				with(roundInput(), "threats",
						List.of(ttp, this.data.organizationId("iskp"), this.data.organizationId("pakistan-mofa"), ttp)),
				List.of("input", "threats", 3), "items 0 and 3 are the same organization");
		assertRefusedEarly(CREATE, with(roundInput(), "parties", List.of("PAK", "usa", "pak")),
				List.of("input", "parties", 2), "the same country");

		assertThat(this.data.count("select count(*) from dialogue")).isEqualTo(rounds);
		assertThat(this.data.count("select count(*) from audit_entry")).isEqualTo(entries);
	}

	@Test
	void createDialogueKeepsLineBreaksAndTabsInTheSummaryOnly() {
		GraphQlTester.Response response = this.editor.document(CREATE)
			.variable("input", with(roundInput(), "summary", "First paragraph.\n\n\tSecond paragraph."))
			.execute();

		response.path("createDialogue.dialogue.summary")
			.entity(String.class)
			.isEqualTo("First paragraph.\n\n\tSecond paragraph.");
		assertRefusedEarly(CREATE, with(roundInput(), "location", "Islamabad\nRawalpindi"),
				List.of("input", "location"), "found U+000A");
	}

	// updateDialogue
	// ------------------------------------------------------------------------------

	@Test
	void updateDialogueChangesOnlyTheFieldsGiven() {
		String id = this.editor.document(CREATE)
			.variable("input", roundInput())
			.execute()
			.path("createDialogue.dialogue.id")
			.entity(String.class)
			.get();
		Map<String, Object> changes = new HashMap<>();
		changes.put("clientMutationId", "u-1");
		changes.put("id", id);
		changes.put("title", "Test Pakistan-US dialogue, eighth round");
		changes.put("endDate", null);
		changes.put("topics", List.of("aviation security"));
		changes.put("commitments", List.of(Map.of("description", "train 200 investigators", "quantity", 200)));
		changes.put("threats", List.of(this.data.organizationId("ttp")));

		GraphQlTester.Response response = this.editor.document(UPDATE).variable("input", changes).execute();

		String round = "updateDialogue.dialogue.";
		response.path("updateDialogue.clientMutationId").entity(String.class).isEqualTo("u-1");
		response.path(round + "title").entity(String.class).isEqualTo("Test Pakistan-US dialogue, eighth round");
		response.path(round + "endDate").valueIsNull();
		response.path(round + "location").entity(String.class).isEqualTo("Islamabad");
		response.path(round + "summary").entity(String.class).isEqualTo("A test round.");
		response.path(round + "topics").entityList(String.class).containsExactly("aviation security");
		response.path(round + "commitments[*].quantity").entityList(Integer.class).containsExactly(200);
		response.path(round + "threats[*].key").entityList(String.class).containsExactly("ttp");
		response.path(round + "previous.key").entity(String.class).isEqualTo("pak-usa-ct-dialogue-2024");

		JsonNode entry = auditEntries(Map.of("target", id, "operation", "updateDialogue")).get(0);
		JsonNode before = JSON.readTree(entry.get("before").asString());
		JsonNode after = JSON.readTree(entry.get("after").asString());
		assertThat(before.get("title").asString()).isEqualTo("Test Pakistan-US counterterrorism dialogue");
		assertThat(before.get("endDate").asString()).isEqualTo("2025-06-03");
		assertThat(after.get("title").asString()).isEqualTo("Test Pakistan-US dialogue, eighth round");
		assertThat(after.get("endDate").isNull()).isTrue();
	}

	@Test
	void updateDialogueIsAllOrNothing() {
		String id = this.editor.document(CREATE)
			.variable("input", roundInput())
			.execute()
			.path("createDialogue.dialogue.id")
			.entity(String.class)
			.get();

		// a valid title with an invalid previous round: neither is applied
		assertRefused(this.editor, UPDATE, Map.of("id", id, "title", "Test renamed", "previous", id), "BAD_USER_INPUT",
				List.of("input", "previous"), "cannot follow itself");
		assertRefused(this.editor, UPDATE, Map.of("id", id, "title", "Test renamed", "date", "2024-05-01"),
				"BAD_USER_INPUT", List.of("input", "date"), "not after its previous round");
		assertRefused(this.editor, UPDATE, Map.of("id", id, "title", "  "), "BAD_USER_INPUT", List.of("input", "title"),
				"must not be blank");
		assertRefused(this.editor, UPDATE, Map.of("id", GlobalId.of("Dialogue", 999_999), "title", "Test"), "NOT_FOUND",
				List.of("input", "id"), "no dialogue round");
		// the 2023 round cannot move after its next round (2024-05-10)
		assertRefused(
				this.editor, UPDATE, Map.of("id", this.data.dialogueId("pak-usa-ct-dialogue-2023"), "date",
						"2024-06-01", "datePrecision", "DAY"),
				"BAD_USER_INPUT", List.of("input", "date"), "not before its next round");

		this.graphQl.document(DIALOGUE)
			.variable("id", id)
			.execute()
			.path("dialogue.title")
			.entity(String.class)
			.isEqualTo("Test Pakistan-US counterterrorism dialogue");
		assertThat(auditEntries(Map.of("target", id))).hasSize(1);
	}

	@Test
	void updateDialogueRefusesUnboundedInputBeforeTheDatabase() {
		String id = this.data.dialogueId("pak-usa-ct-dialogue-2024");

		assertRefusedEarly(UPDATE, Map.of("id", id, "title", "t".repeat(301)), List.of("input", "title"),
				"at most 300 characters are allowed, got 301");
		assertRefusedEarly(UPDATE,
				Map.of("id", id, "topics", List.of("border security", "aviation", "border security")),
				List.of("input", "topics", 2), "items 0 and 2 are the same topic");
		assertRefusedEarly(UPDATE, Map.of("id", id, "sources", Collections.nCopies(51, "mofa-statement-2024-05-13")),
				List.of("input", "sources"), "at most 50 items are allowed, got 51");
		assertRefusedEarly(UPDATE, Map.of("id", "D".repeat(10_000), "title", "Test"), List.of("input", "id"),
				"at most 100 characters are allowed");
		assertThat(auditEntries(Map.of("target", id))).isEmpty();
	}

	// addOrganizationAlias, removeOrganizationAlias
	// -------------------------------------------------

	@Test
	void addOrganizationAliasMakesTheOrganizationFindableByIt() {
		long group = this.data.organization("test-lf", "Test Liberation Front", "TLF");
		String id = GlobalId.of("Organization", group);
		Map<String, Object> input = Map.of("clientMutationId", "a-1", "organization", id, "alias",
				"Jabhat al-Tahrir al-Ikhtibari", "validFrom", "2010-01-01", "validTo", "2015-12-31", "note",
				"its name in Arabic sources");

		GraphQlTester.Response response = this.editor.document(ADD_ALIAS).variable("input", input).execute();

		response.path("addOrganizationAlias.clientMutationId").entity(String.class).isEqualTo("a-1");
		response.path("addOrganizationAlias.alias.name")
			.entity(String.class)
			.isEqualTo("Jabhat al-Tahrir al-Ikhtibari");
		response.path("addOrganizationAlias.alias.validTo").entity(String.class).isEqualTo("2015-12-31");
		response.path("addOrganizationAlias.organization.aliases[*].name")
			.entityList(String.class)
			.contains("Jabhat al-Tahrir al-Ikhtibari", "TLF");
		// found by the alias written differently, as every lookup compares names
		this.graphQl.document(ORGANIZATION)
			.variable("name", "AL TAHRIR AL IKHTIBARI, JABHAT")
			.execute()
			.path("organization.key")
			.entity(String.class)
			.isEqualTo("test-lf");

		JsonNode entry = onlyAuditEntryOf(id);
		assertThat(entry.get("operation").asString()).isEqualTo("addOrganizationAlias");
		assertThat(JSON.readTree(entry.get("before").asString()).get("aliases")).hasSize(2);
		assertThat(JSON.readTree(entry.get("after").asString()).get("aliases")).hasSize(3);
	}

	@Test
	void addOrganizationAliasRefusesANameAnotherOrganizationGoesBy() {
		long group = this.data.organization("test-lf", "Test Liberation Front", "TLF");
		String id = GlobalId.of("Organization", group);

		// TTP's alias "Tehreek-e-Taliban Pakistan", in another order and case
		assertRefused(this.editor, ADD_ALIAS, Map.of("organization", id, "alias", "PAKISTAN tehreek-e taliban"),
				"BAD_USER_INPUT", List.of("input", "alias"), "already names Tehrik-i-Taliban Pakistan");
		assertRefused(this.editor, ADD_ALIAS, Map.of("organization", id, "alias", "t.l.f."), "BAD_USER_INPUT",
				List.of("input", "alias"), "already an alias of Test Liberation Front");
		assertRefused(this.editor, ADD_ALIAS,
				Map.of("organization", id, "alias", "Test Front", "validFrom", "2020-01-01", "validTo", "2019-01-01"),
				"BAD_USER_INPUT", List.of("input", "validTo"), "ends (2019-01-01) before it starts (2020-01-01)");
		assertRefused(this.editor, ADD_ALIAS, Map.of("organization", id, "alias", " -- "), "BAD_USER_INPUT",
				List.of("input", "alias"), "no letter or digit");
		assertRefused(this.editor, ADD_ALIAS,
				Map.of("organization", GlobalId.of("Organization", 999_999), "alias", "Test Front"), "NOT_FOUND",
				List.of("input", "organization"), "no organization has the id");
		assertRefused(this.editor, ADD_ALIAS,
				Map.of("organization", this.data.dialogueId("pak-usa-ct-dialogue-2024"), "alias", "Test Front"),
				"BAD_USER_INPUT", List.of("input", "organization"), "not of a Organization");

		assertThat(this.data.count("select count(*) from organization_alias where organization_id = " + group))
			.isEqualTo(2);
		assertThat(auditEntries(Map.of("target", id))).isEmpty();
	}

	@Test
	void removeOrganizationAliasRemovesItButNeverTheNameOrAcronym() {
		long group = this.data.organization("test-lf", "Test Liberation Front", "TLF", "Test Freedom Movement");
		String id = GlobalId.of("Organization", group);

		GraphQlTester.Response response = this.editor.document(REMOVE_ALIAS)
			.variable("input", Map.of("organization", id, "alias", "movement freedom test"))
			.execute();

		response.path("removeOrganizationAlias.removedAlias.name")
			.entity(String.class)
			.isEqualTo("Test Freedom Movement");
		response.path("removeOrganizationAlias.organization.aliases[*].name")
			.entityList(String.class)
			.containsExactly("TLF", "Test Liberation Front");
		assertRefused(this.editor, REMOVE_ALIAS, Map.of("organization", id, "alias", "Test Freedom Movement"),
				"NOT_FOUND", List.of("input", "alias"), "is not an alias of Test Liberation Front");
		assertRefused(this.editor, REMOVE_ALIAS, Map.of("organization", id, "alias", "tlf"), "BAD_USER_INPUT",
				List.of("input", "alias"), "canonical name or acronym");
		assertThat(auditEntries(Map.of("target", id, "operation", "removeOrganizationAlias"))).hasSize(1);
	}

	// mergeOrganizations
	// ---------------------------------------------------------------------------

	@Test
	void organizationAliasMutationsRefuseUnboundedInputBeforeTheDatabase() {
		long group = this.data.organization("test-lf", "Test Liberation Front", "TLF");
		String id = GlobalId.of("Organization", group);

		assertRefusedEarly(ADD_ALIAS, Map.of("organization", id, "alias", "Test\u0000Front"), List.of("input", "alias"),
				"found U+0000");
		assertRefusedEarly(ADD_ALIAS, Map.of("organization", id, "alias", "Test Front", "note", "n".repeat(501)),
				List.of("input", "note"), "at most 500 characters");
		assertRefusedEarly(ADD_ALIAS,
				Map.of("organization", id, "alias", "Test Front", "clientMutationId", "c".repeat(101)),
				List.of("input", "clientMutationId"), "at most 100 characters");
		assertRefusedEarly(REMOVE_ALIAS, Map.of("organization", id, "alias", "a".repeat(301)),
				List.of("input", "alias"), "at most 300 characters");

		assertThat(this.data.count("select count(*) from organization_alias where organization_id = " + group))
			.isEqualTo(2);
		assertThat(auditEntries(Map.of("target", id))).isEmpty();
	}

	@Test
	void mergeOrganizationsMovesAliasesAndLinksAndRedirectsTheAbsorbedOne() {
		long survivor = this.data.organization("test-survivor", "Test Survivor Front", "TSF", "Shared Test Name");
		long absorbed = this.data.organization("test-absorbed", "Test Absorbed Brigade", "TAB", "Test Old Name",
				"Shared Test Name");
		long child = this.data.organization("test-child", "Test Child Cell", null);
		this.data.parent(child, absorbed);
		long earlier = this.data.organization("test-earlier", "Test Earlier Splinter", null);
		this.jdbc.update("update organization set merged_into_id = :a where id = :e",
				Map.of("a", absorbed, "e", earlier));
		long incident = this.data.incidentOf(absorbed, "Test Bannu");
		long round = this.data.dialogueNaming("test-round", absorbed, survivor);
		this.data.document("test-statement", absorbed);
		String survivorId = GlobalId.of("Organization", survivor);
		String absorbedId = GlobalId.of("Organization", absorbed);

		GraphQlTester.Response response = this.editor.document(MERGE)
			.variable("input", Map.of("clientMutationId", "m-1", "survivor", survivorId, "absorbed", absorbedId))
			.execute();

		response.path("mergeOrganizations.clientMutationId").entity(String.class).isEqualTo("m-1");
		response.path("mergeOrganizations.absorbedId").entity(String.class).isEqualTo(absorbedId);
		response.path("mergeOrganizations.survivor.aliases[*].name")
			.entityList(String.class)
			.containsExactly("Shared Test Name", "TAB", "TSF", "Test Absorbed Brigade", "Test Old Name",
					"Test Survivor Front");
		String moved = "mergeOrganizations.moved.";
		response.path(moved + "aliases").entity(Integer.class).isEqualTo(3);
		response.path(moved + "incidentPerpetrators").entity(Integer.class).isEqualTo(1);
		response.path(moved + "sourceRecordActors").entity(Integer.class).isEqualTo(1);
		response.path(moved + "dialogueThreats").entity(Integer.class).isEqualTo(0);
		response.path(moved + "dialogueDelegates").entity(Integer.class).isEqualTo(1);
		response.path(moved + "children").entity(Integer.class).isEqualTo(1);
		response.path(moved + "publications").entity(Integer.class).isEqualTo(1);
		response.path(moved + "earlierMerges").entity(Integer.class).isEqualTo(1);

		// the absorbed organization and the one merged into it earlier redirect
		for (long redirected : List.of(absorbed, earlier)) {
			this.graphQl.document(ORGANIZATION)
				.variable("id", GlobalId.of("Organization", redirected))
				.execute()
				.path("organization.key")
				.entity(String.class)
				.isEqualTo("test-survivor");
		}
		this.graphQl.document("query($id: ID!) { node(id: $id) { ... on Organization { key } } }")
			.variable("id", absorbedId)
			.execute()
			.path("node.key")
			.entity(String.class)
			.isEqualTo("test-survivor");
		this.graphQl.document(ORGANIZATION)
			.variable("name", "Test Old Name")
			.execute()
			.path("organization.key")
			.entity(String.class)
			.isEqualTo("test-survivor");
		Map<String, Object> links = Map.of("s", survivor, "a", absorbed, "i", incident, "d", round, "c", child);
		assertThat(count("select count(*) from incident_perpetrator where incident_id = :i and organization_id = :s",
				links))
			.isOne();
		assertThat(count("select count(*) from source_record_actor where organization_id = :a", links)).isZero();
		assertThat(count("select count(*) from dialogue_threat where dialogue_id = :d", links)).isOne();
		assertThat(
				count("select count(*) from dialogue_delegate where dialogue_id = :d and organization_id = :s", links))
			.isOne();
		assertThat(count("select count(*) from organization where id = :c and parent_id = :s", links)).isOne();
		assertThat(count("select count(*) from source_document where publisher_id = :s", links)).isOne();
		assertThat(count("select count(*) from organization_alias where organization_id = :a", links)).isZero();

		JsonNode entry = onlyAuditEntryOf(absorbedId);
		assertThat(entry.get("targets")).extracting(JsonNode::asString).containsExactly(survivorId, absorbedId);
		JsonNode after = JSON.readTree(entry.get("after").asString());
		assertThat(after.at("/absorbed/mergedInto").asLong()).isEqualTo(survivor);
		assertThat(after.at("/moved/aliases").asInt()).isEqualTo(3);
		assertThat(JSON.readTree(entry.get("before").asString()).at("/absorbed/mergedInto").isNull()).isTrue();
	}

	@Test
	void mergeOrganizationsRefusesImpossibleMerges() {
		long survivor = this.data.organization("test-survivor", "Test Survivor Front", "TSF");
		long absorbed = this.data.organization("test-absorbed", "Test Absorbed Brigade", "TAB");
		String survivorId = GlobalId.of("Organization", survivor);
		String absorbedId = GlobalId.of("Organization", absorbed);

		assertRefused(this.editor, MERGE, Map.of("survivor", survivorId, "absorbed", survivorId), "BAD_USER_INPUT",
				List.of("input", "absorbed"), "cannot be merged into itself");
		assertRefused(this.editor, MERGE,
				Map.of("survivor", survivorId, "absorbed", GlobalId.of("Organization", 999_999)), "NOT_FOUND",
				List.of("input", "absorbed"), "no organization has the id");
		this.editor.document(MERGE)
			.variable("input", Map.of("survivor", survivorId, "absorbed", absorbedId))
			.execute()
			.path("mergeOrganizations.absorbedId")
			.hasValue();
		assertRefused(this.editor, MERGE, Map.of("survivor", survivorId, "absorbed", absorbedId), "BAD_USER_INPUT",
				List.of("input", "absorbed"), "was merged already");
		assertRefused(this.editor, MERGE, Map.of("survivor", absorbedId, "absorbed", survivorId), "BAD_USER_INPUT",
				List.of("input", "survivor"), "merge into that one");
	}

	@Test
	void mergeOrganizationsRefusesUnboundedInputBeforeTheDatabase() {
		String survivor = GlobalId.of("Organization", this.data.organization("test-survivor", "Test Survivor", null));

		assertRefusedEarly(MERGE, Map.of("survivor", survivor, "absorbed", "A".repeat(1000)),
				List.of("input", "absorbed"), "at most 100 characters are allowed, got 1,000");
		assertRefusedEarly(MERGE, Map.of("survivor", survivor, "absorbed", "Org\u0000"), List.of("input", "absorbed"),
				"U+0000");
	}

	// Access
	// ----------------------------------------------------------------------------------

	@Test
	void aMutationWithoutATokenIsUnauthenticatedAndChangesNothing() {
		long group = this.data.organization("test-lf", "Test Liberation Front", "TLF");
		Map<String, Object> input = Map.of("organization", GlobalId.of("Organization", group), "alias", "Test Front");
		long entries = this.data.count("select count(*) from audit_entry");

		ResponseError anonymous = singleError(this.graphQl.document(ADD_ALIAS).variable("input", input).execute());
		assertThat(anonymous.getExtensions()).containsEntry("code", "UNAUTHENTICATED");
		assertThat(anonymous.getMessage()).contains("needs an editor's credential", "Authorization: Bearer");

		ResponseError reader = singleError(this.reader.document(ADD_ALIAS).variable("input", input).execute());
		assertThat(reader.getExtensions()).containsEntry("code", "FORBIDDEN");
		assertThat(reader.getMessage()).contains("is a reader's");

		ResponseError revoked = singleError(this.revoked.document(ADD_ALIAS).variable("input", input).execute());
		assertThat(revoked.getExtensions()).containsEntry("code", "UNAUTHENTICATED");
		assertThat(revoked.getMessage()).contains("unknown or revoked");

		ResponseError wrong = singleError(
				as("iit_" + "x".repeat(43)).document(ADD_ALIAS).variable("input", input).execute());
		assertThat(wrong.getExtensions()).containsEntry("code", "UNAUTHENTICATED");

		ResponseError notBearer = singleError(this.graphQl.mutate()
			.header("Authorization", "Basic dXNlcjpwYXNz")
			.build()
			.document(ADD_ALIAS)
			.variable("input", input)
			.execute());
		assertThat(notBearer.getExtensions()).containsEntry("code", "UNAUTHENTICATED");

		assertThat(this.data.count("select count(*) from organization_alias where organization_id = " + group))
			.isEqualTo(2);
		assertThat(this.data.count("select count(*) from audit_entry")).isEqualTo(entries);
	}

	@Test
	void aRevokedOrUnknownTokenIsRefusedOnQueriesTooWhileAnonymousQueriesAreOpen() {
		String query = "{ organizations(first: 1) { totalCount } }";

		this.graphQl.document(query).execute().path("organizations.totalCount").hasValue();
		this.reader.document(query).execute().path("organizations.totalCount").hasValue();
		ResponseError revoked = singleError(this.revoked.document(query).execute());
		assertThat(revoked.getExtensions()).containsEntry("code", "UNAUTHENTICATED");
		ResponseError jwtShaped = singleError(as("eyJhbGciOiJIUzI1NiJ9.e30.c2ln").document(query).execute());
		assertThat(jwtShaped.getExtensions()).containsEntry("code", "UNAUTHENTICATED");
	}

	@Test
	void theAuditLogIsForEditorsOnlyAndPagesNewestFirst() {
		long group = this.data.organization("test-lf", "Test Liberation Front", "TLF");
		String id = GlobalId.of("Organization", group);
		for (String alias : List.of("Test Front One", "Test Front Two", "Test Front Three")) {
			this.editor.document(ADD_ALIAS)
				.variable("input", Map.of("organization", id, "alias", alias))
				.execute()
				.path("addOrganizationAlias.alias.name")
				.hasValue();
		}

		ResponseError anonymous = singleError(
				this.graphQl.document(AUDIT).variable("filter", Map.of("target", id)).execute());
		assertThat(anonymous.getExtensions()).containsEntry("code", "UNAUTHENTICATED");
		ResponseError reader = singleError(
				this.reader.document(AUDIT).variable("filter", Map.of("target", id)).execute());
		assertThat(reader.getExtensions()).containsEntry("code", "FORBIDDEN");

		GraphQlTester.Response first = this.editor.document(AUDIT)
			.variable("filter", Map.of("target", id, "actor", this.editorName))
			.variable("first", 2)
			.execute();
		first.path("auditLog.totalCount").entity(Integer.class).isEqualTo(3);
		first.path("auditLog.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(true);
		List<String> afters = first.path("auditLog.edges[*].node.after").entityList(String.class).get();
		assertThat(afters.get(0)).contains("Test Front Three");
		assertThat(afters.get(1)).contains("Test Front Two").doesNotContain("Test Front Three");
		String cursor = first.path("auditLog.pageInfo.endCursor").entity(String.class).get();
		this.editor.document(AUDIT)
			.variable("filter", Map.of("target", id))
			.variable("first", 2)
			.variable("after", cursor)
			.execute()
			.path("auditLog.edges[*].node.after")
			.entityList(String.class)
			.satisfies((rest) -> assertThat(rest).singleElement().asString().contains("Test Front One"));
		this.editor.document(AUDIT)
			.variable("filter", Map.of("target", id, "actor", "someone-else"))
			.execute()
			.path("auditLog.totalCount")
			.entity(Integer.class)
			.isEqualTo(0);
		this.editor.document(AUDIT)
			.variable("filter", Map.of("target", id, "from", "2999-01-01T00:00:00Z"))
			.execute()
			.path("auditLog.totalCount")
			.entity(Integer.class)
			.isEqualTo(0);
		assertRefused(this.editor, AUDIT, null, "BAD_USER_INPUT", List.of("filter", "target"), "not an id",
				Map.of("target", "nonsense"));
	}

	// Helpers
	// ---------------------------------------------------------------------------------

	private Map<String, Object> roundInput() {
		Map<String, Object> input = new HashMap<>();
		input.put("clientMutationId", "c-1");
		input.put("key", "test-pak-usa-ct-dialogue-2025");
		input.put("title", "Test Pakistan-US counterterrorism dialogue");
		input.put("date", "2025-06-02");
		input.put("endDate", "2025-06-03");
		input.put("location", "Islamabad");
		input.put("hostCountry", "pak");
		input.put("format", "bilateral");
		input.put("summary", "A test round.");
		input.put("parties", List.of("USA", "PAK"));
		input.put("topics", List.of("border security", "capacity building"));
		input.put("delegates",
				List.of(Map.of("name", "Test Co-chair One", "role", "co-chair", "country", "PAK", "organization",
						this.data.organizationId("pakistan-mofa")),
						Map.of("name", "Test Co-chair Two", "role", "co-chair", "country", "USA")));
		input.put("threats", List.of(this.data.organizationId("ttp"), this.data.organizationId("iskp")));
		input.put("commitments", List.of(Map.of("description", "train police", "quantity", 500, "qualifier",
				"MORE_THAN", "unit", "people trained"), Map.of("description", "keep talking")));
		input.put("previous", this.data.dialogueId("pak-usa-ct-dialogue-2024"));
		input.put("sources", List.of("mofa-statement-2024-05-13"));
		return input;
	}

	private static Map<String, Object> with(Map<String, Object> input, String field, Object value) {
		Map<String, Object> changed = new HashMap<>(input);
		changed.put(field, value);
		return changed;
	}

	private void assertRefused(HttpGraphQlTester tester, String document, Map<String, Object> input, String code,
			List<Object> argumentPath, String messagePart) {
		assertRefused(tester, document, input, code, argumentPath, messagePart, null);
	}

	private void assertRefused(HttpGraphQlTester tester, String document, Map<String, Object> input, String code,
			List<Object> argumentPath, String messagePart, Map<String, Object> filter) {
		GraphQlTester.Request<?> request = tester.document(document);
		if (input != null) {
			request = request.variable("input", input);
		}
		if (filter != null) {
			request = request.variable("filter", filter);
		}
		ResponseError error = singleError(request.execute());
		assertThat(error.getExtensions()).as(error.getMessage())
			.containsEntry("code", code)
			.containsEntry("argumentPath", argumentPath);
		assertThat(error.getMessage()).contains(messagePart);
	}

	/**
	 * Refused with {@code BAD_USER_INPUT} before the mutation touched the database: the
	 * only statements of the request are the editor token's look-up (none are recorded
	 * where the data source is not proxied).
	 */
	private void assertRefusedEarly(String document, Map<String, Object> input, List<Object> argumentPath,
			String messagePart) {
		awaitNoStatements();
		StatementCounting.STATEMENTS.clear();
		assertRefused(this.editor, document, input, "BAD_USER_INPUT", argumentPath, messagePart);
		assertThat(StatementCounting.STATEMENTS).allSatisfy((statement) -> assertThat(statement).contains("api_token"));
	}

	/**
	 * Waits until no statement runs: a request whose client gave up waiting (a slow
	 * machine) still runs on the server and would be counted as the next one's.
	 */
	private static void awaitNoStatements() {
		for (int i = 0; i < 50; i++) {
			int seen = StatementCounting.STATEMENTS.size();
			try {
				Thread.sleep(300);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
			if (StatementCounting.STATEMENTS.size() == seen) {
				return;
			}
		}
	}

	private static ResponseError singleError(GraphQlTester.Response response) {
		ResponseError[] found = new ResponseError[1];
		response.errors().satisfy((errors) -> {
			assertThat(errors).hasSize(1);
			found[0] = errors.get(0);
		});
		return found[0];
	}

	private JsonNode onlyAuditEntryOf(String target) {
		List<JsonNode> entries = auditEntries(Map.of("target", target));
		assertThat(entries).hasSize(1);
		return entries.get(0);
	}

	private List<JsonNode> auditEntries(Map<String, Object> filter) {
		Object nodes = this.editor.document(AUDIT)
			.variable("filter", filter)
			.execute()
			.path("auditLog.edges[*].node")
			.entityList(Object.class)
			.get();
		List<JsonNode> entries = new java.util.ArrayList<>();
		for (JsonNode entry : JSON.<JsonNode>valueToTree(nodes)) {
			entries.add(entry);
		}
		return entries;
	}

	private long count(String sql, Map<String, Object> parameters) {
		return this.jdbc.queryForObject(sql, parameters, Long.class);
	}

}
