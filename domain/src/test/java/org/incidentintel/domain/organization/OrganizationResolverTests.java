package org.incidentintel.domain.organization;

import java.time.LocalDate;
import java.util.List;

import org.incidentintel.domain.organization.OrganizationResolution.Outcome;
import org.incidentintel.domain.reference.OrganizationEntry;
import org.incidentintel.domain.reference.ReferenceData;
import org.incidentintel.domain.reference.ReferenceDataReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Tests for {@link OrganizationResolver}: the parsing rules on small fixtures, and every
 * spelling of the brief, of SOURCES.md and of the UCDP file against the bundled reference
 * data.
 */
class OrganizationResolverTests {

	private static final ReferenceData referenceData = new ReferenceDataReader().readClasspath();

	private static final OrganizationResolver bundled = referenceData.organizationResolver();

	private final OrganizationResolver fixture = new OrganizationResolver(
			List.of(organization("ttp", "Tehrik-i-Taliban Pakistan", "TTP", "Tehreek-e-Taliban Pakistan"),
					organization("lej", "Lashkar-e-Jhangvi", "LeJ"),
					organization("peace-front", "Peace, Justice and Order Front", null),
					organization("justice-front", "Justice and Order Front", null),
					new KnownOrganization("old-conference", "Old Conference", null,
							List.of(new KnownAlias("The Conference", null, LocalDate.of(2011, 6, 27)))),
					new KnownOrganization("new-conference", "New Conference", null,
							List.of(new KnownAlias("The Conference", LocalDate.of(2011, 6, 28), null))),
					new KnownOrganization("forum", "Forum", null,
							List.of(new KnownAlias("Old Forum", null, LocalDate.of(2000, 12, 31))))));

	/**
	 * Every actor name of the bundled UCDP extract that belongs to the Islamic State or
	 * the TTP family, with an event's date and country: the Pakistan extract's "IS" is
	 * ISKP from 2015 (it also holds one event of the Iraq conflict located in Pakistan),
	 * the Islamic State elsewhere or before.
	 */
	@ParameterizedTest(name = "{0} on {1} in {2} -> {3}")
	@CsvSource(delimiter = '|', textBlock = """
			IS               | 2017-07-03 | PAK | iskp
			IS               | 2015-01-01 | AFG | iskp
			IS               | 2014-12-31 | PAK | islamic-state
			IS               | 2017-07-03 | IRQ | islamic-state
			IS               |            | PAK | iskp
			Islamic State    | 2017-07-03 | PAK | islamic-state
			TTP              | 2017-07-03 | PAK | ttp
			TTP - TA         | 2011-01-01 | PAK | ttp-ta
			TTP - MR         | 2010-01-01 | PAK | ttp-mr
			TTP - MT         | 2010-01-01 | PAK | ttp-mt
			TTP-KM           | 2014-06-01 | PAK | ttp-km
			TTP-SM           | 2014-06-01 | PAK | ttp-sm
			TTP-Islahi       | 2012-01-01 | PAK | ttp-islahi
			Jamaat-ul-Ahrar  | 2016-01-01 | PAK | jamaat-ul-ahrar
			""")
	void theIslamicStateAndTtpFamiliesResolveByDateAndCountry(String name, LocalDate at, String country,
			String expected) {
		assertThat(bundled.resolve(name, at, country).organizationId()).isEqualTo(expected);
	}

	@Test
	void withoutACountryAnAliasLimitedToCountriesDoesNotDecide() {
		assertThat(bundled.resolve("IS", LocalDate.of(2017, 7, 3)).organizationId()).isEqualTo("islamic-state");
	}

