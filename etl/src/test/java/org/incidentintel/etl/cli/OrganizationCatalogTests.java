package org.incidentintel.etl.cli;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.incidentintel.etl.cli.OrganizationCatalog.Alias;
import org.incidentintel.etl.cli.OrganizationCatalog.Entry;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The organization listing a mapping author reads: names, ranked search and what the load
 * resolves a text to.
 */
class OrganizationCatalogTests {

	private static final Entry TTP = new Entry("ttp", "Tehrik-i-Taliban Pakistan", "TTP", "MILITANT_GROUP", "PAK",
			List.of(alias("Tehreek-e-Taliban Pakistan"), alias("Pakistani Taliban"),
					new Alias("Jamaat-ul-Ahrar", null, null, List.of(), "Jamaat-ul-Ahrar")));

	private static final Entry ISLAMIC_STATE = new Entry("islamic-state", "Islamic State", "IS", "MILITANT_GROUP", null,
			List.of(alias("ISIL"), alias("ISIS")));

	private static final Entry ISKP = new Entry("iskp", "Islamic State Khorasan Province", "ISKP", "MILITANT_GROUP",
			null, List.of(new Alias("IS", LocalDate.of(2015, 1, 1), null, List.of("AFG", "PAK"), null), alias("IS-K")));

	private final OrganizationCatalog catalog = new OrganizationCatalog(List.of(TTP, ISKP, ISLAMIC_STATE));

	@Test
	void listsTheOrganizationsByCanonicalName() {
		assertThat(this.catalog.all()).extracting(Entry::key).containsExactly("islamic-state", "iskp", "ttp");
	}

	@Test
	void searchRanksMisspellingsAndTransliterationsAndSaysWhichNameMatched() {
		var hits = this.catalog.search("Tehrik e Taliban Pakistan", 5);

		assertThat(hits).isNotEmpty();
		assertThat(hits.get(0).target()).isEqualTo(TTP);
		assertThat(hits.get(0).exact()).isTrue();
		assertThat(this.catalog.search("Tehreek Taliban Pakistn", 5).get(0).target()).isEqualTo(TTP);
		assertThat(this.catalog.search("ISIS-K", 1)).singleElement().satisfies((hit) -> {
			assertThat(hit.target()).isEqualTo(ISKP);
			assertThat(hit.name()).isEqualTo("IS-K");
		});
		assertThat(this.catalog.search("Baloch Liberation Army", 5)).isEmpty();
	}

	@Test
	void resolvesATextAsTheLoadDoesWithoutAnEventsDateOrCountry() {
		assertThat(this.catalog.resolve("TTP (suspected)")).containsExactly(TTP);
		// The merged organization's name redirects to the survivor
		assertThat(this.catalog.resolve("Jamaat-ul-Ahrar")).containsExactly(TTP);
		// "IS" names ISKP only for events in Afghanistan and Pakistan
		assertThat(this.catalog.resolve("IS")).containsExactly(ISLAMIC_STATE);
		assertThat(this.catalog.resolve("Lashkar-e-Jhangvi")).isEmpty();
	}

	@Test
	void anAliasSaysWhenAndWhereItApplies() {
		assertThat(ISKP.aliases().get(0).limits()).isEqualTo("from 2015-01-01; in AFG, PAK");
		assertThat(new Alias("Organisation of the Islamic Conference", null, LocalDate.of(2011, 6, 27), List.of(), null)
			.limits()).isEqualTo("until 2011-06-27");
		assertThat(TTP.aliases().get(2).limits()).isEqualTo("merged from Jamaat-ul-Ahrar");
		assertThat(TTP.aliases().get(0).limits()).isEmpty();
	}

	@Test
	void printsOneLinePerOrganizationAndOneIndentedLinePerAlias() {
		assertThat(OrganizationsCommand.block(ISKP)).isEqualTo("""
				Islamic State Khorasan Province [ISKP]  (iskp, MILITANT_GROUP)
				    IS  (from 2015-01-01; in AFG, PAK)
				    IS-K
				""");
		assertThat(OrganizationsCommand.resolution("LeJ", List.of()))
			.isEqualTo("\"LeJ\" resolves to no organization: the load keeps it verbatim and lists it as unresolved");
	}

	private static Alias alias(String name) {
		return new Alias(name, null, null, List.of(), null);
	}

}
