package org.incidentintel.domain.reference;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.incidentintel.domain.common.NameKey;
import org.incidentintel.domain.dialogue.Dialogue;
import org.incidentintel.domain.dialogue.DialogueRepository;
import org.incidentintel.domain.dialogue.Person;
import org.incidentintel.domain.dialogue.PersonRepository;
import org.incidentintel.domain.dialogue.ThreatMention;
import org.incidentintel.domain.organization.Organization;
import org.incidentintel.domain.organization.OrganizationAlias;
import org.incidentintel.domain.organization.OrganizationFamiliesCache;
import org.incidentintel.domain.organization.OrganizationRepository;
import org.incidentintel.domain.region.Region;
import org.incidentintel.domain.region.RegionName;
import org.incidentintel.domain.region.RegionRepository;
import org.incidentintel.domain.report.Comparison;
import org.incidentintel.domain.report.SecurityReport;
import org.incidentintel.domain.report.SecurityReportRepository;
import org.incidentintel.domain.source.SourceDocument;
import org.incidentintel.domain.statistics.IncidentStatisticsCells;
import org.incidentintel.domain.source.SourceDocumentRepository;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes validated reference data into the database, as one transaction. Records are
 * matched on their stable keys, so loading the same files twice changes nothing. Aliases
 * and region names are only ever added: a curator's alias survives a reload.
 */
@Service
public class ReferenceDataLoader {

	private final OrganizationRepository organizations;

	private final RegionRepository regions;

	private final SourceDocumentRepository documents;

	private final PersonRepository people;

	private final DialogueRepository dialogues;

	private final SecurityReportRepository reports;

	private final OrganizationFamiliesCache families;

	private final ReferenceDataVersion version;

	private final IncidentStatisticsCells statistics;

	public ReferenceDataLoader(OrganizationRepository organizations, RegionRepository regions,
			SourceDocumentRepository documents, PersonRepository people, DialogueRepository dialogues,
			SecurityReportRepository reports, OrganizationFamiliesCache families, ReferenceDataVersion version,
			IncidentStatisticsCells statistics) {
		this.organizations = organizations;
		this.regions = regions;
		this.documents = documents;
		this.people = people;
		this.dialogues = dialogues;
		this.reports = reports;
		this.families = families;
		this.version = version;
		this.statistics = statistics;
	}

	@Transactional
	public ReferenceLoadSummary load(ReferenceData data) {
		List<String> rekinded = new ArrayList<>();
		Map<String, Organization> organizationsByKey = loadOrganizations(data.organizations(), rekinded);
		int regionCount = loadRegions(data.regions());
		Map<String, SourceDocument> documentsByKey = loadDocuments(data.documents(), organizationsByKey);
		loadDialogues(data.dialogues(), organizationsByKey, documentsByKey);
		loadReports(data.reports(), data.documents(), organizationsByKey, documentsByKey);
		// Factions (parent) may have changed
		this.families.organizationsChanged();
		// Readers in other processes (the API's ETags) see the load by this version. A
		// reload of the same files marks it too: telling a change apart costs more than
		// the one cache revalidation it saves.
		this.version.changed();
		if (!rekinded.isEmpty()) {
			// An organization's kind decides whether it counts as a perpetrator
			// (Perpetrators): the statistics cells count by it, and are stale now
			this.statistics.incidentsChanged();
		}
		return new ReferenceLoadSummary(organizationsByKey.size(), regionCount, documentsByKey.size(),
				data.dialogues().size(), data.reports().size());
	}

