package org.incidentintel.api.ingest;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.incidentintel.api.testing.H2IntegrationTest;
import org.incidentintel.api.testing.TestDatabase;
import org.incidentintel.domain.security.ApiTokens;
import org.incidentintel.domain.security.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which caller sees what of a run's file: its name (no directory) and checksum to anyone,
 * the path as recorded to editors only.
 */
@H2IntegrationTest
class IngestRunFileIntegrationTests {

	private static final String RECORDED = "/srv/incidentintel/data/inbox/ged241.csv";

	private static final String QUERY = "{ ingestRuns(first: 5) { edges { node { fileName fileChecksum filePath } } } }";

	@Autowired
	HttpGraphQlTester graphQl;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ApiTokens tokens;

	@BeforeEach
	void oneRunRecordedWithAServerPath() {
		TestDatabase.clear(this.jdbc);
		this.jdbc.update(
				"insert into ingest_run (dataset, file_name, file_checksum, status, started_at, finished_at, "
						+ "read_count, inserted_count, updated_count, unchanged_count, rejected_count, filtered_count) "
						+ "values ('ucdp-ged', ?, 'abc123', 'COMPLETED', ?, ?, 1, 1, 0, 0, 0, 0)",
				RECORDED, Timestamp.from(Instant.parse("2024-06-01T10:00:00Z")),
				Timestamp.from(Instant.parse("2024-06-01T10:01:00Z")));
	}

	@Test
	void anyoneSeesTheFileNameWithoutItsDirectoryAndTheChecksum() {
		GraphQlTester.Response response = this.graphQl
			.document("{ ingestRuns(first: 5) { edges { node { fileName fileChecksum } } } }")
			.execute();

		response.path("ingestRuns.edges[0].node.fileName").entity(String.class).isEqualTo("ged241.csv");
		response.path("ingestRuns.edges[0].node.fileChecksum").entity(String.class).isEqualTo("abc123");
	}

	@Test
	void thePathIsRefusedWithoutACredentialAndToAReaderAndTheRestOfTheRunIsAnswered() {
		GraphQlTester.Response anonymous = this.graphQl.document(QUERY).execute();
		assertThat(singleError(anonymous).getExtensions()).containsEntry("code", "UNAUTHENTICATED");
		anonymous.path("ingestRuns.edges[0].node.filePath").valueIsNull();
		anonymous.path("ingestRuns.edges[0].node.fileName").entity(String.class).isEqualTo("ged241.csv");

		GraphQlTester.Response reader = as(token(Role.READER)).document(QUERY).execute();
		ResponseError refused = singleError(reader);
		assertThat(refused.getExtensions()).containsEntry("code", "FORBIDDEN");
		assertThat(refused.getMessage()).contains("is a reader's").doesNotContain("/srv");
		reader.path("ingestRuns.edges[0].node.filePath").valueIsNull();
	}

	@Test
	void anEditorSeesThePathAsRecorded() {
		GraphQlTester.Response editor = as(token(Role.EDITOR)).document(QUERY).execute();

		editor.errors().verify();
		editor.path("ingestRuns.edges[0].node.filePath").entity(String.class).isEqualTo(RECORDED);
		editor.path("ingestRuns.edges[0].node.fileName").entity(String.class).isEqualTo("ged241.csv");
	}

	@Test
	void theBaseNameDropsUnixAndWindowsDirectories() {
		assertThat(List.of("ged.csv", "/a/b/ged.csv", "C:\\data\\ged.csv", "./ged.csv", "in/ged.csv/"))
			.extracting(IngestRunController::baseName)
			.containsOnly("ged.csv");
	}

	private String token(Role role) {
		return this.tokens
			.create("file-" + role.name().toLowerCase() + "-" + UUID.randomUUID().toString().substring(0, 8), role)
			.token();
	}

	private HttpGraphQlTester as(String token) {
		return this.graphQl.mutate().header("Authorization", "Bearer " + token).build();
	}

	private static ResponseError singleError(GraphQlTester.Response response) {
		ResponseError[] found = new ResponseError[1];
		response.errors().satisfy((errors) -> {
			assertThat(errors).hasSize(1);
			found[0] = errors.get(0);
		});
		return found[0];
	}

}
