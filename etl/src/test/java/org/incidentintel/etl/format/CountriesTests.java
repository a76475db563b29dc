package org.incidentintel.etl.format;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class CountriesTests {

	private final Countries countries = Countries.standard();

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			Pakistan                        | PAK
			pakistan                        | PAK
			'  PAKISTAN '                   | PAK
			PK                              | PAK
			pak                             | PAK
			Afghanistan                     | AFG
			India                           | IND
			United States                   | USA
			United States of America        | USA
			Côte d’Ivoire                   | CIV
			Cote d'Ivoire                   | CIV
			COTE D'IVOIRE                   | CIV
			Ivory Coast                     | CIV
			São Tomé & Príncipe             | STP
			Sao Tome and Principe           | STP
			Curacao                         | CUW
			St. Kitts and Nevis             | KNA
			Saint Kitts and Nevis           | KNA
			The Gambia                      | GMB
			Myanmar                         | MMR
			Bolivia (Plurinational State of)| BOL
			'Korea, Republic of'            | KOR
			South Korea                     | KOR
			Congo                           | COG
			Democratic Republic of Congo    | COD
			Congo - Kinshasa                | COD
			eSwatini                        | SWZ
			""")
	void findsNamesAndCodesIgnoringCaseAccentsAndPunctuation(String name, String expected) {
		assertThat(this.countries.find(name)).contains(expected);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			Russia (Soviet Union)           | RUS
			Myanmar (Burma)                 | MMR
			DR Congo (Zaire)                | COD
			Yemen (North Yemen)             | YEM
			Cambodia (Kampuchea)            | KHM
			Zimbabwe (Rhodesia)             | ZWE
			Serbia (Yugoslavia)             | SRB
			Madagascar (Malagasy)           | MDG
			Kingdom of eSwatini (Swaziland) | SWZ
			Bosnia-Herzegovina              | BIH
			West Bank and Gaza Strip        | PSE
			Soviet Union                    | SUN
			West Germany (FRG)              | DEU
			East Germany (GDR)              | DEU
			Czechoslovakia                  | CSK
			Rhodesia                        | ZWE
			Zaire                           | COD
			South Vietnam                   | VNM
			South Yemen                     | YEM
			Yugoslavia                      | YUG
			Serbia-Montenegro               | SCG
			Kosovo                          | XKX
			Slovak Republic                 | SVK
			Czech Republic                  | CZE
			Macedonia                       | MKD
			East Timor                      | TLS
			People's Republic of the Congo  | COG
			""")
	void findsHistoricalAndSourceSpecificNames(String name, String expected) {
		assertThat(this.countries.find(name)).contains(expected);
	}

	@Test
	void knowsEveryIsoCountryOfTheJdkAndTheFormerOnes() {
		for (String alpha2 : Locale.getISOCountries()) {
			Locale locale = new Locale("", alpha2);
			assertThat(this.countries.find(locale.getDisplayCountry(Locale.ENGLISH)))
				.as(locale.getDisplayCountry(Locale.ENGLISH))
				.contains(locale.getISO3Country());
			assertThat(this.countries.find(alpha2)).contains(locale.getISO3Country());
		}
		assertThat(this.countries.codes()).contains("SUN", "CSK", "YUG", "SCG", "XKX");
		assertThat(this.countries.find("SUN")).contains("SUN");
	}

	// ACLED still writes ROM for Romania (issue 15: every Romanian event was rejected)
	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			ROM | ROU
			rom | ROU
			ZAR | COD
			TMP | TLS
			BUR | MMR
			DDR | DEU
			YMD | YEM
			HVO | BFA
			DHY | BEN
			RHO | ZWE
			NHB | VUT
			VDR | VNM
			KOS | XKX
			ZR  | COD
			TP  | TLS
			BU  | MMR
			YU  | YUG
			YUG | YUG
			SUN | SUN
			ROU | ROU
			""")
	void findsLegacyAndAlternateCodes(String code, String expected) {
		assertThat(this.countries.find(code)).contains(expected);
	}

	@Test
	void codeTableMayNotRedefineACurrentCode() {
		String table = """
				codes:
				  IND: PAK
				""";
		assertThatIllegalStateException()
			.isThrownBy(() -> Countries.load(new ByteArrayInputStream(table.getBytes(StandardCharsets.UTF_8))))
			.withMessageContaining("codes: IND is the current code of IND, not a former code of PAK");
	}

	@Test
	void mapsIsoNumericAndGleditschWardCodes() {
		assertThat(this.countries.findNumeric("586")).contains("PAK");
		assertThat(this.countries.findNumeric("4")).contains("AFG");
		assertThat(this.countries.findNumeric("004")).contains("AFG");
		assertThat(this.countries.findNumeric("356.0")).contains("IND");
		assertThat(this.countries.findNumeric("642")).contains("ROU");
		assertThat(this.countries.findNumeric("999")).isEmpty();
		assertThat(this.countries.findNumeric("Pakistan")).isEmpty();
		assertThat(this.countries.findNumeric(null)).isEmpty();
		assertThat(this.countries.findGleditschWard("770")).contains("PAK");
		assertThat(this.countries.findGleditschWard("700")).contains("AFG");
		assertThat(this.countries.findGleditschWard("750")).contains("IND");
	}

	@Test
	void unknownCountryIsARejectNamingTheField() {
		assertThat(this.countries.find("Atlantis")).isEmpty();
		assertThat(this.countries.find("International")).isEmpty();
		assertThat(this.countries.find("Korea")).isEmpty();
		assertThatExceptionOfType(RowRejectedException.class)
			.isThrownBy(() -> this.countries.iso3("Atlantis", "country_txt"))
			.satisfies((ex) -> {
				assertThat(ex.reason()).isEqualTo(RejectReason.UNKNOWN_COUNTRY);
				assertThat(ex.field()).isEqualTo("country_txt");
				assertThat(ex.getMessage()).isEqualTo("\"Atlantis\" is not a known country");
			});
		assertThatExceptionOfType(RowRejectedException.class).isThrownBy(() -> this.countries.iso3(" ", "country"))
			.satisfies((ex) -> assertThat(ex.reason()).isEqualTo(RejectReason.MISSING_FIELD));
	}

	@Test
	void aliasTableMayNotGiveOneNameTwoCountries() {
		String table = """
				aliases:
				  COD: [Congo]
				  COG: [congo]
				""";
		assertThatIllegalStateException()
			.isThrownBy(() -> Countries.load(new ByteArrayInputStream(table.getBytes(StandardCharsets.UTF_8))))
			.withMessageContaining("\"congo\" is listed under both COD and COG");
	}

	@Test
	void aliasTableCodesMustBeAlpha3() {
		String table = """
				numeric:
				  586: pak
				""";
		assertThatIllegalStateException()
			.isThrownBy(() -> Countries.load(new ByteArrayInputStream(table.getBytes(StandardCharsets.UTF_8))))
			.withMessageContaining("\"pak\" is not an alpha-3 code");
	}

}