	/**
	 * @param rekinded receives the keys of the existing organizations whose kind changed
	 */
	private Map<String, Organization> loadOrganizations(List<OrganizationEntry> entries, List<String> rekinded) {
		Map<String, Organization> byKey = new HashMap<>();
		for (OrganizationEntry entry : entries) {
			Organization organization = this.organizations.findByKey(entry.id())
				.orElseGet(() -> new Organization(entry.id(), entry.name(), entry.kind()));
			organization.setName(entry.name());
			organization.setAcronym(entry.acronym());
			if (organization.getId() != null && organization.getKind() != entry.kind()) {
				rekinded.add(entry.id());
			}
			organization.setKind(entry.kind());
			organization.setCountry(entry.country());
			organization.setDescription(entry.description());
			Set<String> known = keys(organization.getAliases(), OrganizationAlias::getNormalizedKey);
			// The name and the acronym are aliases too: the resolver treats all names
			// alike.
			addAlias(organization, known, entry.name(), null);
			addAlias(organization, known, entry.acronym(), null);
			for (AliasEntry alias : entry.aliases()) {
				addAlias(organization, known, alias.name(), alias);
			}
			byKey.put(entry.id(), this.organizations.save(organization));
		}
		for (OrganizationEntry entry : entries) {
			byKey.get(entry.id()).setParent((entry.parent() != null) ? byKey.get(entry.parent()) : null);
			byKey.get(entry.id()).setParentPeriod(entry.parentFrom(), entry.parentTo());
		}
		return byKey;
	}

	private static void addAlias(Organization organization, Set<String> known, String name, AliasEntry entry) {
		if (name == null || !known.add(NameKey.of(name))) {
			return;
		}
		OrganizationAlias alias = organization.addAlias(name, NameKey.of(name));
		if (entry != null) {
			alias.setValidity(entry.validFrom(), entry.validTo());
			alias.setNote(entry.note());
			alias.setCountries(entry.countries());
		}
	}

	private int loadRegions(List<RegionEntry> entries) {
		Map<String, Region> byKey = new HashMap<>();
		for (RegionEntry entry : entries) {
			Region region = this.regions.findByKey(entry.id())
				.orElseGet(() -> new Region(entry.id(), entry.country(), entry.name()));
			region.setName(entry.name());
			region.setIsoCode(entry.isoCode());
			region.setValidity(entry.validFrom(), entry.validTo());
			Set<String> known = keys(region.getNames(), RegionName::getNormalizedKey);
			if (known.add(NameKey.of(entry.name()))) {
				region.addName(entry.name(), NameKey.of(entry.name()), entry.validFrom(), entry.validTo());
			}
			for (RegionNameEntry name : entry.names()) {
				if (known.add(NameKey.of(name.name()))) {
					region.addName(name.name(), NameKey.of(name.name()), name.validFrom(), name.validTo())
						.setNote(name.note());
				}
			}
			byKey.put(entry.id(), this.regions.save(region));
		}
		for (RegionEntry entry : entries) {
			Region region = byKey.get(entry.id());
			region.setParent((entry.parent() != null) ? byKey.get(entry.parent()) : null);
			region.setMergedInto((entry.mergedInto() != null) ? byKey.get(entry.mergedInto()) : null);
		}
		return byKey.size();
	}

	private Map<String, SourceDocument> loadDocuments(List<SourceDocumentEntry> entries,
			Map<String, Organization> organizationsByKey) {
		Map<String, SourceDocument> byKey = new HashMap<>();
		for (SourceDocumentEntry entry : entries) {
			SourceDocument document = this.documents.findByKey(entry.id())
				.orElseGet(() -> new SourceDocument(entry.id(), entry.kind(), entry.title()));
			document.setKind(entry.kind());
			document.setTitle(entry.title());
			document.setPublisher((entry.publisher() != null) ? organizationsByKey.get(entry.publisher()) : null);
			document.setAuthor(entry.author());
			document.setPublished(entry.publishedOn(), entry.datePrecision());
			document.setUrl(entry.url());
			byKey.put(entry.id(), this.documents.save(document));
		}
		return byKey;
	}

