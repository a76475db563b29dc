package org.incidentintel.domain.reference;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.incidentintel.domain.common.NameKey;

/**
 * Checks across entries and files: unique ids, known references, aliases and region names
 * that two entries claim at the same time.
 */
final class ReferenceDataValidator {

	private final ReferenceFile<OrganizationEntry> organizations;

	private final ReferenceFile<RegionEntry> regions;

	private final ReferenceFile<SourceDocumentEntry> documents;

	private final ReferenceFile<DialogueEntry> dialogues;

	private final ReferenceFile<ReportEntry> reports;

	ReferenceDataValidator(ReferenceFile<OrganizationEntry> organizations, ReferenceFile<RegionEntry> regions,
			ReferenceFile<SourceDocumentEntry> documents, ReferenceFile<DialogueEntry> dialogues,
			ReferenceFile<ReportEntry> reports) {
		this.organizations = organizations;
		this.regions = regions;
		this.documents = documents;
		this.dialogues = dialogues;
		this.reports = reports;
	}

	void validate() {
		Set<String> organizationIds = uniqueIds(this.organizations);
		Set<String> regionIds = uniqueIds(this.regions);
		Set<String> documentIds = uniqueIds(this.documents);
		Set<String> dialogueIds = uniqueIds(this.dialogues);
		Set<String> reportIds = uniqueIds(this.reports);
		validateOrganizations(organizationIds);
		validateRegions(regionIds);
		for (int i = 0; i < this.documents.size(); i++) {
			SourceDocumentEntry document = this.documents.entry(i);
			if (document != null) {
				known(this.documents, this.documents.path(i) + ".publisher", document.publisher(), organizationIds,
						"organization");
				knownAll(this.documents, this.documents.path(i) + ".cites", document.cites(), reportIds, "report");
			}
		}
		validateDialogues(organizationIds, documentIds, dialogueIds);
		validateReports(organizationIds, regionIds, documentIds);
	}

	private Set<String> uniqueIds(ReferenceFile<?> file) {
		Map<String, Integer> first = new HashMap<>();
		List<String> ids = file.rawIds();
		for (int i = 0; i < ids.size(); i++) {
			String id = ids.get(i);
			if (id == null) {
				continue;
			}
			Integer earlier = first.putIfAbsent(id, i);
			if (earlier != null) {
				file.problem(file.path(i) + ".id",
						"duplicate id \"" + id + "\", already used at line " + file.line(file.path(earlier) + ".id"));
			}
		}
		return first.keySet();
	}

	private void validateOrganizations(Set<String> ids) {
		Map<String, String> parents = new HashMap<>();
		Map<String, List<Claim>> claims = new HashMap<>();
		for (int i = 0; i < this.organizations.size(); i++) {
			OrganizationEntry organization = this.organizations.entry(i);
			if (organization == null) {
				continue;
			}
			String path = this.organizations.path(i);
			if (known(this.organizations, path + ".parent", organization.parent(), ids, "organization")) {
				parents.put(organization.id(), organization.parent());
			}
			claim(claims, this.organizations, "name", organization.id(), "", organization.name(), null, null,
					path + ".name");
			if (organization.acronym() != null) {
				claim(claims, this.organizations, "acronym", organization.id(), "", organization.acronym(), null, null,
						path + ".acronym");
			}
			for (int j = 0; j < organization.aliases().size(); j++) {
				AliasEntry alias = organization.aliases().get(j);
				// An alias limited to countries claims the name there only, beside an
				// unlimited one
				for (String scope : alias.countries().isEmpty() ? List.of("") : alias.countries()) {
					claim(claims, this.organizations, "alias", organization.id(), scope, alias.name(),
							alias.validFrom(), alias.validTo(), path + ".aliases[" + j + "]");
				}
			}
		}
		reportCycles(this.organizations, parents, ".parent");
	}

	private void validateRegions(Set<String> ids) {
		Map<String, String> mergers = new HashMap<>();
		Map<String, List<Claim>> claims = new HashMap<>();
		for (int i = 0; i < this.regions.size(); i++) {
			RegionEntry region = this.regions.entry(i);
			if (region == null) {
				continue;
			}
			String path = this.regions.path(i);
			known(this.regions, path + ".parent", region.parent(), ids, "region");
			if (known(this.regions, path + ".mergedInto", region.mergedInto(), ids, "region")) {
				mergers.put(region.id(), region.mergedInto());
			}
			// Names clash only within a country: Punjab is in Pakistan and in India
			claim(claims, this.regions, "name", region.id(), region.country(), region.name(), null, null,
					path + ".name");
			for (int j = 0; j < region.names().size(); j++) {
				RegionNameEntry name = region.names().get(j);
				claim(claims, this.regions, "name", region.id(), region.country(), name.name(), name.validFrom(),
						name.validTo(), path + ".names[" + j + "]");
			}
		}
		reportCycles(this.regions, mergers, ".mergedInto");
	}

