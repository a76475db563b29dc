package org.incidentintel.etl.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.incidentintel.domain.security.TokenDigest;
import org.incidentintel.etl.EtlApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code tokens create|list|revoke} end to end against an H2 file database in a temporary
 * directory, as an operator uses them.
 */
class TokensCommandIntegrationTests {

	@TempDir
	Path directory;

	@Test
	void anOperatorCreatesListsAndRevokesTokensAndOnlyDigestsAreStored() throws Exception {
		Result created = run("tokens", "create", "--name", "ci-curator", "--role", "editor");

		assertThat(created.exitCode()).as(created.err()).isZero();
		String[] lines = created.out().strip().split("\\R");
		assertThat(lines[0]).isEqualTo("token created: name=ci-curator role=editor");
		String token = lines[1];
		assertThat(token).matches("iit_[A-Za-z0-9_-]{43}");
		assertThat(created.err()).contains("cannot be shown again");

		// the database holds the digest, never the token
		assertThat(select("select name, role, token_hash from api_token"))
			.containsExactly(List.of("ci-curator", "EDITOR", TokenDigest.sha256(token)));

		Result again = run("tokens", "create", "--name", "ci-curator");
		assertThat(again.exitCode()).isEqualTo(2);
		assertThat(again.err()).contains("error: a token named 'ci-curator' exists already");

		assertThat(run("tokens", "create", "--name", "dashboard").exitCode()).isZero();
		Result listed = run("tokens", "list");
		assertThat(listed.out()).contains("ci-curator", "editor", "dashboard", "reader", "active")
			.doesNotContain(token);

		Result revoked = run("tokens", "revoke", "--name", "ci-curator");
		assertThat(revoked.exitCode()).isZero();
		assertThat(revoked.out()).contains("token revoked: ci-curator");
		assertThat(run("tokens", "revoke", "--name", "ci-curator").out()).contains("was revoked already");
		Result unknown = run("tokens", "revoke", "--name", "nobody");
		assertThat(unknown.exitCode()).isEqualTo(2);
		assertThat(unknown.err()).contains("error: no token named 'nobody'");

		JsonNode json = JsonMapper.builder().build().readTree(run("tokens", "list", "--json").out());
		assertThat(json.get(0).get("name").asString()).isEqualTo("ci-curator");
		assertThat(json.get(0).get("revokedAt").isNull()).isFalse();
		assertThat(json.get(1).get("name").asString()).isEqualTo("dashboard");
		assertThat(json.get(1).get("revokedAt").isNull()).isTrue();
	}

	@Test
	void anUnknownRoleOrAMissingNameIsAUsageErrorWithoutStartingAnything() {
		Result role = run("tokens", "create", "--name", "x", "--role", "admin");
		assertThat(role.exitCode()).isEqualTo(2);
		assertThat(role.err()).contains("error: unknown role 'admin': use reader or editor");

		Result name = run("tokens", "create");
		assertThat(name.exitCode()).isEqualTo(2);
		assertThat(name.err()).contains("Missing required option: '--name=NAME'");

		Result bare = run("tokens");
		assertThat(bare.exitCode()).isEqualTo(2);
		assertThat(bare.err()).contains("Usage: incidentintel-etl", "tokens");

		Result help = run("tokens", "--help");
		assertThat(help.exitCode()).isZero();
		assertThat(help.out()).contains("create", "list", "revoke");
		assertThat(this.directory.toFile().list()).isEmpty();
	}

	private Result run(String... args) {
		StringWriter out = new StringWriter();
		StringWriter err = new StringWriter();
		int exitCode = EtlCli.run(args, EtlApplication.class, new PrintWriter(out, true), new PrintWriter(err, true),
				Map.of("spring.datasource.url", databaseUrl()));
		return new Result(exitCode, out.toString(), err.toString());
	}

	private String databaseUrl() {
		return "jdbc:h2:file:" + this.directory + "/db;AUTO_SERVER=FALSE";
	}

	private List<List<String>> select(String sql) throws SQLException {
		List<List<String>> rows = new ArrayList<>();
		try (Connection connection = DriverManager.getConnection(databaseUrl(), "", "");
				PreparedStatement statement = connection.prepareStatement(sql);
				ResultSet result = statement.executeQuery()) {
			while (result.next()) {
				List<String> row = new ArrayList<>();
				for (int column = 1; column <= result.getMetaData().getColumnCount(); column++) {
					row.add(result.getString(column));
				}
				rows.add(row);
			}
		}
		return rows;
	}

	private record Result(int exitCode, String out, String err) {
	}

}
