package org.incidentintel.etl.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tools.jackson.databind.json.JsonMapper;

import org.incidentintel.domain.common.NameSearch;
import org.incidentintel.domain.organization.Organization;
import org.incidentintel.domain.organization.OrganizationAlias;
import org.incidentintel.domain.organization.OrganizationRepository;
import org.incidentintel.etl.cli.OrganizationCatalog.Alias;
import org.incidentintel.etl.cli.OrganizationCatalog.Entry;

import org.springframework.context.ApplicationContext;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@code organizations [--search TEXT] [--json]}: the canonical organization names and
 * their aliases, the names a mapping's actor columns resolve to.
 */
@Command(name = "organizations", mixinStandardHelpOptions = true,
		description = {
				"Lists the canonical organization names with their acronyms and aliases: the names the load "
						+ "resolves actor cells to (run `reference` first).",
				"An alias valid only for a period or only in some countries says so." })
class OrganizationsCommand implements EtlTask {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Option(names = "--search", paramLabel = "TEXT",
			description = "Rank the organizations by how close their names come to TEXT (misspellings, "
					+ "transliterations, `Name (ABBR)`), and say what the load resolves TEXT to")
	String search;

	@Option(names = "--limit", paramLabel = "N", defaultValue = "10",
			description = "How many search hits at most (default: 10)")
	int limit;

	@Option(names = "--json", description = "Print as JSON")
	boolean json;

	@Override
	public void check(PrintWriter err) {
		if (this.search != null && (this.search.isBlank() || this.search.length() > NameSearch.MAX_TEXT_LENGTH)) {
			throw new CommandException("--search takes a name of 1 to " + NameSearch.MAX_TEXT_LENGTH + " characters");
		}
		if (this.limit < 1) {
			throw new CommandException("--limit must be at least 1, not " + this.limit);
		}
	}

	@Override
	public int run(ApplicationContext context, PrintWriter out, PrintWriter err) {
		TransactionTemplate readOnly = new TransactionTemplate(context.getBean(PlatformTransactionManager.class));
		readOnly.setReadOnly(true);
		List<Entry> entries = readOnly.execute((status) -> entries(context.getBean(OrganizationRepository.class)));
		if (entries.isEmpty()) {
			err.println("no organizations yet: load the reference data with `reference`");
			if (!this.json) {
				return ExitCodes.DONE;
			}
		}
		OrganizationCatalog catalog = new OrganizationCatalog(entries);
		if (this.search == null) {
			out.println(
					this.json ? JSON.writeValueAsString(catalog.all().stream().map(OrganizationsCommand::json).toList())
							: table(catalog.all()));
			return ExitCodes.DONE;
		}
		List<Entry> resolved = catalog.resolve(this.search);
		List<NameSearch.Hit<Entry>> hits = catalog.search(this.search, this.limit);
		if (this.json) {
			Map<String, Object> json = new LinkedHashMap<>();
			json.put("search", this.search);
			json.put("resolvesTo",
					resolved.stream().map((entry) -> Map.of("key", entry.key(), "name", entry.name())).toList());
			json.put("hits", hits.stream().map(OrganizationsCommand::json).toList());
			out.println(JSON.writeValueAsString(json));
			return ExitCodes.DONE;
		}
		out.println(resolution(this.search, resolved));
		if (hits.isEmpty()) {
			out.println("no organization has a name close to it");
		}
		for (NameSearch.Hit<Entry> hit : hits) {
			out.printf("%.3f %s \"%s\"%n", hit.score(), hit.exact() ? "=" : "~", hit.name());
			out.print(block(hit.target()));
		}
		return ExitCodes.DONE;
	}

