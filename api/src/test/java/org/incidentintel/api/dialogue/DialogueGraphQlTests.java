package org.incidentintel.api.dialogue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import org.incidentintel.api.GraphQlSliceConfiguration;
import org.incidentintel.api.organization.Organization;
import org.incidentintel.api.organization.Organizations;
import org.incidentintel.api.organization.SourceDocuments;
import org.incidentintel.api.relay.GlobalId;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.graphql.test.autoconfigure.GraphQlTest;
import org.springframework.context.annotation.Import;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

/**
 * {@code dialogue} and {@code dialogues} in a GraphQL slice, the dialogues and
 * organizations mocked: the arguments' refusals with their codes and argument paths, and
 * the filter the arguments become.
 */
@GraphQlTest(DialogueController.class)
@Import(GraphQlSliceConfiguration.class)
class DialogueGraphQlTests {

	private static final String DIALOGUES = """
			query($filter: DialogueFilter, $first: Int, $after: String) {
			  dialogues(filter: $filter, first: $first, after: $after) { totalCount edges { cursor } }
			}
			""";

	@Autowired
	GraphQlTester graphQl;

	@MockitoBean
	Dialogues dialogues;

	@MockitoBean
	Organizations organizations;

	@MockitoBean
	SourceDocuments documents;

	@Test
	void aPageOverTheCapIsRefused() {
		ResponseError error = assertError(Map.of("first", 1000), "LIMIT_EXCEEDED", "first");

		assertThat(error.getMessage()).contains("first is 1000; a page holds at most 100 items");
		verifyNoInteractions(this.dialogues);
	}

	@Test
	void aRangeThatEndsBeforeItStartsIsRefused() {
		ResponseError error = assertError(
				Map.of("filter", Map.of("date", Map.of("from", "2024-05-10", "to", "2024-05-01"))), "BAD_USER_INPUT",
				"filter", "date");

		assertThat(error.getMessage()).isEqualTo("the range ends (2024-05-01) before it starts (2024-05-10)");
		verifyNoInteractions(this.dialogues);
	}

	@Test
	void aForeignCursorIsRefused() {
		ResponseError error = assertError(Map.of("after", "bm90IGEgY3Vyc29y"), "BAD_USER_INPUT", "after");

		assertThat(error.getMessage()).contains("is not a cursor of this list");
		verifyNoInteractions(this.dialogues);
	}

	@Test
	void aThreatMustBeAnOrganizationsIdOrAKnownName() {
		String incident = GlobalId.of("Incident", 5);
		ResponseError notAnOrganization = assertError(Map.of("filter", Map.of("threat", incident)), "BAD_USER_INPUT",
				"filter", "threat");
		assertThat(notAnOrganization.getMessage())
			.isEqualTo("'" + incident + "' is the id of a Incident, not of an organization");

		ResponseError unknown = assertError(Map.of("filter", Map.of("threat", "Nobody")), "BAD_USER_INPUT", "filter",
				"threat");
		assertThat(unknown.getMessage()).isEqualTo("no organization is known by the name 'Nobody'");
		verify(this.organizations).findByName("Nobody", "filter", "threat");
		verifyNoInteractions(this.dialogues);
	}

	@Test
	void theFilterReachesTheQueryNormalizedWithTheThreatResolvedAndAPageOneLarger() {
		given(this.organizations.findByName(eq("TTP"), any(Object[].class))).willReturn(Optional
			.of(new Organization(7, "ttp", "Tehreek-e-Taliban Pakistan", "TTP", "MILITANT_GROUP", "PAK", null, "")));
		given(this.dialogues.findPage(any(), any(), isNull(), anyInt())).willReturn(List.of());
		given(this.dialogues.count(any(), any())).willReturn(42L);
		Map<String, Object> variables = new LinkedHashMap<>();
		variables.put("filter", Map.of("party", " pak ", "threat", "TTP"));
		variables.put("first", 2);

		this.graphQl.document(DIALOGUES)
			.variables(variables)
			.execute()
			.path("dialogues.totalCount")
			.entity(Integer.class)
			.isEqualTo(42);

		DialogueFilter expected = new DialogueFilter(null, "PAK", "TTP");
		verify(this.dialogues).findPage(expected, 7L, null, 3);
		verify(this.dialogues).count(expected, 7L);
	}

	@Test
	void aDialogueByAMalformedOrAnotherTypesIdIsRefused() {
		assertThat(dialogue("nonsense").getMessage()).isEqualTo("'nonsense' is not an id of this API");
		assertThat(dialogue(GlobalId.of("Incident", 5)).getMessage())
			.contains("is the id of a Incident, not of a Dialogue");
		verifyNoInteractions(this.dialogues);
	}

	private ResponseError dialogue(String id) {
		AtomicReference<ResponseError> error = new AtomicReference<>();
		this.graphQl.document("query($id: ID!) { dialogue(id: $id) { key } }")
			.variable("id", id)
			.execute()
			.errors()
			.satisfy((errors) -> {
				assertThat(errors).hasSize(1);
				error.set(errors.get(0));
			});
		assertThat(error.get().getExtensions()).containsEntry("code", "BAD_USER_INPUT")
			.containsEntry("argumentPath", List.of("id"));
		return error.get();
	}

	private ResponseError assertError(Map<String, Object> variables, String code, Object... argumentPath) {
		AtomicReference<ResponseError> error = new AtomicReference<>();
		this.graphQl.document(DIALOGUES).variables(variables).execute().errors().satisfy((errors) -> {
			assertThat(errors).hasSize(1);
			error.set(errors.get(0));
		});
		assertThat(error.get().getExtensions()).containsEntry("code", code)
			.containsEntry("argumentPath", List.of(argumentPath));
		return error.get();
	}

}
