package org.incidentintel.etl.pull;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class GedReleasesTests {

	@Test
	void aYearlyReleaseCoversUpToTheEndOfTheYearBeforeItsNumber() {
		assertThat(GedReleases.coveredUntil("22.1")).contains(LocalDate.of(2021, 12, 31));
		assertThat(GedReleases.coveredUntil("24.1")).contains(LocalDate.of(2023, 12, 31));
		assertThat(GedReleases.coveredUntil("25.1")).contains(LocalDate.of(2024, 12, 31));
	}

	@Test
	void candidateAndOldVersionsCoverNothing() {
		assertThat(GedReleases.coveredUntil("24.0.3")).isEmpty();
		assertThat(GedReleases.coveredUntil("5.0")).isEmpty();
		assertThat(GedReleases.coveredUntil(null)).isEmpty();
	}

}