	/**
	 * The survivors of merges, each with its aliases and those of the organizations
	 * merged into it.
	 */
	private static List<Entry> entries(OrganizationRepository repository) {
		List<Organization> organizations = repository.findAll();
		Map<Long, List<Alias>> aliases = new LinkedHashMap<>();
		for (Organization organization : organizations) {
			Organization survivor = survivor(organization);
			String mergedFrom = (survivor == organization) ? null : organization.getName();
			for (OrganizationAlias alias : organization.getAliases()) {
				String countries = alias.getCountries();
				aliases.computeIfAbsent(survivor.getId(), (id) -> new ArrayList<>())
					.add(new Alias(alias.getAlias(), alias.getValidFrom(), alias.getValidTo(),
							(countries != null) ? Arrays.asList(countries.split(",")) : List.of(), mergedFrom));
			}
		}
		List<Entry> entries = new ArrayList<>();
		for (Organization organization : organizations) {
			if (organization.getMergedInto() != null) {
				continue;
			}
			Entry bare = new Entry(organization.getKey(), organization.getName(), organization.getAcronym(),
					organization.getKind().name(), organization.getCountry(), List.of());
			List<Alias> others = aliases.getOrDefault(organization.getId(), List.of())
				.stream()
				.filter((alias) -> alias.mergedFrom() != null || !bare.isOwnName(alias.name()))
				.toList();
			entries.add(new Entry(bare.key(), bare.name(), bare.acronym(), bare.kind(), bare.country(), others));
		}
		return entries;
	}

	// Merges may chain; a cycle written by hand ends the walk
	private static Organization survivor(Organization organization) {
		Organization current = organization;
		Set<Long> seen = new HashSet<>();
		while (current.getMergedInto() != null && seen.add(current.getId())) {
			current = current.getMergedInto();
		}
		return current;
	}

	static String resolution(String text, List<Entry> resolved) {
		if (resolved.isEmpty()) {
			return "\"" + text
					+ "\" resolves to no organization: the load keeps it verbatim and lists it as unresolved";
		}
		return "\"" + text + "\" resolves to: "
				+ String.join(", ", resolved.stream().map((entry) -> entry.name() + " (" + entry.key() + ")").toList());
	}

	static String table(List<Entry> entries) {
		StringBuilder table = new StringBuilder();
		entries.forEach((entry) -> table.append(block(entry)));
		table.append(entries.size()).append(" organizations");
		return table.toString();
	}

	/** One organization: its line, then one indented line per alias. */
	static String block(Entry entry) {
		StringBuilder block = new StringBuilder(entry.name());
		if (entry.acronym() != null) {
			block.append(" [").append(entry.acronym()).append(']');
		}
		block.append("  (").append(entry.key()).append(", ").append(entry.kind());
		if (entry.country() != null) {
			block.append(", ").append(entry.country());
		}
		block.append(")\n");
		for (Alias alias : entry.aliases()) {
			block.append("    ").append(alias.name());
			String limits = alias.limits();
			if (!limits.isEmpty()) {
				block.append("  (").append(limits).append(')');
			}
			block.append('\n');
		}
		return block.toString();
	}

	private static Map<String, Object> json(Entry entry) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("key", entry.key());
		json.put("name", entry.name());
		json.put("acronym", entry.acronym());
		json.put("kind", entry.kind());
		json.put("country", entry.country());
		List<Map<String, Object>> aliases = new ArrayList<>();
		for (Alias alias : entry.aliases()) {
			Map<String, Object> row = new LinkedHashMap<>();
			row.put("name", alias.name());
			row.put("validFrom", (alias.validFrom() != null) ? alias.validFrom().toString() : null);
			row.put("validTo", (alias.validTo() != null) ? alias.validTo().toString() : null);
			row.put("countries", alias.countries());
			row.put("mergedFrom", alias.mergedFrom());
			aliases.add(row);
		}
		json.put("aliases", aliases);
		return json;
	}

	private static Map<String, Object> json(NameSearch.Hit<Entry> hit) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("score", hit.score());
		json.put("exact", hit.exact());
		json.put("matched", hit.name());
		json.put("organization", json(hit.target()));
		return json;
	}

}
