package org.incidentintel.etl.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.incidentintel.domain.reference.ReferenceDataLoader;
import org.incidentintel.domain.reference.ReferenceDataReader;
import org.incidentintel.etl.EtlApplication;
import org.incidentintel.etl.load.FaultInjection;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code organizations} on the bundled reference data, as a mapping author uses it to
 * learn which names the load resolves.
 */
@SpringBootTest(classes = EtlApplication.class)
@Import(FaultInjection.class) // shares the H2 context of the other ETL classes
class OrganizationsCommandIntegrationTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Autowired
	ConfigurableApplicationContext context;

	@Autowired
	ReferenceDataLoader referenceData;

	@BeforeEach
	void referenceData() {
		this.referenceData.load(new ReferenceDataReader().readClasspath());
	}

	@Test
	void listsEveryCanonicalNameWithItsAliasesAndWhereTheyApply() {
		Result listed = cli("organizations");

		assertThat(listed.exitCode()).as(listed.err()).isZero();
		assertThat(listed.out()).contains(
				"Tehrik-i-Taliban Pakistan [TTP]  (ttp, MILITANT_GROUP, PAK)\n" + "    Tehreek-e-Taliban Pakistan\n",
				"Islamic State Khorasan Province [ISKP]  (iskp, MILITANT_GROUP)\n"
						+ "    IS  (from 2015-01-01; in AFG, PAK)\n",
				"    Organisation of the Islamic Conference  (until 2011-06-27)\n");
		// the name and the acronym head the entry and are not repeated as aliases
		assertThat(listed.out()).doesNotContain("    ISKP\n", "    TTP\n");
		assertThat(listed.out().strip()).matches("(?s).*\\n\\d{2,} organizations");

		JsonNode all = JSON.readTree(cli("organizations", "--json").out());
		assertThat(all.size()).isGreaterThan(50);
	}

	@Test
	void searchRanksTheClosestNamesAndSaysWhatTheLoadResolvesTheTextTo() {
		Result search = cli("organizations", "--search", "Tehreek e Taliban Pakistan");

		assertThat(search.exitCode()).as(search.err()).isZero();
		assertThat(search.out())
			.startsWith("\"Tehreek e Taliban Pakistan\" resolves to: Tehrik-i-Taliban Pakistan (ttp)\n"
					+ "1.000 = \"Tehreek-e-Taliban Pakistan\"\nTehrik-i-Taliban Pakistan [TTP]");

		JsonNode json = JSON.readTree(cli("organizations", "--search", "IS", "--json", "--limit", "3").out());
		assertThat(json.get("resolvesTo").get(0).get("key").asString()).isEqualTo("islamic-state");
		assertThat(json.get("hits").size()).isBetween(1, 3);
		assertThat(json.get("hits").get(0).get("exact").asBoolean()).isTrue();

		Result unknown = cli("organizations", "--search", "Zzyzx Qwerty Front");
		assertThat(unknown.out()).contains("resolves to no organization", "no organization has a name close to it");
	}

	@Test
	void aBlankSearchIsAUsageError() {
		Result blank = cli("organizations", "--search", " ");

		assertThat(blank.exitCode()).isEqualTo(ExitCodes.USAGE);
		assertThat(blank.err()).contains("error: --search takes a name of 1 to 200 characters");
	}

	private Result cli(String... args) {
		StringWriter out = new StringWriter();
		StringWriter err = new StringWriter();
		int exitCode = EtlCli.run(args, this.context, new PrintWriter(out, true), new PrintWriter(err, true));
		return new Result(exitCode, out.toString(), err.toString());
	}

	private record Result(int exitCode, String out, String err) {
	}

}
