package org.incidentintel.domain.dedup;

import java.time.LocalDate;

import org.incidentintel.domain.incident.IncidentKind;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.incidentintel.domain.dedup.Records.attack;

class MatchScorerTests {

	private final MatchScorer scorer = new MatchScorer(MatchRules.defaults());

	private final MatchRecord ucdp = attack().dataset("ucdp-ged", "65354").build();

	@Test
	void sameDaySamePlaceSameCountIsAStrongMatchWithItsEvidence() {
		MatchRecord pbc = attack().dataset("pakistan-body-count", "399")
			.at(34.0043, 71.5448, "Peshawar")
			.killed(81, 75, 81)
			.build();

		Match match = this.scorer.score(pbc, this.ucdp);

		assertThat(match.score()).isGreaterThanOrEqualTo(0.9);
		assertThat(match.a()).as("ordered by key").isEqualTo(pbc);
		assertThat(match.evidenceJson(this.ucdp)).contains("\"with\":\"ucdp-ged:65354\"", "\"gapDays\":0",
				"\"sameName\":[\"peshawar\"]", "\"killed\":\"75-81\"", "\"otherKilled\":\"80\"");
	}

	@Test
	void recordsThatCannotBeOneEventAreNotScored() {
		Records pbc = attack().dataset("pakistan-body-count", "1");
		assertThat(this.scorer.score(pbc.country("AFG").build(), this.ucdp)).as("other country").isNull();
		assertThat(this.scorer.score(attack().dataset("pakistan-body-count", "2").daysLater(2).build(), this.ucdp))
			.as("two days apart, window one day")
			.isNull();
		assertThat(this.scorer.score(attack().build(), this.ucdp)).as("same dataset").isNull();
		assertThat(this.scorer.score(
				attack().dataset("pakistan-body-count", "3").at(24.86, 67.01, "Karachi").region(5L).build(), this.ucdp))
			.as("other end of the country, other region, other name")
			.isNull();
		assertThat(this.scorer.score(
				attack().dataset("gtd", "4").on(LocalDate.of(2013, 9, 1), LocalDate.of(2013, 9, 30)).build(),
				this.ucdp))
			.as("a date known to the month only")
			.isNull();
	}

	@Test
	void aDayApartOrADifferentCountWeakensTheMatch() {
		MatchRecord sameDay = attack().dataset("gtd", "1").build();
		MatchRecord nextDay = attack().dataset("gtd", "2").daysLater(1).build();
		MatchRecord otherCount = attack().dataset("gtd", "3").killed(12, null, null).build();

		double same = this.scorer.score(sameDay, this.ucdp).score();
		assertThat(this.scorer.score(nextDay, this.ucdp).score()).isLessThan(same);
		// still a match: same day, same spot (an early count)
		assertThat(this.scorer.score(otherCount, this.ucdp).score()).isLessThan(same)
			.isGreaterThanOrEqualTo(MatchRules.defaults().threshold());
	}

	@Test
	void twoAttacksInOneProvinceOnOneDayFarApartDoNotMatch() {
		MatchRecord farAway = attack().dataset("pakistan-body-count", "169").at(34.78, 72.37, "Mingora").build();

		Match match = this.scorer.score(farAway, this.ucdp);

		assertThat(match.score()).isLessThan(MatchRules.defaults().threshold());
	}

	@Test
	void perpetratorsAndKindsCountButDoNotDecideAlone() {
		MatchRecord sameGroup = attack().dataset("gtd", "1").by(7L).build();
		MatchRecord otherGroup = attack().dataset("gtd", "2").by(8L).build();
		MatchRecord ucdpWithGroup = attack().dataset("ucdp-ged", "9").by(7L, 1L).build();

		assertThat(this.scorer.score(sameGroup, ucdpWithGroup).score())
			.isGreaterThan(this.scorer.score(otherGroup, ucdpWithGroup).score());
		assertThat(MatchScorer.kindScore(IncidentKind.ATTACK, IncidentKind.CLASH))
			.isGreaterThan(MatchScorer.kindScore(IncidentKind.ATTACK, IncidentKind.STRIKE));
	}

	@Test
	void casualtyRangesThatOverlapAgreeFully() {
		assertThat(MatchScorer.casualtyScore(new int[] { 75, 81 }, new int[] { 80, 80 })).isEqualTo(1.0);
		assertThat(MatchScorer.casualtyScore(new int[] { 58, 61 }, new int[] { 66, 66 })).isEqualTo(0.85);
		assertThat(MatchScorer.casualtyScore(new int[] { 28, 28 }, new int[] { 39, 39 })).isEqualTo(0.6);
		assertThat(MatchScorer.casualtyScore(new int[] { 1, 1 }, new int[] { 60, 60 })).isZero();
		assertThat(MatchScorer.casualtyScore(null, new int[] { 60, 60 })).isEqualTo(0.5);
	}

	@Test
	void placeKeysDropTheWordsSourcesAppend() {
		assertThat(PlaceKeys.of("Peshawar town", "Peshawar district", "Peshawar ")).containsExactly("peshawar");
		assertThat(PlaceKeys.of("D.I Khan", null, "  ", "district")).containsExactly("di khan");
	}

}
