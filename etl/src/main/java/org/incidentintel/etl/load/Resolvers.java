package org.incidentintel.etl.load;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

import org.incidentintel.domain.organization.KnownAlias;
import org.incidentintel.domain.organization.KnownOrganization;
import org.incidentintel.domain.organization.OrganizationFamilies;
import org.incidentintel.domain.organization.OrganizationResolution;
import org.incidentintel.domain.organization.OrganizationResolver;
import org.incidentintel.domain.region.KnownRegion;
import org.incidentintel.domain.region.KnownRegions;
import org.incidentintel.domain.region.RegionResolution;
import org.incidentintel.domain.region.RegionResolver;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The organization and region resolvers over what the database knows at the start of a
 * load (reference data plus curators' aliases). Ids are database ids, as text.
 * <p>
 * A file repeats the same few hundred names over and over, so answers are remembered.
 * Names resolve differently only where an alias, a region or a region name begins or
 * ends: dates between two such boundaries get the same answer, so an answer is kept for
 * (name, period between boundaries). For one thread (the load's processing thread).
 */
final class Resolvers {

	/** Remembered answers at most, before they are forgotten all at once. */
	private static final int REMEMBERED = 50_000;

	private final OrganizationResolver organizations;

	private final RegionResolver regions;

	private final LocalDate[] boundaries;

	private final Map<Asked, List<OrganizationResolution>> actorAnswers = new HashMap<>();

	private final Map<Asked, RegionResolution> regionAnswers = new HashMap<>();

	private Resolvers(OrganizationResolver organizations, RegionResolver regions, Collection<LocalDate> boundaries) {
		this.organizations = organizations;
		this.regions = regions;
		this.boundaries = new TreeSet<>(boundaries).toArray(LocalDate[]::new);
	}

	static Resolvers load(JdbcTemplate jdbc) {
		return of(organizations(jdbc), KnownRegions.load(jdbc));
	}

	static Resolvers of(List<KnownOrganization> organizations, List<KnownRegion> regions) {
		Set<LocalDate> boundaries = new HashSet<>();
		for (KnownOrganization organization : organizations) {
			organization.aliases().forEach((alias) -> addBoundaries(boundaries, alias.validFrom(), alias.validTo()));
		}
		for (KnownRegion region : regions) {
			addBoundaries(boundaries, region.validFrom(), region.validTo());
			region.names().forEach((name) -> addBoundaries(boundaries, name.validFrom(), name.validTo()));
		}
		return new Resolvers(new OrganizationResolver(organizations), new RegionResolver(regions), boundaries);
	}

	List<OrganizationResolution> resolveActors(String cell, LocalDate at, String country) {
		return remembered(this.actorAnswers, new Asked(country, cell, period(at)),
				() -> this.organizations.resolveAll(cell, at, country));
	}

	RegionResolution resolveRegion(String country, String name, LocalDate at) {
		return remembered(this.regionAnswers, new Asked(country, name, period(at)),
				() -> this.regions.resolve(country, name, at));
	}

	private static <T> T remembered(Map<Asked, T> answers, Asked asked, Supplier<T> answer) {
		T known = answers.get(asked);
		if (known == null) {
			if (answers.size() >= REMEMBERED) {
				answers.clear();
			}
			known = answer.get();
			answers.put(asked, known);
		}
		return known;
	}

	// The number of boundaries on or before the date: the same for every date of one
	// period (-1 for an unknown date)
	private int period(LocalDate at) {
		if (at == null) {
			return -1;
		}
		int found = Arrays.binarySearch(this.boundaries, at);
		return (found >= 0) ? found + 1 : -(found + 1);
	}

	// Validity is inclusive at both ends: answers change on a first day and on the day
	// after a last day
	private static void addBoundaries(Set<LocalDate> boundaries, LocalDate from, LocalDate to) {
		if (from != null) {
			boundaries.add(from);
		}
		if (to != null) {
			boundaries.add(to);
			boundaries.add(to.plusDays(1));
		}
	}

	private static List<KnownOrganization> organizations(JdbcTemplate jdbc) {
		// Merged organizations redirect: their aliases resolve to the survivor
		OrganizationFamilies families = OrganizationFamilies.load(jdbc);
		Map<Long, List<KnownAlias>> aliases = new LinkedHashMap<>();
		jdbc.query("""
				select a.organization_id, a.alias, a.valid_from, a.valid_to, a.countries
				from organization_alias a order by a.id""", (row) -> {
			String countries = row.getString(5);
			aliases.computeIfAbsent(families.survivor(row.getLong(1)), (id) -> new ArrayList<>())
				.add(new KnownAlias(row.getString(2), localDate(row.getDate(3)), localDate(row.getDate(4)),
						(countries != null) ? Set.of(countries.split(",")) : Set.of()));
		});
		List<KnownOrganization> known = new ArrayList<>();
		jdbc.query("select id, name, acronym from organization where merged_into_id is null order by id", (row) -> {
			long id = row.getLong(1);
			known.add(new KnownOrganization(Long.toString(id), row.getString(2), row.getString(3),
					aliases.getOrDefault(id, List.of())));
		});
		return known;
	}

	private static LocalDate localDate(java.sql.Date date) {
		return (date != null) ? date.toLocalDate() : null;
	}

	/** A question: a name (and country, for regions) in one period. */
	private record Asked(String country, String name, int period) {

	}

}