	@ParameterizedTest(name = "{0} -> {1}")
	@CsvSource(delimiter = '|', textBlock = """
			Tehrik-i-Taliban Pakistan                     | ttp
			Tehreek-e-Taliban Pakistan                    | ttp
			Tehreek-i-Taliban Pakistan                    | ttp
			Tehrik-e-Taliban Pakistan                     | ttp
			Tehrik-i-Taliban Pakistan (TTP)               | ttp
			TTP: Tehreek-i-Taliban Pakistan               | ttp
			TTP                                           | ttp
			Pakistani Taliban                             | ttp
			Taliban (Pakistan)                            | ttp
			ISKP                                          | iskp
			IS-KP                                         | iskp
			ISIS-K                                        | iskp
			IS-K                                          | iskp
			ISIS-Khorasan                                 | iskp
			Islamic State Khorasan Province               | iskp
			Islamic State Khorasan Province (ISKP)        | iskp
			ISKP: Islamic State Khorasan Province         | iskp
			Khorasan Chapter of the Islamic State         | iskp
			Wilayat Khorasan                              | iskp
			Daesh                                         | iskp
			IS                                            | islamic-state
			Islamic State                                 | islamic-state
			Islamic State of Iraq and the Levant (ISIL)   | islamic-state
			ISIL                                          | islamic-state
			ISIS                                          | islamic-state
			Islamic State (Pakistan)                      | islamic-state
			Taliban                                       | taliban
			Taleban                                       | taliban
			Islamic Emirate of Afghanistan                | taliban
			Al-Qaeda                                      | al-qaida
			al-Qaida                                      | al-qaida
			AQ                                            | al-qaida
			al-Qaida in the Indian Subcontinent (AQIS)    | aqis
			Al-Qaeda in the Indian Subcontinent           | aqis
			Baloch Liberation Army (BLA)                  | bla
			Balochistan Liberation Army                   | bla
			BLA: Baloch Liberation Army                   | bla
			Baloch Liberation Front                       | blf
			Balochistan Liberation Front (BLF)            | blf
			Lashkar-e-Jhangvi                             | lej
			Lashkar-i-Jhangvi                             | lej
			LeJ: Lashkar-e-Jhangvi                        | lej
			Jamaat-ul-Ahrar                               | jamaat-ul-ahrar
			Jamaat ul Ahrar                               | jamaat-ul-ahrar
			JuA: Jamaat-ul-Ahrar                          | jamaat-ul-ahrar
			Hizb-ul-Ahrar                                 | hizb-ul-ahrar
			HuA: Hizb-ul-Ahrar                            | hizb-ul-ahrar
			Hizbul Ahrar                                  | hizb-ul-ahrar
			Lashkar-e-Islam                               | lashkar-e-islam
			LeI                                           | lashkar-e-islam
			Lashkar-e-Islam (Pakistan)                    | lashkar-e-islam
			Haqqani Network                               | haqqani-network
			Lashkar-e-Taiba (LeT)                         | let
			Jaish-e-Mohammad (JeM)                        | jem
			Sipah-e-Sahaba/Pakistan (SSP)                 | ssp
			Tehrik-e-Nafaz-e-Shariat-e-Mohammadi (TNSM)   | tnsm
			Government of Pakistan                        | government-of-pakistan
			Government of the United States               | government-of-united-states
			U.S. Government                               | government-of-united-states
			Foreign Office                                | pakistan-mofa
			MOFA                                          | pakistan-mofa
			Pakistan Army                                 | pakistan-army
			Frontier Corps                                | frontier-corps
			Military Forces of Pakistan (2018-)           | pakistan-security-forces
			Police Forces of Pakistan (2018-)             | pakistan-police
			US Department of State                        | us-department-of-state
			Bureau of Counterterrorism                    | us-bureau-of-counterterrorism
			Centre for Research and Security Studies      | crss
			CRSS                                          | crss
			United Nations                                | united-nations
			Organisation of Islamic Cooperation (OIC)     | oic
			Organisation of the Islamic Conference        | oic
			Global Counterterrorism Forum (GCTF)          | gctf
			""")
	void resolvesEverySpellingOfTheBriefAndItsSources(String name, String id) {
		OrganizationResolution resolution = bundled.resolve(name);
		assertThat(resolution.outcome()).isEqualTo(Outcome.RESOLVED);
		assertThat(resolution.organizationIds()).containsExactly(id);
	}

