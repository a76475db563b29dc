package org.incidentintel.domain.region;

import java.time.LocalDate;
import java.util.List;

import org.incidentintel.domain.reference.ReferenceDataReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link RegionResolver}: every spelling of the brief and of the real source
 * files, and the renaming and merger rules, against the bundled reference data.
 */
class RegionResolverTests {

	private static final RegionResolver bundled = new ReferenceDataReader().readClasspath().regionResolver();

	@ParameterizedTest(name = "{0} on {1} -> {2} / {3} / {4}")
	@CsvSource(delimiter = '|', textBlock = """
			# every adm_1 of the UCDP GED 22.1 Pakistan extract
			Azad Jammu & Kashmir                | 2015-06-01 | pk-jk | pk-jk | Azad Jammu and Kashmir
			Balochistan province                | 2015-06-01 | pk-ba | pk-ba | Balochistan
			Federally Administered Tribal Areas | 2009-06-01 | pk-kp | pk-ta | Federally Administered Tribal Areas
			Federally Administered Tribal Areas | 2019-06-01 | pk-kp | pk-kp | Khyber Pakhtunkhwa
			Gilgit-Baltistan                    | 2015-06-01 | pk-gb | pk-gb | Gilgit-Baltistan
			Islamabad Capital territory         | 2015-06-01 | pk-is | pk-is | Islamabad Capital Territory
			Khyber Pakhtunkwa province          | 2008-06-01 | pk-kp | pk-kp | North-West Frontier Province
			Khyber Pakhtunkwa province          | 2012-06-01 | pk-kp | pk-kp | Khyber Pakhtunkhwa
			Punjab province                     | 2015-06-01 | pk-pb | pk-pb | Punjab
			Sindh province                      | 2015-06-01 | pk-sd | pk-sd | Sindh
			# every Province of the Pakistan Body Count suicide attacks
			KPK                                 | 2007-12-21 | pk-kp | pk-kp | North-West Frontier Province
			KPK                                 | 2017-02-13 | pk-kp | pk-kp | Khyber Pakhtunkhwa
			FATA                                | 2008-08-19 | pk-kp | pk-ta | Federally Administered Tribal Areas
			Fata                                | 2017-02-16 | pk-kp | pk-ta | Federally Administered Tribal Areas
			Punjab                              | 2016-03-27 | pk-pb | pk-pb | Punjab
			Sindh                               | 2017-02-16 | pk-sd | pk-sd | Sindh
			Baluchistan                         | 2013-01-10 | pk-ba | pk-ba | Balochistan
			Balochistan                         | 2016-08-08 | pk-ba | pk-ba | Balochistan
			Capital                             | 2008-09-20 | pk-is | pk-is | Islamabad Capital Territory
			AJK                                 | 2009-06-26 | pk-jk | pk-jk | Azad Jammu and Kashmir
			# the spellings of the brief
			North-West Frontier Province        | 2005-06-01 | pk-kp | pk-kp | North-West Frontier Province
			North West Frontier Province        | 2015-06-01 | pk-kp | pk-kp | Khyber Pakhtunkhwa
			NWFP                                | 2005-06-01 | pk-kp | pk-kp | North-West Frontier Province
			Sarhad                              | 2005-06-01 | pk-kp | pk-kp | North-West Frontier Province
			KP                                  | 2020-06-01 | pk-kp | pk-kp | Khyber Pakhtunkhwa
			Khyber Pakhtunkhwa                  | 2005-06-01 | pk-kp | pk-kp | North-West Frontier Province
			Federally Administered Tribal Areas | 2018-05-30 | pk-kp | pk-ta | Federally Administered Tribal Areas
			Federally Administered Tribal Areas | 2018-05-31 | pk-kp | pk-kp | Khyber Pakhtunkhwa
			NWFP                                | 2010-04-18 | pk-kp | pk-kp | North-West Frontier Province
			NWFP                                | 2010-04-19 | pk-kp | pk-kp | Khyber Pakhtunkhwa
			Northern Areas                      | 2009-08-28 | pk-gb | pk-gb | Northern Areas
			Northern Areas                      | 2009-08-29 | pk-gb | pk-gb | Gilgit-Baltistan
			Gilgit Baltistan                    | 2001-01-01 | pk-gb | pk-gb | Northern Areas
			Azad Kashmir                        | 2015-06-01 | pk-jk | pk-jk | Azad Jammu and Kashmir
			Azad Jammu and Kashmir              | 2015-06-01 | pk-jk | pk-jk | Azad Jammu and Kashmir
			Islamabad Capital Territory         | 2015-06-01 | pk-is | pk-is | Islamabad Capital Territory
			ICT                                 | 2015-06-01 | pk-is | pk-is | Islamabad Capital Territory
			SIndh                               | 2015-06-01 | pk-sd | pk-sd | Sindh
			Sindh Province                      | 2015-06-01 | pk-sd | pk-sd | Sindh
			Punjab, Province                    | 2015-06-01 | pk-pb | pk-pb | Punjab
			Balochistan Division                | 2015-06-01 | pk-ba | pk-ba | Balochistan
			""")
	void resolvesEveryKnownSpellingAtTheEventDate(String name, LocalDate date, String currentId, String eventId,
			String eventName) {
		RegionResolution resolution = bundled.resolve("PAK", name, date);
		assertThat(resolution.isResolved()).isTrue();
		assertThat(resolution.raw()).isEqualTo(name);
		assertThat(resolution.currentRegionId()).isEqualTo(currentId);
		assertThat(resolution.eventRegionId()).isEqualTo(eventId);
		assertThat(resolution.eventName()).isEqualTo(eventName);
	}