	private void loadDialogues(List<DialogueEntry> entries, Map<String, Organization> organizationsByKey,
			Map<String, SourceDocument> documentsByKey) {
		Map<String, Dialogue> byKey = new HashMap<>();
		for (DialogueEntry entry : entries) {
			Dialogue dialogue = this.dialogues.findByKey(entry.id())
				.orElseGet(() -> new Dialogue(entry.id(), entry.title(), entry.date(), entry.datePrecision()));
			dialogue.setTitle(entry.title());
			dialogue.setDate(entry.date(), entry.datePrecision(), entry.endDate());
			dialogue.setVenue(entry.location(), entry.hostCountry(), entry.format());
			dialogue.setSummary(entry.summary());
			// The file is the truth for the rounds it defines: replace, don't append.
			dialogue.clearDetails();
			dialogue.getParties().addAll(entry.parties());
			dialogue.getTopics().addAll(entry.topics());
			entry.threats().forEach((threat) -> dialogue.getThreats().add(organizationsByKey.get(threat)));
			entry.sources().forEach((source) -> dialogue.getSources().add(documentsByKey.get(source)));
			for (DelegateEntry delegate : entry.delegates()) {
				Person person = this.people.findByName(delegate.person())
					.orElseGet(() -> this.people.save(new Person(delegate.person(), delegate.country())));
				Organization organization = (delegate.organization() != null)
						? organizationsByKey.get(delegate.organization()) : null;
				dialogue.addDelegate(person, organization, delegate.title(), delegate.role(), delegate.country());
			}
			for (ThreatMentionEntry mention : entry.threatMentions()) {
				dialogue.getThreatMentions()
					.add(new ThreatMention(organizationsByKey.get(mention.organization()), mention.statedAs(),
							mention.describedAs()));
			}
			for (CommitmentEntry commitment : entry.commitments()) {
				dialogue.addCommitment(commitment.description(), commitment.quantity(), qualifier(commitment),
						commitment.unit());
			}
			for (CommitmentEntry achievement : entry.achievements()) {
				dialogue.addAchievement(achievement.description(), achievement.quantity(), qualifier(achievement),
						achievement.unit());
			}
			byKey.put(entry.id(), this.dialogues.save(dialogue));
		}
		for (DialogueEntry entry : entries) {
			byKey.get(entry.id()).setPrevious((entry.previous() != null) ? byKey.get(entry.previous()) : null);
		}
	}

	private static String qualifier(CommitmentEntry commitment) {
		return (commitment.qualifier() != null) ? commitment.qualifier().name() : null;
	}

	private void loadReports(List<ReportEntry> entries, List<SourceDocumentEntry> documentEntries,
			Map<String, Organization> organizationsByKey, Map<String, SourceDocument> documentsByKey) {
		for (ReportEntry entry : entries) {
			SecurityReport report = this.reports.findByKey(entry.id())
				.orElseGet(() -> new SecurityReport(entry.id(), entry.title(), entry.periodFrom(), entry.periodTo()));
			report.setTitle(entry.title());
			report.setPeriod(entry.periodFrom(), entry.periodTo());
			report.setPublished(entry.publishedOn(), entry.datePrecision());
			report.setCountry(entry.country());
			report.setPublisher((entry.publisher() != null) ? organizationsByKey.get(entry.publisher()) : null);
			report.clearDetails();
			for (FigureEntry figure : entry.figures()) {
				report.addFigure(figure.metric(), figure.scope(), figure.value(), figure.share(),
						(figure.comparison() != null) ? figure.comparison() : Comparison.EQUAL, figure.note());
			}
			entry.sources().forEach((source) -> report.getSources().add(documentsByKey.get(source)));
			documentEntries.stream()
				.filter((document) -> document.cites().contains(entry.id()))
				.forEach((document) -> report.getCitedBy().add(documentsByKey.get(document.id())));
			this.reports.save(report);
		}
	}

	private static <T> Set<String> keys(List<T> items, Function<T, String> key) {
		Set<String> keys = new HashSet<>();
		items.forEach((item) -> keys.add(key.apply(item)));
		return keys;
	}

}
