package org.incidentintel.etl.load;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.incidentintel.domain.organization.KnownAlias;
import org.incidentintel.domain.organization.KnownOrganization;
import org.incidentintel.domain.organization.OrganizationResolution;
import org.incidentintel.domain.organization.OrganizationResolver;
import org.incidentintel.domain.region.KnownRegion;
import org.incidentintel.domain.region.KnownRegionName;
import org.incidentintel.domain.region.RegionResolution;
import org.incidentintel.domain.region.RegionResolver;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The organization and region resolvers over what the database knows at the start of a
 * load (reference data plus curators' aliases). Ids are database ids, as text.
 */
final class Resolvers {

	private final OrganizationResolver organizations;

	private final RegionResolver regions;

	Resolvers(OrganizationResolver organizations, RegionResolver regions) {
		this.organizations = organizations;
		this.regions = regions;
	}

	static Resolvers load(JdbcTemplate jdbc) {
		return new Resolvers(new OrganizationResolver(organizations(jdbc)), new RegionResolver(regions(jdbc)));
	}

	List<OrganizationResolution> resolveActors(String cell, LocalDate at) {
		return this.organizations.resolveAll(cell, at);
	}

	RegionResolution resolveRegion(String country, String name, LocalDate at) {
		return this.regions.resolve(country, name, at);
	}

	private static List<KnownOrganization> organizations(JdbcTemplate jdbc) {
		Map<Long, List<KnownAlias>> aliases = new LinkedHashMap<>();
		// Merged organizations redirect: their aliases resolve to the survivor.
		jdbc.query("""
				select coalesce(o.merged_into_id, o.id), a.alias, a.valid_from, a.valid_to
				from organization_alias a join organization o on o.id = a.organization_id
				order by a.id""", (row) -> {
			aliases.computeIfAbsent(row.getLong(1), (id) -> new ArrayList<>())
				.add(new KnownAlias(row.getString(2), localDate(row.getDate(3)), localDate(row.getDate(4))));
		});
		List<KnownOrganization> known = new ArrayList<>();
		jdbc.query("select id, name, acronym from organization where merged_into_id is null order by id", (row) -> {
			long id = row.getLong(1);
			known.add(new KnownOrganization(Long.toString(id), row.getString(2), row.getString(3),
					aliases.getOrDefault(id, List.of())));
		});
		return known;
	}

	private static List<KnownRegion> regions(JdbcTemplate jdbc) {
		Map<Long, List<KnownRegionName>> names = new LinkedHashMap<>();
		jdbc.query("select region_id, name, valid_from, valid_to from region_name order by id", (row) -> {
			names.computeIfAbsent(row.getLong(1), (id) -> new ArrayList<>())
				.add(new KnownRegionName(row.getString(2), localDate(row.getDate(3)), localDate(row.getDate(4))));
		});
		List<KnownRegion> known = new ArrayList<>();
		jdbc.query("select id, country, name, valid_from, valid_to, merged_into_id from region order by id", (row) -> {
			long id = row.getLong(1);
			Object mergedInto = row.getObject(6);
			known.add(new KnownRegion(Long.toString(id), row.getString(2), row.getString(3), localDate(row.getDate(4)),
					localDate(row.getDate(5)), (mergedInto != null) ? mergedInto.toString() : null,
					names.getOrDefault(id, List.of())));
		});
		return known;
	}

	private static LocalDate localDate(java.sql.Date date) {
		return (date != null) ? date.toLocalDate() : null;
	}

}
