package org.incidentintel.domain.organization;

import java.util.Map;
import java.util.Set;

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
	void aCycleEndsTheWalk() {
		OrganizationFamilies cyclic = new OrganizationFamilies(Map.of(1L, 2L, 2L, 1L), Map.of(3L, 4L, 4L, 3L));

		assertThat(cyclic.withMerges(Set.of(1L))).containsExactlyInAnyOrder(1L, 2L);
		assertThat(cyclic.withFactions(Set.of(3L))).containsExactlyInAnyOrder(3L, 4L);
	}

}
