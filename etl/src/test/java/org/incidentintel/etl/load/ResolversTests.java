package org.incidentintel.etl.load;

import java.time.LocalDate;
import java.util.List;

import org.incidentintel.domain.organization.KnownAlias;
import org.incidentintel.domain.organization.KnownOrganization;
import org.incidentintel.domain.organization.OrganizationResolver;
import org.incidentintel.domain.region.KnownRegion;
import org.incidentintel.domain.region.KnownRegionName;
import org.incidentintel.domain.region.RegionResolver;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The remembered answers of {@link Resolvers} are the resolvers' own, on every day around
 * the dates where aliases, regions and region names begin and end.
 */
class ResolversTests {

	private static final List<KnownOrganization> ORGANIZATIONS = List.of(
			new KnownOrganization("1", "Tehrik-i-Taliban Pakistan", "TTP",
					List.of(new KnownAlias("Pakistani Taliban", null, null))),
			// one alias, two organizations, told apart by date
			new KnownOrganization("2", "Islamic State", "IS",
					List.of(new KnownAlias("Daesh", null, LocalDate.of(2015, 1, 25)))),
			new KnownOrganization("3", "Islamic State Khorasan Province", "ISKP",
					List.of(new KnownAlias("Daesh", LocalDate.of(2015, 1, 26), null))));

	private static final List<KnownRegion> REGIONS = List.of(
			new KnownRegion("10", "PAK", "Khyber Pakhtunkhwa", null, null, null,
					List.of(new KnownRegionName("NWFP", null, LocalDate.of(2010, 4, 18)),
							new KnownRegionName("Khyber Pakhtunkhwa", LocalDate.of(2010, 4, 19), null))),
			new KnownRegion("11", "PAK", "Federally Administered Tribal Areas", null, LocalDate.of(2018, 5, 30), "10",
					List.of(new KnownRegionName("FATA", null, null))));

	@Test
	void rememberedAnswersAreTheResolversAnswersOnEveryDay() {
		Resolvers remembering = Resolvers.of(ORGANIZATIONS, REGIONS);
		OrganizationResolver organizations = new OrganizationResolver(ORGANIZATIONS);
		RegionResolver regions = new RegionResolver(REGIONS);
		List<String> cells = List.of("Daesh", "TTP, Daesh", "Pakistani Taliban (suspected)", "Unknown group");
		List<String> regionNames = List.of("NWFP", "Khyber Pakhtunkhwa", "FATA", "Nowhere");
		int differentAnswers = 0;
		List<?> previous = null;
		for (LocalDate day = LocalDate.of(2009, 1, 1); day.isBefore(LocalDate.of(2020, 1, 1)); day = day.plusDays(1)) {
			for (String cell : cells) {
				assertThat(remembering.resolveActors(cell, day, null)).as("%s on %s", cell, day)
					.isEqualTo(organizations.resolveAll(cell, day));
			}
			for (String name : regionNames) {
				assertThat(remembering.resolveRegion("PAK", name, day)).as("%s on %s", name, day)
					.isEqualTo(regions.resolve("PAK", name, day));
			}
			List<?> answers = List.of(remembering.resolveActors("Daesh", day, null),
					remembering.resolveRegion("PAK", "FATA", day), remembering.resolveRegion("PAK", "NWFP", day));
			differentAnswers += answers.equals(previous) ? 0 : 1;
			previous = answers;
		}
		assertThat(remembering.resolveActors("Daesh", null, null)).isEqualTo(organizations.resolveAll("Daesh", null));
		// the dates do matter here: Daesh, FATA and NWFP change their answers over the
		// years
		assertThat(differentAnswers).isGreaterThanOrEqualTo(4);
	}

}