	@ParameterizedTest(name = "{0} -> {1}")
	@CsvFileSource(resources = "/reference-coverage/ucdp-ged-22.1-pak-actors.csv", numLinesToSkip = 1)
	void resolvesEveryActorOfTheUcdpPakistanExtract(String actor, String id) {
		OrganizationResolution resolution = bundled.resolve(actor);
		if (id == null) {
			assertThat(resolution.outcome()).isEqualTo(Outcome.NO_ACTOR);
		}
		else {
			assertThat(resolution.organizationIds()).containsExactly(id);
		}
	}

	@Test
	void resolvesEveryNameOfTheReferenceDataToItsOwnOrganization() {
		for (OrganizationEntry organization : referenceData.organizations()) {
			assertThat(bundled.resolve(organization.name()).organizationIds()).as(organization.name())
				.containsExactly(organization.id());
			if (organization.acronym() != null) {
				assertThat(bundled.resolve(organization.acronym()).organizationIds()).as(organization.acronym())
					.containsExactly(organization.id());
			}
			// An alias limited to countries names its organization there, from its first
			// day
			organization.aliases()
				.forEach((alias) -> assertThat((alias.countries().isEmpty())
						? bundled.resolve(alias.name()).organizationIds()
						: bundled.resolve(alias.name(), alias.validFrom(), alias.countries().get(0)).organizationIds())
					.as(alias.name())
					.containsExactly(organization.id()));
		}
	}

	@ParameterizedTest(name = "\"{0}\"")
	@CsvSource(delimiter = '|', textBlock = """
			Unknown
			unknown
			Civilians
			Civilians (Pakistan)
			Unidentified Armed Group (Pakistan)
			''
			'   '
			""")
	void treatsUnknownAndBlankAsNoActor(String name) {
		// UCDP's Civilians are the victims of one-sided violence, not an actor
		OrganizationResolution resolution = bundled.resolve(name);
		assertThat(resolution.outcome()).isEqualTo(Outcome.NO_ACTOR);
		assertThat(resolution.organizationIds()).isEmpty();
		assertThat(resolution.organizationId()).isNull();
	}

	@Test
	void treatsNullAsNoActor() {
		assertThat(bundled.resolve(null).outcome()).isEqualTo(Outcome.NO_ACTOR);
		assertThat(bundled.resolveAll(null)).isEmpty();
	}

	@Test
	void marksSuspectedAttributions() {
		OrganizationResolution resolution = this.fixture.resolve("Tehrik-i-Taliban Pakistan (TTP) (suspected)");
		assertThat(resolution.organizationId()).isEqualTo("ttp");
		assertThat(resolution.suspected()).isTrue();
		assertThat(resolution.name()).isEqualTo("Tehrik-i-Taliban Pakistan (TTP)");
		assertThat(this.fixture.resolve("TTP").suspected()).isFalse();
	}

	@Test
	void keepsUnresolvedNamesVerbatim() {
		OrganizationResolution resolution = this.fixture.resolve("  Sindhudesh Revolutionary Army (SRA) (Suspected) ");
		assertThat(resolution.outcome()).isEqualTo(Outcome.UNRESOLVED);
		assertThat(resolution.isResolved()).isFalse();
		assertThat(resolution.raw()).isEqualTo("  Sindhudesh Revolutionary Army (SRA) (Suspected) ");
		assertThat(resolution.name()).isEqualTo("Sindhudesh Revolutionary Army (SRA)");
		assertThat(resolution.suspected()).isTrue();
	}

	@Test
	void resolvesAbbreviationWhenTheNameIsUnknown() {
		assertThat(this.fixture.resolve("Tehrik-i-Taliban Pakistan Swat Chapter (TTP)").organizationId())
			.isEqualTo("ttp");
		assertThat(this.fixture.resolve("TTP: Tehrik-i-Taliban Pakistan, Swat Chapter").organizationId())
			.isEqualTo("ttp");
	}

	@Test
	void resolveAllSplitsSeveralGroupsOfACell() {
		assertThat(this.fixture.resolveAll("Tehrik-i-Taliban Pakistan (TTP), Lashkar-e-Jhangvi (suspected)"))
			.extracting(OrganizationResolution::organizationId, OrganizationResolution::suspected)
			.containsExactly(tuple("ttp", false), tuple("lej", true));
	}

