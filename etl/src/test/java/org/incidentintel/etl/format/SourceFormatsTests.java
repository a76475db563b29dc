package org.incidentintel.etl.format;

import java.util.List;

import org.incidentintel.etl.read.SourceRow;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class SourceFormatsTests {

	private final SourceFormats formats = SourceFormats.standard();

	@Test
	void listsAndFindsTheBuiltInFormatsByName() {
		assertThat(this.formats.all()).extracting(SourceFormat::name)
			.containsExactly("ucdp-ged", "ucdp-candidate", "gtd", "gtd-web", "acled");
		assertThat(this.formats.byName("UCDP-GED")).containsInstanceOf(UcdpGedFormat.class);
		assertThat(this.formats.byName("gtd-web")).containsInstanceOf(GtdWebFormat.class);
		assertThat(this.formats.byName("pbc")).isEmpty();
	}

	@Test
	void candidateEventsAreTheirOwnDatasetAndNamedNeverDetected() {
		SourceFormat candidate = this.formats.byName("ucdp-candidate").orElseThrow();

		assertThat(candidate.dataset()).isEqualTo("ucdp-candidate");
		assertThat(candidate.recognizes(Fixtures.json("ucdp-ged/api-page.json").header())).isFalse();
		assertDetected(Fixtures.json("ucdp-ged/api-page.json").header(), "ucdp-ged");
	}

	@Test
	void detectsEveryFixtureLayout() {
		assertDetected(Fixtures.csv("ucdp-ged/official.csv").header(), "ucdp-ged");
		assertDetected(Fixtures.csv("ucdp-ged/hdx-extract.csv").header(), "ucdp-ged");
		assertDetected(Fixtures.csv("ucdp-ged/explorer.csv").header(), "ucdp-ged");
		assertDetected(Fixtures.json("ucdp-ged/api-page.json").header(), "ucdp-ged");
		assertDetected(Fixtures.csv("gtd/codebook.csv").header(), "gtd");
		assertDetected(Fixtures.csv("gtd-web/search-results.csv").header(), "gtd-web");
		assertDetected(Fixtures.csv("acled/pre-2023.csv").header(), "acled");
		assertDetected(Fixtures.csv("acled/current.csv").header(), "acled");
	}

	@Test
	void toleratesCaseAndAByteOrderMarkInTheHeader() {
		assertDetected(List.of("\uFEFFEVENTID", "IYEAR", "GNAME"), "gtd");
		assertDetected(List.of("id", "date", "perpetrator group"), "gtd-web");
	}

	@Test
	void reportsAnUnknownHeader() {
		SourceFormats.Detection detection = this.formats
			.detect(List.of("S#", "Date", "Islamic Date", "Blast Day Type", "City", "Province", "Killed Min"));
		assertThat(detection.isUnknown()).isTrue();
		assertThat(detection.format()).isEmpty();
		assertThat(detection.describe()).isEqualTo("no known format recognizes this header");
	}

	@Test
	void reportsAnAmbiguousHeaderWithItsCandidates() {
		SourceFormats.Detection detection = this.formats
			.detect(List.of("eventid", "iyear", "gname", "event_id_cnty", "event_date", "fatalities"));
		assertThat(detection.isAmbiguous()).isTrue();
		assertThat(detection.format()).isEmpty();
		assertThat(detection.candidates()).extracting(SourceFormat::name).containsExactly("gtd", "acled");
		assertThat(detection.describe()).isEqualTo("several formats recognize this header: gtd, acled");
	}

	@Test
	void takesMoreFormatsButNotTwiceTheSameName() {
		SourceFormat custom = new SourceFormat() {

			@Override
			public String name() {
				return "pakistan-body-count";
			}

			@Override
			public String dataset() {
				return "pakistan-body-count";
			}

			@Override
			public boolean recognizes(List<String> header) {
				return header.contains("Killed Min");
			}

			@Override
			public NormalizedRecord read(SourceRow row) {
				throw new UnsupportedOperationException();
			}

		};
		SourceFormats extended = this.formats.with(custom);
		assertThat(extended.all()).hasSize(6);
		assertThat(extended.detect(List.of("S#", "Killed Min")).format()).contains(custom);
		assertThat(this.formats.all()).hasSize(5);
		assertThatIllegalArgumentException().isThrownBy(() -> this.formats.with(new GtdFormat()))
			.withMessageContaining("'gtd'");
	}

	private void assertDetected(List<String> header, String expected) {
		SourceFormats.Detection detection = this.formats.detect(header);
		assertThat(detection.format()).as(detection.describe()).map(SourceFormat::name).contains(expected);
		assertThat(detection.describe()).isEqualTo("format " + expected);
	}

}
