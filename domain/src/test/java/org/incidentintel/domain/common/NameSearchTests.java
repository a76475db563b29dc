package org.incidentintel.domain.common;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.incidentintel.domain.reference.AliasEntry;
import org.incidentintel.domain.reference.OrganizationEntry;
import org.incidentintel.domain.reference.ReferenceData;
import org.incidentintel.domain.reference.ReferenceDataReader;
import org.incidentintel.domain.reference.RegionEntry;
import org.incidentintel.domain.reference.RegionNameEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link NameSearch} and {@link NameKey#loose(String)}, over the shipped
 * reference data.
 */
class NameSearchTests {

	private static final ReferenceData REFERENCE = new ReferenceDataReader().readClasspath();

	private static final NameSearch<String> ORGANIZATIONS = organizations();

	private static final NameSearch<String> REGIONS = regions();

	private static final double MIN_SCORE = 0.8;

	@ParameterizedTest(name = "\"{0}\" names {1} exactly")
	@CsvSource(delimiter = '|', textBlock = """
			ISIS K                              | iskp
			ISIS-K                              | iskp
			ISIL-KP                             | iskp
			ISIL K                              | iskp
			Islamic State in Khorasan Province  | iskp
			Daish                               | iskp
			Daesh                               | iskp
			Da'esh                              | iskp
			Tahreek-e-Taliban Pakistan          | ttp
			Tehreek Taliban Pakistan            | ttp
			Tehrik-i-Taliban Pakistan (TTP)     | ttp
			TTP: Tehreek-i-Taliban Pakistan     | ttp
			tehrik e taliban pakistan           | ttp
			ISIS                                | islamic-state
			ISIL                                | islamic-state
			Al-Qaeda                            | al-qaida
			Pakistani Taleban                   | ttp
			""")
	void variantsNameOneOrganizationExactly(String text, String expected) {
		assertThat(ORGANIZATIONS.exactTargets(text)).containsExactly(expected);
		assertThat(ORGANIZATIONS.search(text, MIN_SCORE).get(0).target()).isEqualTo(expected);
	}

	@ParameterizedTest(name = "\"{0}\" suggests {1} first")
	@CsvSource(delimiter = '|', textBlock = """
			Tehrik-i-Taliban Pakistn            | ttp
			Tehreek-e-Talban Pakistan           | ttp
			Islamic State Khorasaan Provnce     | iskp
			ISIS Khorasan Province              | iskp
			Lashkar-e-Jhangwi                   | lej
			Baloch Liberation Amry              | bla
			Jammat ul Ahrar                     | jamaat-ul-ahrar
			""")
	void misspellingsRankTheRightOrganizationFirst(String text, String expected) {
		List<NameSearch.Hit<String>> hits = ORGANIZATIONS.search(text, MIN_SCORE);
		assertThat(hits).isNotEmpty();
		assertThat(hits.get(0).target()).isEqualTo(expected);
		assertThat(hits.get(0).score()).isLessThan(NameSearch.EXACT);
	}

	@ParameterizedTest(name = "\"{0}\" suggests {1} first")
	@CsvSource(delimiter = '|', textBlock = """
			Khyber Pakhtunkwa province          | pk-kp
			Khyber Pakhtoonkhwa                 | pk-kp
			SIndh                               | pk-sd
			Baluchistan                         | pk-ba
			Balochistaan                        | pk-ba
			N.W.F.P.                            | pk-kp
			Gilgit Baltistan                    | pk-gb
			Azad Jamu Kashmir                   | pk-jk
			""")
	void regionVariantsRankTheRightRegionFirst(String text, String expected) {
		assertThat(REGIONS.search(text, MIN_SCORE).get(0).target()).isEqualTo(expected);
	}

	@Test
	void hitsCarryTheClosestNameAndAreRankedAndUnique() {
		List<NameSearch.Hit<String>> hits = ORGANIZATIONS.search("ISIS K", MIN_SCORE);
		assertThat(hits.get(0)).isEqualTo(new NameSearch.Hit<>("iskp", "ISIS-K", NameSearch.EXACT, true));
		assertThat(hits).extracting(NameSearch.Hit::score).isSortedAccordingTo((a, b) -> Double.compare(b, a));
		assertThat(hits).extracting(NameSearch.Hit::target).doesNotHaveDuplicates();
	}

	@Test
	void aPartOfTheTextRanksBelowTheWholeText() {
		NameSearch.Hit<String> hit = ORGANIZATIONS.search("Tehrik-i-Taliban Pakistan (TTP)", MIN_SCORE).get(0);
		assertThat(hit.exact()).isTrue();
		assertThat(hit.score()).isLessThan(NameSearch.EXACT).isGreaterThan(0.98);
	}

	@Test
	void unrelatedTextFindsNothingExactly() {
		assertThat(ORGANIZATIONS.exactTargets("No Such Group")).isEmpty();
		assertThat(ORGANIZATIONS.search("zzzz qqqq", MIN_SCORE)).isEmpty();
		assertThat(ORGANIZATIONS.search("  ", MIN_SCORE)).isEmpty();
	}

	@ParameterizedTest(name = "loose \"{0}\" = \"{1}\"")
	@CsvSource(delimiter = '|', textBlock = """
			Tahreek-e-Taliban Pakistan          | Tehrik Taliban Pakistan
			ISIL-KP                             | IS-KP
			Daish                               | Daesh
			Islamic State in Khorasan Province  | Islamic State Khorasan Province
			Al-Qaeda                            | Qaida
			""")
	void looseKeysReadVariantsAlike(String name, String sameName) {
		assertThat(NameKey.loose(name)).isEqualTo(NameKey.loose(sameName));
	}

	@Test
	void looseKeyOfOnlyConnectorsIsTheKey() {
		assertThat(NameKey.loose("Al")).isEqualTo("al");
		assertThat(NameKey.loose(null)).isEmpty();
	}

	private static NameSearch<String> organizations() {
		List<Map.Entry<String, String>> names = new ArrayList<>();
		for (OrganizationEntry organization : REFERENCE.organizations()) {
			names.add(Map.entry(organization.id(), organization.name()));
			if (organization.acronym() != null) {
				names.add(Map.entry(organization.id(), organization.acronym()));
			}
			// As the API searches: an alias limited to countries names the organization
			// only
			// in an event's context
			for (AliasEntry alias : organization.aliases()) {
				if (alias.countries().isEmpty()) {
					names.add(Map.entry(organization.id(), alias.name()));
				}
			}
		}
		return NameSearch.of(names, Map.Entry::getKey, Map.Entry::getValue);
	}

	private static NameSearch<String> regions() {
		List<Map.Entry<String, String>> names = new ArrayList<>();
		for (RegionEntry region : REFERENCE.regions()) {
			names.add(Map.entry(region.id(), region.name()));
			for (RegionNameEntry name : region.names()) {
				names.add(Map.entry(region.id(), name.name()));
			}
		}
		return NameSearch.of(names, Map.Entry::getKey, Map.Entry::getValue);
	}

}