	@Test
	void resolveAllSplitsAcledSemicolonLists() {
		assertThat(this.fixture.resolveAll("Civilians (Pakistan); TTP: Tehreek-i-Taliban Pakistan"))
			.extracting(OrganizationResolution::organizationId)
			.containsExactly("ttp");
	}

	@Test
	void resolveAllDoesNotLetAnAbbreviationSwallowTheOtherGroups() {
		assertThat(this.fixture.resolveAll("LeJ: Lashkar-e-Jhangvi, TTP"))
			.extracting(OrganizationResolution::organizationId)
			.containsExactly("lej", "ttp");
		assertThat(this.fixture.resolveAll("TTP: Tehreek-i-Taliban Pakistan; LeJ: Lashkar-e-Jhangvi"))
			.extracting(OrganizationResolution::organizationId)
			.containsExactly("ttp", "lej");
		assertThat(this.fixture.resolveAll("Tehrik-i-Taliban Pakistan (TTP), Lashkar-e-Jhangvi (LeJ)"))
			.extracting(OrganizationResolution::organizationId)
			.containsExactly("ttp", "lej");
	}

	@Test
	void resolveAllKeepsCommasInsideKnownNames() {
		assertThat(this.fixture.resolveAll("Peace, Justice and Order Front, TTP"))
			.extracting(OrganizationResolution::organizationId)
			.containsExactly("peace-front", "ttp");
		assertThat(this.fixture.resolveAll("Peace, Justice and Order Front (PJOF) (suspected), TTP"))
			.extracting(OrganizationResolution::organizationId, OrganizationResolution::suspected)
			.containsExactly(tuple("peace-front", true), tuple("ttp", false));
		assertThat(this.fixture.resolveAll("Justice and Order Front, TTP"))
			.extracting(OrganizationResolution::organizationId)
			.containsExactly("justice-front", "ttp");
	}

	@Test
	void resolveAllKeepsUnknownStretchesTogetherVerbatim() {
		List<OrganizationResolution> resolutions = this.fixture.resolveAll("TTP, Muslim Youth, Karachi, LeJ, Unknown");
		assertThat(resolutions).extracting(OrganizationResolution::outcome)
			.containsExactly(Outcome.RESOLVED, Outcome.UNRESOLVED, Outcome.RESOLVED);
		assertThat(resolutions.get(1).name()).isEqualTo("Muslim Youth, Karachi");
		assertThat(this.fixture.resolveAll("Muslim Youth, Karachi")).singleElement()
			.extracting(OrganizationResolution::name)
			.isEqualTo("Muslim Youth, Karachi");
	}

	@Test
	void resolveAllOfUnknownIsEmpty() {
		assertThat(this.fixture.resolveAll("Unknown")).isEmpty();
		assertThat(this.fixture.resolveAll("Unknown, Unknown")).isEmpty();
	}

	@Test
	void aliasValidityTellsOrganizationsSharingAnAliasApart() {
		assertThat(this.fixture.resolve("The Conference", LocalDate.of(2005, 1, 1)).organizationIds())
			.containsExactly("old-conference");
		assertThat(this.fixture.resolve("the conference", LocalDate.of(2011, 6, 28)).organizationIds())
			.containsExactly("new-conference");
		OrganizationResolution undated = this.fixture.resolve("The Conference");
		assertThat(undated.isAmbiguous()).isTrue();
		assertThat(undated.organizationId()).isNull();
		assertThat(undated.organizationIds()).containsExactly("old-conference", "new-conference");
	}

	@Test
	void aliasValidityNeverLosesTheOnlyMatch() {
		// Sources keep former names long after a renaming: periods only settle ties
		assertThat(this.fixture.resolve("Old Forum", LocalDate.of(2020, 1, 1)).organizationId()).isEqualTo("forum");
	}

	@Test
	void resolvesFormerNamesInTheBundledData() {
		assertThat(bundled.resolve("Organisation of the Islamic Conference", LocalDate.of(2005, 3, 1)).organizationId())
			.isEqualTo("oic");
	}

	private static KnownOrganization organization(String id, String name, String acronym, String... aliases) {
		return new KnownOrganization(id, name, acronym, List.of(aliases).stream().map(KnownAlias::of).toList());
	}

}
