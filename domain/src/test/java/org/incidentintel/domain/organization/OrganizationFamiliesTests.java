package org.incidentintel.domain.organization;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.incidentintel.domain.organization.OrganizationFamilies.Member;
import org.incidentintel.domain.organization.OrganizationFamilies.Period;
import org.incidentintel.domain.organization.OrganizationFamilies.RollUp;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OrganizationFamiliesTests {

	// 1 TTP, 2 its faction JuA, 3 JuA's splinter HuA, 4 a duplicate of JuA merged into
	// it,
	// 5 the Islamic State, 6 ISKP, 7 a duplicate of TTP merged into it
	private final OrganizationFamilies families = new OrganizationFamilies(Map.of(4L, 2L, 7L, 1L),
			Map.of(2L, 1L, 3L, 2L, 6L, 5L));

	@Test
	void mergesCountBothWays() {
		assertThat(this.families.withMerges(Set.of(1L))).containsExactlyInAnyOrder(1L, 7L);
		assertThat(this.families.withMerges(Set.of(7L))).containsExactlyInAnyOrder(1L, 7L);
	}

	@Test
	void aMovementStandsForItsFactionsAtAnyDepthWithTheirMerges() {
		assertThat(this.families.withFactions(Set.of(1L))).containsExactlyInAnyOrder(1L, 7L, 2L, 4L, 3L);
		assertThat(this.families.withFactions(Set.of(5L))).containsExactlyInAnyOrder(5L, 6L);
	}

	@Test
	void aFactionDoesNotStandForItsMovement() {
		assertThat(this.families.withFactions(Set.of(6L))).containsExactly(6L);
	}

	@Test
	void anOrganizationStandsForTheOneItWasFinallyMergedInto() {
		OrganizationFamilies chained = new OrganizationFamilies(Map.of(1L, 2L, 2L, 3L), Map.of());

		assertThat(chained.survivor(1L)).isEqualTo(3L);
		assertThat(chained.survivor(2L)).isEqualTo(3L);
		assertThat(chained.survivor(3L)).isEqualTo(3L);
		// Unknown ids stand for themselves: whoever asks checks that they exist
		assertThat(chained.survivor(99L)).isEqualTo(99L);
	}

	@Test
	void aDatedFactionCountsForItsMovementOnlyInItsPeriodWithItsMergesAndSplinters() {
		// JuA (2) belongs to the TTP (1) from 2020-08-17; its splinter HuA (3) to JuA
		// always; 4 merged into JuA
		Period rejoined = new Period(LocalDate.parse("2020-08-17"), null);
		OrganizationFamilies dated = new OrganizationFamilies(Map.of(4L, 2L), Map.of(2L, 1L, 3L, 2L),
				Map.of(2L, rejoined));

		assertThat(dated.membersWithFactions(Set.of(1L))).containsExactlyInAnyOrder(new Member(1L, Period.ALWAYS),
				new Member(2L, rejoined), new Member(4L, rejoined), new Member(3L, rejoined));
		// On its own, JuA counts on every day
		assertThat(dated.membersWithFactions(Set.of(2L))).containsExactlyInAnyOrder(new Member(2L, Period.ALWAYS),
				new Member(4L, Period.ALWAYS), new Member(3L, Period.ALWAYS));
		assertThat(dated.withFactions(Set.of(1L))).containsExactlyInAnyOrder(1L, 2L, 3L, 4L);
	}

	@Test
	void periodsAlongAPathOverlapAndAnUndatedPathWins() {
		// 3 belongs to 2 until 2015, 2 to 1 from 2010: 3 counts for 1 in 2010-2015 only
		OrganizationFamilies nested = new OrganizationFamilies(Map.of(), Map.of(2L, 1L, 3L, 2L), Map.of(2L,
				new Period(LocalDate.parse("2010-01-01"), null), 3L, new Period(null, LocalDate.parse("2015-12-31"))));
		assertThat(nested.membersWithFactions(Set.of(1L)))
			.contains(new Member(3L, new Period(LocalDate.parse("2010-01-01"), LocalDate.parse("2015-12-31"))));

		// Periods that do not overlap: 3 never counts for 1
		OrganizationFamilies apart = new OrganizationFamilies(Map.of(), Map.of(2L, 1L, 3L, 2L), Map.of(2L,
				new Period(LocalDate.parse("2016-01-01"), null), 3L, new Period(null, LocalDate.parse("2015-12-31"))));
		assertThat(apart.withFactions(Set.of(1L))).containsExactlyInAnyOrder(1L, 2L);

		// Asked for both the movement and the faction, the faction counts on every day
		OrganizationFamilies both = new OrganizationFamilies(Map.of(), Map.of(2L, 1L),
				Map.of(2L, new Period(LocalDate.parse("2020-08-17"), null)));
		assertThat(both.membersWithFactions(Set.of(1L, 2L))).containsExactlyInAnyOrder(new Member(1L, Period.ALWAYS),
				new Member(2L, Period.ALWAYS));
	}

	@Test
	void aPeriodHoldsOnItsFirstAndLastDay() {
		Period period = new Period(LocalDate.parse("2014-08-26"), LocalDate.parse("2020-08-16"));

		assertThat(period.contains(LocalDate.parse("2014-08-26"))).isTrue();
		assertThat(period.contains(LocalDate.parse("2020-08-16"))).isTrue();
		assertThat(period.contains(LocalDate.parse("2020-08-17"))).isFalse();
		assertThat(period.contains(LocalDate.parse("2014-08-25"))).isFalse();
		assertThat(Period.ALWAYS.contains(LocalDate.MIN)).isTrue();
	}

	@Test
	void groupedByPerpetratorFactionsCountAsTheirMovementAndMergesAsTheirSurvivor() {
		assertThat(this.families.rollUps(true)).containsExactlyInAnyOrder(new RollUp(7L, 1L, Period.ALWAYS),
				new RollUp(2L, 1L, Period.ALWAYS), new RollUp(3L, 1L, Period.ALWAYS), new RollUp(4L, 1L, Period.ALWAYS),
				new RollUp(6L, 5L, Period.ALWAYS));
		assertThat(this.families.rollUps(false)).containsExactlyInAnyOrder(new RollUp(4L, 2L, Period.ALWAYS),
				new RollUp(7L, 1L, Period.ALWAYS));
	}

	@Test
	void aFactionOfAPeriodCountsAsItsMovementFirstThenAsItselfOrItsSurvivor() {
		// 2 (with 4 merged into it) belongs to 1 from 2020-08-17 only
		Period rejoined = new Period(LocalDate.parse("2020-08-17"), null);
		OrganizationFamilies dated = new OrganizationFamilies(Map.of(4L, 2L), Map.of(2L, 1L), Map.of(2L, rejoined));

		assertThat(dated.rollUps(true)).containsExactly(new RollUp(2L, 1L, rejoined), new RollUp(4L, 1L, rejoined),
				new RollUp(4L, 2L, Period.ALWAYS));
	}

	@Test
	void aCycleEndsTheWalk() {
		OrganizationFamilies cyclic = new OrganizationFamilies(Map.of(1L, 2L, 2L, 1L), Map.of(3L, 4L, 4L, 3L));

		assertThat(cyclic.withMerges(Set.of(1L))).containsExactlyInAnyOrder(1L, 2L);
		assertThat(cyclic.withFactions(Set.of(3L))).containsExactlyInAnyOrder(3L, 4L);
	}

	@Test
	void aUnionOfPeriodsCountsEachDayOnce() {
		Period early = new Period(LocalDate.parse("2014-01-01"), LocalDate.parse("2016-06-30"));
		Period overlapping = new Period(LocalDate.parse("2016-01-01"), LocalDate.parse("2017-12-31"));
		Period touching = new Period(LocalDate.parse("2018-01-01"), LocalDate.parse("2018-03-31"));
		Period apart = new Period(LocalDate.parse("2020-08-17"), null);

		assertThat(Period.union(List.of(apart, touching, early, overlapping)))
			.containsExactly(new Period(LocalDate.parse("2014-01-01"), LocalDate.parse("2018-03-31")), apart);
		assertThat(
				Period.union(List.of(apart, new Period(LocalDate.parse("2021-01-01"), LocalDate.parse("2021-12-31")))))
			.containsExactly(apart);
		assertThat(Period.union(List.of(early, Period.ALWAYS))).containsExactly(Period.ALWAYS);
		assertThat(Period.union(List.of(new Period(null, LocalDate.parse("2015-01-01")), apart)))
			.containsExactly(new Period(null, LocalDate.parse("2015-01-01")), apart);
	}

}
