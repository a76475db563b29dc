package org.incidentintel.domain.reference;

import java.util.List;
import java.util.Set;

import org.incidentintel.domain.organization.KnownAlias;
import org.incidentintel.domain.organization.KnownOrganization;
import org.incidentintel.domain.organization.OrganizationResolver;
import org.incidentintel.domain.region.KnownRegion;
import org.incidentintel.domain.region.KnownRegionName;
import org.incidentintel.domain.region.RegionResolver;

/**
 * The reference data files as read and validated: organizations, regions, source
 * documents, dialogues and security reports.
 *
 * @param organizations the entries of {@code organizations.yaml}
 * @param regions the entries of {@code regions.yaml}
 * @param documents the entries of {@code documents.yaml}
 * @param dialogues the entries of {@code dialogues.yaml}
 * @param reports the entries of {@code reports.yaml}
 */
public record ReferenceData(List<OrganizationEntry> organizations, List<RegionEntry> regions,
		List<SourceDocumentEntry> documents, List<DialogueEntry> dialogues, List<ReportEntry> reports) {

	public ReferenceData {
		organizations = List.copyOf(organizations);
		regions = List.copyOf(regions);
		documents = List.copyOf(documents);
		dialogues = List.copyOf(dialogues);
		reports = List.copyOf(reports);
	}

	/**
	 * A resolver of actor names over these organizations and their aliases.
	 * @return a new resolver
	 */
	public OrganizationResolver organizationResolver() {
		return new OrganizationResolver(this.organizations.stream()
			.map((organization) -> new KnownOrganization(organization.id(), organization.name(), organization.acronym(),
					organization.aliases()
						.stream()
						.map((alias) -> new KnownAlias(alias.name(), alias.validFrom(), alias.validTo(),
								Set.copyOf(alias.countries())))
						.toList()))
			.toList());
	}

	/**
	 * A time-aware resolver of region names over these regions and their historical
	 * names.
	 * @return a new resolver
	 */
	public RegionResolver regionResolver() {
		return new RegionResolver(this.regions.stream()
			.map((region) -> new KnownRegion(region.id(), region.country(), region.name(), region.validFrom(),
					region.validTo(), region.mergedInto(),
					region.names()
						.stream()
						.map((name) -> new KnownRegionName(name.name(), name.validFrom(), name.validTo()))
						.toList()))
			.toList());
	}

}
