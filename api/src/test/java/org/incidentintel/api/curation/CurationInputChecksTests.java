package org.incidentintel.api.curation;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Set;

import org.incidentintel.api.curation.Inputs.AddAliasInput;
import org.incidentintel.api.curation.Inputs.CommitmentInput;
import org.incidentintel.api.curation.Inputs.DelegateInput;
import org.incidentintel.api.curation.Inputs.DialogueInput;
import org.incidentintel.api.curation.Inputs.MergeInput;
import org.incidentintel.api.curation.Inputs.RemoveAliasInput;
import org.incidentintel.api.error.ApiException;
import org.incidentintel.api.error.ErrorCode;
import org.incidentintel.api.relay.GlobalId;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The checks each curation mutation runs on its whole input before its transaction: no
 * database, no context.
 */
class CurationInputChecksTests {

	private static final String TTP = GlobalId.of("Organization", 7);

	private static final String ISKP = GlobalId.of("Organization", 8);

	private static final String MOFA = GlobalId.of("Organization", 9);

	@Test
	void aRoundIsNormalized() {
		DialogueInput checked = DialogueCuration.checked(round(" Test round ", " A summary.\nSecond line. ",
				List.of(TTP, ISKP), List.of(new CommitmentInput(" train police ", 500, null, null))), null);

		assertThat(checked.title()).isEqualTo("Test round");
		assertThat(checked.summary()).isEqualTo("A summary.\nSecond line.");
		assertThat(checked.parties()).containsExactly("PAK", "USA");
		assertThat(checked.commitments()).containsExactly(new CommitmentInput("train police", 500, "EQUAL", null));
		assertThat(checked.topics()).isEmpty();
	}

	@Test
	void createDialogueRefusesTooManyCommitments() {
		List<CommitmentInput> commitments = Collections.nCopies(100_000,
				new CommitmentInput("train police", 1, null, null));

		assertRefused(() -> DialogueCuration.checked(round("Test round", null, List.of(), commitments), null),
				"at most 100 items are allowed, got 100,000", "input", "commitments");
	}

	@Test
	void createDialogueRefusesATooLongSummary() {
		assertRefused(
				() -> DialogueCuration.checked(round("Test round", "x".repeat(1_000_000), List.of(), List.of()), null),
				"at most 4,000 characters are allowed, got 1,000,000", "input", "summary");
	}

	@Test
	void createDialogueRefusesANulInTheTitle() {
		assertRefused(() -> DialogueCuration.checked(round("Test\u0000round", null, List.of(), List.of()), null),
				"found U+0000 at offset 4", "input", "title");
	}

	@Test
	void createDialogueRefusesARepeatedThreatEvenSpelledDifferently() {
		assertRefused(() -> DialogueCuration
			.checked(round("Test round", null, List.of(TTP, ISKP, MOFA, TTP), List.of()), null),
				"items 0 and 3 are the same organization", "input", "threats", 3);
		// "Organization:07" is the id of the same organization
		String ttpAgain = Base64.getUrlEncoder().encodeToString("Organization:07".getBytes(StandardCharsets.UTF_8));
		assertRefused(
				() -> DialogueCuration.checked(round("Test round", null, List.of(TTP, ttpAgain), List.of()), null),
				"items 0 and 1 are the same organization", "input", "threats", 1);
	}

	@Test
	void createDialogueRefusesRepeatedPartiesTopicsSourcesAndPeople() {
		DialogueInput base = round("Test round", null, List.of(), List.of());
		assertRefused(() -> DialogueCuration.checked(with(base, List.of("pak", "USA", "PAK"), null, null, null), null),
				"the same country", "input", "parties", 2);
		assertRefused(() -> DialogueCuration.checked(with(base, null, List.of("border", " border "), null, null), null),
				"the same topic", "input", "topics", 1);
		assertRefused(() -> DialogueCuration.checked(with(base, null, null, List.of("a", "b", "a"), null), null),
				"the same source document", "input", "sources", 2);
		DelegateInput chair = new DelegateInput("Test Chair", null, "co-chair", null, "PAK");
		assertRefused(() -> DialogueCuration.checked(with(base, null, null, null, List.of(chair, chair)), null),
				"the same person", "input", "delegates", 1);
	}

