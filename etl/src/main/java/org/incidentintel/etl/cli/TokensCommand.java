package org.incidentintel.etl.cli;

import java.io.PrintWriter;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tools.jackson.databind.json.JsonMapper;

import org.incidentintel.domain.security.ApiToken;
import org.incidentintel.domain.security.ApiTokens;
import org.incidentintel.domain.security.IssuedToken;
import org.incidentintel.domain.security.Role;

import org.springframework.context.ApplicationContext;

/**
 * {@code tokens create|list|revoke}: the API tokens that sign GraphQL requests
 * ({@code Authorization: Bearer <token>}). Only a token's SHA-256 is stored, so its text
 * is printed once, by {@code create}.
 */
@Command(name = "tokens", mixinStandardHelpOptions = true,
		description = "Creates, lists and revokes API tokens (readers query, editors also curate).",
		subcommands = { TokensCommand.Create.class, TokensCommand.ListTokens.class, TokensCommand.Revoke.class })
class TokensCommand {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
		.withZone(ZoneOffset.UTC);

	/** {@code tokens create --name N [--role reader|editor]}. */
	@Command(name = "create", mixinStandardHelpOptions = true,
			description = "Creates a token and prints it once; store it now, it cannot be shown again.")
	static class Create implements EtlTask {

		@Option(names = "--name", required = true, paramLabel = "NAME",
				description = "Unique name (who the audit log names); letters, digits, '.', '_', '@', '-'")
		String name;

		@Option(names = "--role", paramLabel = "ROLE", defaultValue = "reader",
				description = "reader (queries) or editor (also mutations and the audit log); default: reader")
		String role;

		@Override
		public void check(PrintWriter err) {
			try {
				Role.of(this.role);
			}
			catch (IllegalArgumentException ex) {
				throw new CommandException(ex.getMessage());
			}
		}

		@Override
		public int run(ApplicationContext context, PrintWriter out, PrintWriter err) {
			IssuedToken issued = context.getBean(ApiTokens.class).create(this.name, Role.of(this.role));
			out.println("token created: name=" + issued.name() + " role=" + issued.role().label());
			out.println(issued.token());
			err.println("Store the token now: only its SHA-256 is kept, so it cannot be shown again. "
					+ "Send it as 'Authorization: Bearer <token>'.");
			return ExitCodes.DONE;
		}

	}

	/** {@code tokens list [--json]}. */
	@Command(name = "list", mixinStandardHelpOptions = true,
			description = "Lists the tokens (names, roles, creation and revocation times; never their text).")
	static class ListTokens implements EtlTask {

		@Option(names = "--json", description = "Print the tokens as JSON")
		boolean json;

		@Override
		public int run(ApplicationContext context, PrintWriter out, PrintWriter err) {
			List<ApiToken> tokens = context.getBean(ApiTokens.class).list();
			if (this.json) {
				List<Map<String, Object>> rows = new ArrayList<>();
				for (ApiToken token : tokens) {
					Map<String, Object> row = new LinkedHashMap<>();
					row.put("name", token.getName());
					row.put("role", token.getRole().label());
					row.put("createdAt", token.getCreatedAt().toString());
					row.put("revokedAt", token.isRevoked() ? token.getRevokedAt().toString() : null);
					rows.add(row);
				}
				out.println(JsonMapper.builder().build().writeValueAsString(rows));
				return ExitCodes.DONE;
			}
			if (tokens.isEmpty()) {
				out.println("no tokens yet: create one with `tokens create --name NAME --role editor`");
				return ExitCodes.DONE;
			}
			out.printf("%-30s  %-6s  %-19s  %s%n", "name", "role", "created (UTC)", "status");
			for (ApiToken token : tokens) {
				out.printf("%-30s  %-6s  %-19s  %s%n", token.getName(), token.getRole().label(),
						TIME.format(token.getCreatedAt()),
						token.isRevoked() ? "revoked " + TIME.format(token.getRevokedAt()) : "active");
			}
			return ExitCodes.DONE;
		}

	}

	/** {@code tokens revoke --name N}. */
	@Command(name = "revoke", mixinStandardHelpOptions = true,
			description = "Revokes a token: the API refuses it from the next request on.")
	static class Revoke implements EtlTask {

		@Option(names = "--name", required = true, paramLabel = "NAME", description = "The token's name")
		String name;

		@Override
		public int run(ApplicationContext context, PrintWriter out, PrintWriter err) {
			boolean revoked = context.getBean(ApiTokens.class).revoke(this.name);
			out.println(revoked ? "token revoked: " + this.name : "token " + this.name + " was revoked already");
			return ExitCodes.DONE;
		}

	}

}