	private void validateDialogues(Set<String> organizationIds, Set<String> documentIds, Set<String> dialogueIds) {
		Map<String, DialogueEntry> byId = new HashMap<>();
		this.dialogues.entries().forEach((dialogue) -> byId.putIfAbsent(dialogue.id(), dialogue));
		for (int i = 0; i < this.dialogues.size(); i++) {
			DialogueEntry dialogue = this.dialogues.entry(i);
			if (dialogue == null) {
				continue;
			}
			String path = this.dialogues.path(i);
			for (int j = 0; j < dialogue.delegates().size(); j++) {
				known(this.dialogues, path + ".delegates[" + j + "].organization",
						dialogue.delegates().get(j).organization(), organizationIds, "organization");
			}
			knownAll(this.dialogues, path + ".threats", dialogue.threats(), organizationIds, "organization");
			knownAll(this.dialogues, path + ".sources", dialogue.sources(), documentIds, "document");
			if (known(this.dialogues, path + ".previous", dialogue.previous(), dialogueIds, "dialogue")) {
				DialogueEntry previous = byId.get(dialogue.previous());
				if (previous != null && !previous.date().isBefore(dialogue.date())) {
					this.dialogues.problem(path + ".previous",
							"the previous round \"" + previous.id() + "\" is not earlier than this one");
				}
			}
		}
	}

	private void validateReports(Set<String> organizationIds, Set<String> regionIds, Set<String> documentIds) {
		for (int i = 0; i < this.reports.size(); i++) {
			ReportEntry report = this.reports.entry(i);
			if (report == null) {
				continue;
			}
			String path = this.reports.path(i);
			known(this.reports, path + ".publisher", report.publisher(), organizationIds, "organization");
			knownAll(this.reports, path + ".sources", report.sources(), documentIds, "document");
			for (int j = 0; j < report.figures().size(); j++) {
				for (String scope : report.figures().get(j).scope().split("\\+", -1)) {
					if (!Fields.COUNTRY.matcher(scope).matches() && !regionIds.contains(scope)) {
						this.reports.problem(path + ".figures[" + j + "].scope", "\"" + scope
								+ "\" is neither a country code nor a region id (join several regions with +)");
					}
				}
			}
		}
	}

	private boolean known(ReferenceFile<?> file, String path, String id, Set<String> ids, String what) {
		if (id == null) {
			return false;
		}
		if (!ids.contains(id)) {
			file.problem(path, "unknown " + what + " \"" + id + "\"");
			return false;
		}
		return true;
	}

	private void knownAll(ReferenceFile<?> file, String path, List<String> references, Set<String> ids, String what) {
		for (int i = 0; i < references.size(); i++) {
			known(file, path + "[" + i + "]", references.get(i), ids, what);
		}
	}

	// A name may pass from one entry to another, but two may not hold it at once
	private void claim(Map<String, List<Claim>> claims, ReferenceFile<?> file, String what, String id, String scope,
			String name, LocalDate from, LocalDate to, String path) {
		Claim claim = new Claim(id, from, to);
		List<Claim> existing = claims.computeIfAbsent(scope + "|" + NameKey.of(name), (key) -> new ArrayList<>());
		existing.stream()
			.filter((other) -> !other.id().equals(id) && other.overlaps(claim))
			.findFirst()
			.ifPresent((other) -> file.problem(path,
					what + " \"" + name + "\" already belongs to \"" + other.id() + "\""));
		existing.add(claim);
	}

	private void reportCycles(ReferenceFile<?> file, Map<String, String> links, String property) {
		Set<String> reported = new HashSet<>();
		List<String> ids = file.rawIds();
		for (int i = 0; i < ids.size(); i++) {
			String start = ids.get(i);
			Set<String> seen = new HashSet<>();
			for (String id = start; id != null && !reported.contains(start); id = links.get(id)) {
				if (!seen.add(id)) {
					if (Objects.equals(id, start)) {
						file.problem(file.path(i) + property, "\"" + start + "\" leads back to itself");
						reported.addAll(seen);
					}
					break;
				}
			}
		}
	}

	private record Claim(String id, LocalDate from, LocalDate to) {

		boolean overlaps(Claim other) {
			return !end(this.to).isBefore(start(other.from)) && !end(other.to).isBefore(start(this.from));
		}

		private static LocalDate start(LocalDate date) {
			return (date != null) ? date : LocalDate.MIN;
		}

		private static LocalDate end(LocalDate date) {
			return (date != null) ? date : LocalDate.MAX;
		}

	}

}
