package org.incidentintel.domain.dedup;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.incidentintel.domain.dedup.CuratorDecisions.Pair;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.incidentintel.domain.dedup.Records.attack;

class ClustererTests {

	private final MatchScorer scorer = new MatchScorer(MatchRules.defaults());

	private final MatchRecord ucdp = attack().dataset("ucdp-ged", "1").build();

	private final MatchRecord pbc = attack().dataset("pakistan-body-count", "1").killed(78, 70, 80).build();

	private final MatchRecord pbcWeaker = attack().dataset("pakistan-body-count", "2").daysLater(1).build();

	private final MatchRecord gtd = attack().dataset("gtd", "1").build();

	@Test
	void strongestMatchesFirstAndOneRecordPerDataset() {
		List<Cluster> clusters = cluster(List.of(this.ucdp, this.pbc, this.pbcWeaker, this.gtd), CuratorDecisions.NONE);

		assertThat(keys(clusters)).containsExactly(List.of("gtd:1", "pakistan-body-count:1", "ucdp-ged:1"),
				List.of("pakistan-body-count:2"));
		Cluster.Link link = clusters.get(0).links().get(this.pbc.id());
		assertThat(link.score()).isGreaterThanOrEqualTo(0.7);
		assertThat(link.evidence()).contains("\"rule\":\"matched\"");
		assertThat(clusters.get(1).links().get(this.pbcWeaker.id()).evidence())
			.isEqualTo(Cluster.SINGLE_SOURCE_EVIDENCE);
	}

	@Test
	void theResultDoesNotDependOnTheOrderOfRecordsOrMatches() {
		List<MatchRecord> records = new ArrayList<>(List.of(this.ucdp, this.pbc, this.pbcWeaker, this.gtd));
		List<List<String>> expected = keys(cluster(records, CuratorDecisions.NONE));
		Random random = new Random(42);
		for (int i = 0; i < 20; i++) {
			Collections.shuffle(records, random);
			List<Match> matches = matches(records);
			Collections.shuffle(matches, random);
			assertThat(keys(Clusterer.cluster(records, matches, CuratorDecisions.NONE, false))).isEqualTo(expected);
		}
	}

	@Test
	void curatorsSplitsHoldAgainstScoresAndTheirMergesAgainstDatasets() {
		CuratorDecisions split = new CuratorDecisions(Set.of(), Set.of(Pair.of(this.pbc.key(), this.ucdp.key())));
		assertThat(keys(cluster(List.of(this.ucdp, this.pbc, this.gtd), split)))
			.as("pbc and ucdp apart; gtd joins the stronger of the two")
			.containsExactlyInAnyOrder(List.of("gtd:1", "pakistan-body-count:1"), List.of("ucdp-ged:1"));

		CuratorDecisions merge = new CuratorDecisions(Set.of(Pair.of(this.pbc.key(), this.pbcWeaker.key())), Set.of());
		List<Cluster> merged = cluster(List.of(this.pbc, this.pbcWeaker), merge);
		assertThat(keys(merged)).containsExactly(List.of("pakistan-body-count:1", "pakistan-body-count:2"));
		assertThat(merged.get(0).links().get(this.pbc.id()).evidence()).isEqualTo(Cluster.CURATOR_MERGE_EVIDENCE);
	}

	@Test
	void precedenceTakesTheMostPreciseDateTheFirstLocatedPlaceAndPriorityCasualties() {
		MatchRecord vague = attack().dataset("ucdp-ged", "9")
			.on(this.pbc.start(), this.pbc.start().plusDays(2))
			.nowhere("Peshawar")
			.build();
		MatchRecord precise = attack().dataset("pakistan-body-count", "9").killed(null, null, null).build();

		Precedence.Donors donors = new Precedence(MatchRules.defaults()).donors(List.of(vague, precise));

		assertThat(donors.date()).isEqualTo(precise.id());
		assertThat(donors.place()).isEqualTo(precise.id());
		assertThat(donors.killed()).as("ucdp-ged first in priority, and it states a figure").isEqualTo(vague.id());
		assertThat(donors.kind()).isEqualTo(vague.id());
	}

	private List<Cluster> cluster(List<MatchRecord> records, CuratorDecisions decisions) {
		return Clusterer.cluster(records, matches(records), decisions, false);
	}

	private List<Match> matches(List<MatchRecord> records) {
		List<Match> matches = new ArrayList<>();
		for (int i = 0; i < records.size(); i++) {
			for (int j = i + 1; j < records.size(); j++) {
				Match match = this.scorer.score(records.get(i), records.get(j));
				if (match != null && match.score() >= MatchRules.defaults().threshold()) {
					matches.add(match);
				}
			}
		}
		return matches;
	}

	private static List<List<String>> keys(List<Cluster> clusters) {
		return clusters.stream()
			.map((cluster) -> cluster.members().stream().map((record) -> record.key().toString()).toList())
			.toList();
	}

}