	@Test
	void createDialogueRefusesNestedTextOutOfBounds() {
		DialogueInput base = round("Test round", null, List.of(), List.of());
		DelegateInput delegate = new DelegateInput("Test Chair", "x".repeat(301), null, null, null);
		assertRefused(() -> DialogueCuration.checked(with(base, null, null, null, List.of(delegate)), null),
				"at most 300 characters", "input", "delegates", 0, "title");
		assertRefused(
				() -> DialogueCuration.checked(round("Test round", null, List.of(),
						List.of(new CommitmentInput("ok", null, null, null),
								new CommitmentInput("a\u0000b", null, null, null))),
						null),
				"U+0000", "input", "commitments", 1, "description");
		assertRefused(() -> DialogueCuration.checked(with(base, null, List.of("t".repeat(501)), null, null), null),
				"at most 500 characters", "input", "topics", 0);
		assertRefused(() -> DialogueCuration.checked(with(base, null, null, null, null, "c".repeat(101)), null),
				"at most 100 characters", "input", "clientMutationId");
	}

	@Test
	void updateDialogueRefusesInputOutOfBoundsAndNeedsATitleOnlyWhenGiven() {
		String id = GlobalId.of("Dialogue", 1);
		DialogueInput title = new DialogueInput(null, id, null, "x".repeat(301), null, null, null, null, null, null,
				null, null, null, null, null, null, null, null);
		DialogueInput location = new DialogueInput(null, id, null, null, null, null, null, "Islamabad\u0007", null,
				null, null, null, null, null, null, null, null, null);

		assertRefused(() -> DialogueCuration.checked(title, Set.of("id", "title")), "at most 300 characters", "input",
				"title");
		assertRefused(() -> DialogueCuration.checked(location, Set.of("id", "location")), "U+0007", "input",
				"location");
		assertRefused(() -> DialogueCuration.checked(location, Set.of("id", "title", "location")), "must not be blank",
				"input", "title");
	}

	@Test
	void organizationMutationsRefuseInputOutOfBounds() {
		String organization = GlobalId.of("Organization", 7);
		assertRefused(
				() -> OrganizationCuration
					.checked(new AddAliasInput(null, organization, "Test\u0000Front", null, null, null)),
				"U+0000", "input", "alias");
		assertRefused(
				() -> OrganizationCuration
					.checked(new AddAliasInput(null, organization, "Test Front", null, null, "n".repeat(501))),
				"at most 500 characters", "input", "note");
		// 300 characters, but "&" reads as "and": the lookup key would not fit its column
		assertRefused(
				() -> OrganizationCuration
					.checked(new AddAliasInput(null, organization, "A" + " &".repeat(149) + "B", null, null, null)),
				"lookup key would be", "input", "alias");
		assertThat(OrganizationCuration
			.checked(new AddAliasInput(null, organization, " Test Front ", null, null, "line one\nline two"))
			.alias()).isEqualTo("Test Front");
		assertRefused(() -> OrganizationCuration.checked(new RemoveAliasInput(null, organization, "a".repeat(301))),
				"at most 300 characters", "input", "alias");
		assertRefused(() -> OrganizationCuration.checked(new MergeInput(null, "A".repeat(101), organization)),
				"at most 100 characters", "input", "survivor");
		assertRefused(() -> OrganizationCuration.checked(new MergeInput(null, organization, organization)),
				"cannot be merged into itself", "input", "absorbed");
	}

	private static DialogueInput round(String title, String summary, List<String> threats,
			List<CommitmentInput> commitments) {
		return new DialogueInput("c-1", null, "test-round", title, LocalDate.of(2025, 6, 2), null, null, "Islamabad",
				"pak", "bilateral", summary, List.of("pak", "USA"), null, null, threats, commitments, null, null);
	}

	private static DialogueInput with(DialogueInput input, List<String> parties, List<String> topics,
			List<String> sources, List<DelegateInput> delegates) {
		return with(input, parties, topics, sources, delegates, input.clientMutationId());
	}

	private static DialogueInput with(DialogueInput input, List<String> parties, List<String> topics,
			List<String> sources, List<DelegateInput> delegates, String clientMutationId) {
		return new DialogueInput(clientMutationId, input.id(), input.key(), input.title(), input.date(),
				input.datePrecision(), input.endDate(), input.location(), input.hostCountry(), input.format(),
				input.summary(), (parties != null) ? parties : input.parties(), delegates,
				(topics != null) ? topics : input.topics(), input.threats(), input.commitments(), input.previous(),
				sources);
	}

	private static void assertRefused(Runnable check, String messagePart, Object... argumentPath) {
		try {
			check.run();
		}
		catch (ApiException ex) {
			assertThat(ex.code()).isEqualTo(ErrorCode.BAD_USER_INPUT);
			assertThat(ex.argumentPath()).as(ex.getMessage()).containsExactly(argumentPath);
			assertThat(ex.getMessage()).contains(messagePart);
			return;
		}
		throw new AssertionError("not refused");
	}

}
