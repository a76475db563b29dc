package org.incidentintel.api.curation;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import graphql.language.Description;
import graphql.language.InputObjectTypeDefinition;
import graphql.language.InputValueDefinition;
import graphql.language.ObjectTypeDefinition;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static java.util.Map.entry;

/**
 * The bounds that {@link Checks} applies are the ones curation.graphqls states: each
 * bounded input field's description says "at most N".
 */
class CurationBoundsDocumentationTests {

	private static final Map<String, List<Integer>> BOUNDS = Map.ofEntries(
			entry("CreateDialogueInput.title", List.of(Checks.TITLE)),
			entry("CreateDialogueInput.location", List.of(Checks.LOCATION)),
			entry("CreateDialogueInput.format", List.of(Checks.FORMAT)),
			entry("CreateDialogueInput.summary", List.of(Checks.SUMMARY)),
			entry("CreateDialogueInput.parties", List.of(Checks.PARTIES)),
			entry("CreateDialogueInput.delegates", List.of(Checks.DELEGATES)),
			entry("CreateDialogueInput.topics", List.of(Checks.TOPICS, Checks.TOPIC)),
			entry("CreateDialogueInput.threats", List.of(Checks.THREATS)),
			entry("CreateDialogueInput.commitments", List.of(Checks.COMMITMENTS)),
			entry("CreateDialogueInput.sources", List.of(Checks.SOURCES)),
			entry("UpdateDialogueInput.title", List.of(Checks.TITLE)),
			entry("UpdateDialogueInput.location", List.of(Checks.LOCATION)),
			entry("UpdateDialogueInput.format", List.of(Checks.FORMAT)),
			entry("UpdateDialogueInput.summary", List.of(Checks.SUMMARY)),
			entry("UpdateDialogueInput.parties", List.of(Checks.PARTIES)),
			entry("UpdateDialogueInput.delegates", List.of(Checks.DELEGATES)),
			entry("UpdateDialogueInput.topics", List.of(Checks.TOPICS, Checks.TOPIC)),
			entry("UpdateDialogueInput.threats", List.of(Checks.THREATS)),
			entry("UpdateDialogueInput.commitments", List.of(Checks.COMMITMENTS)),
			entry("UpdateDialogueInput.sources", List.of(Checks.SOURCES)),
			entry("DelegateInput.name", List.of(Checks.DELEGATE_NAME)),
			entry("DelegateInput.title", List.of(Checks.DELEGATE_TITLE)),
			entry("DelegateInput.role", List.of(Checks.DELEGATE_ROLE)),
			entry("CommitmentInput.description", List.of(Checks.COMMITMENT_DESCRIPTION)),
			entry("CommitmentInput.unit", List.of(Checks.COMMITMENT_UNIT)),
			entry("AddOrganizationAliasInput.alias", List.of(Checks.ALIAS)),
			entry("AddOrganizationAliasInput.note", List.of(Checks.ALIAS_NOTE)),
			entry("RemoveOrganizationAliasInput.alias", List.of(Checks.ALIAS)),
			entry("SplitIncidentInput.dataset", List.of(Checks.DATASET)),
			entry("SplitIncidentInput.recordId", List.of(Checks.RECORD_ID)),
			entry("SplitIncidentInput.note", List.of(Checks.DECISION_NOTE)),
			entry("MergeIncidentsInput.note", List.of(Checks.DECISION_NOTE)));

	private final TypeDefinitionRegistry schema = curationSchema();

	@Test
	void everyBoundIsStatedInTheFieldsDescription() {
		List<String> wrong = new ArrayList<>();
		BOUNDS.forEach((coordinates, bounds) -> {
			String description = description(coordinates);
			for (int bound : bounds) {
				if (!description.contains(atMost(bound))) {
					wrong.add(coordinates + " does not say '" + atMost(bound) + "': " + description);
				}
			}
		});
		assertThat(wrong).isEmpty();
	}

	@Test
	void everyClientMutationIdAndTheIdsAreBoundedToo() {
		for (InputObjectTypeDefinition input : this.schema.getTypes(InputObjectTypeDefinition.class)) {
			if (input.getInputValueDefinitions()
				.stream()
				.anyMatch((field) -> field.getName().equals("clientMutationId"))) {
				assertThat(description(input.getName() + ".clientMutationId"))
					.contains(atMost(Checks.CLIENT_MUTATION_ID));
			}
		}
		String mutation = this.schema.getType("Mutation", ObjectTypeDefinition.class)
			.map(ObjectTypeDefinition::getDescription)
			.map(Description::getContent)
			.orElseThrow();
		assertThat(mutation.replaceAll("\\s+", " ")).contains("an id is " + atMost(Checks.ID) + " characters");
	}

	private String description(String coordinates) {
		String[] parts = coordinates.split("\\.");
		InputValueDefinition field = this.schema.getType(parts[0], InputObjectTypeDefinition.class)
			.orElseThrow()
			.getInputValueDefinitions()
			.stream()
			.filter((candidate) -> candidate.getName().equals(parts[1]))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no input field " + coordinates));
		return field.getDescription().getContent().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
	}

	private static String atMost(int bound) {
		return String.format(Locale.ROOT, "at most %,d", bound);
	}

	private static TypeDefinitionRegistry curationSchema() {
		try (InputStream in = CurationBoundsDocumentationTests.class
			.getResourceAsStream("/graphql/curation.graphqls")) {
			// the file extends types of the other files: only its own definitions are
			// read
			String sdl = new String(in.readAllBytes(), StandardCharsets.UTF_8);
			return new SchemaParser().parse(sdl);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