	@Test
	void withoutDateTheNamedRegionIsTheEventRegion() {
		RegionResolution resolution = bundled.resolve("PAK", "FATA", null);
		assertThat(resolution.currentRegionId()).isEqualTo("pk-kp");
		assertThat(resolution.eventRegionId()).isEqualTo("pk-ta");
		assertThat(resolution.eventName()).isEqualTo("Federally Administered Tribal Areas");
	}

	@Test
	void keepsUnknownNamesVerbatim() {
		RegionResolution resolution = bundled.resolve("PAK", "North Waziristan ", LocalDate.of(2015, 1, 1));
		assertThat(resolution.isResolved()).isFalse();
		assertThat(resolution.isBlank()).isFalse();
		assertThat(resolution.raw()).isEqualTo("North Waziristan ");
		assertThat(resolution.currentRegionId()).isNull();
		assertThat(resolution.eventRegionId()).isNull();
		assertThat(resolution.eventName()).isNull();
	}

	@Test
	void blankNameIsNoRegion() {
		RegionResolution resolution = bundled.resolve("PAK", "", LocalDate.of(2015, 1, 1));
		assertThat(resolution.isResolved()).isFalse();
		assertThat(resolution.isBlank()).isTrue();
		assertThat(bundled.resolve("PAK", null, null).isBlank()).isTrue();
	}

	@Test
	void doesNotStripTheWholeName() {
		assertThat(bundled.resolve("PAK", "Province", LocalDate.of(2015, 1, 1)).isResolved()).isFalse();
	}

	@Test
	void looksOnlyInTheGivenCountry() {
		assertThat(bundled.resolve("IND", "Punjab", LocalDate.of(2015, 1, 1)).isResolved()).isFalse();
		assertThat(bundled.resolve(null, "Punjab", LocalDate.of(2015, 1, 1)).currentRegionId()).isEqualTo("pk-pb");
	}

	@Test
	void tellsRegionsOfTheSameNameApartByCountry() {
		RegionResolver resolver = new RegionResolver(
				List.of(region("pk-pb", "PAK", "Punjab"), region("in-pb", "IND", "Punjab")));
		assertThat(resolver.resolve("IND", "Punjab", LocalDate.of(2015, 1, 1)).currentRegionId()).isEqualTo("in-pb");
		assertThat(resolver.resolve("PAK", "Punjab", LocalDate.of(2015, 1, 1)).currentRegionId()).isEqualTo("pk-pb");
	}

	@Test
	void followsMergersToTheCurrentRegion() {
		RegionResolver resolver = new RegionResolver(List.of(region("a", "PAK", "A"),
				new KnownRegion("b", "PAK", "B", null, LocalDate.of(2000, 12, 31), "a", List.of()),
				new KnownRegion("c", "PAK", "C", null, LocalDate.of(1990, 12, 31), "b", List.of())));
		RegionResolution resolution = resolver.resolve("PAK", "C", LocalDate.of(1995, 1, 1));
		assertThat(resolution.currentRegionId()).isEqualTo("a");
		assertThat(resolution.eventRegionId()).isEqualTo("b");
		assertThat(resolution.eventName()).isEqualTo("B");
	}

	@Test
	void rejectsMergersIntoUnknownRegions() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new RegionResolver(
					List.of(new KnownRegion("b", "PAK", "B", null, LocalDate.of(2000, 12, 31), "nowhere", List.of()))))
			.withMessageContaining("nowhere");
	}

	@Test
	void rejectsMergersInACircle() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new RegionResolver(
					List.of(new KnownRegion("a", "PAK", "A", null, LocalDate.of(2000, 12, 31), "b", List.of()),
							new KnownRegion("b", "PAK", "B", null, LocalDate.of(2000, 12, 31), "a", List.of()))))
			.withMessageContaining("circle");
	}

	private static KnownRegion region(String id, String country, String name) {
		return new KnownRegion(id, country, name, null, null, null, List.of());
	}

}
