package org.incidentintel.domain.organization;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import static org.assertj.core.api.Assertions.assertThat;

class OrganizationFamiliesCacheTests {

	private final AtomicInteger loads = new AtomicInteger();

	// Each load sees one more merge than the one before: 1 into 100, then 2 into 100, ...
	private final OrganizationFamiliesCache cache = new OrganizationFamiliesCache(() -> {
		long merged = this.loads.incrementAndGet();
		return new OrganizationFamilies(Map.of(merged, 100L), Map.of());
	});

	@AfterEach
	void endSynchronization() {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.clearSynchronization();
		}
	}

	@Test
	void theFamiliesAreLoadedOnceAndKept() {
		assertThat(this.cache.current().survivor(1L)).isEqualTo(100L);
		assertThat(this.cache.current().withMerges(Set.of(100L))).containsExactlyInAnyOrder(1L, 100L);
		assertThat(this.loads).hasValue(1);
	}

	@Test
	void aChangeOutsideATransactionReloadsAtOnce() {
		this.cache.current();

		this.cache.organizationsChanged();

		assertThat(this.loads).hasValue(2);
		assertThat(this.cache.current().survivor(2L)).isEqualTo(100L);
	}

	@Test
	void aChangeInATransactionReloadsOnlyOnceItCommits() {
		this.cache.current();
		TransactionSynchronizationManager.initSynchronization();

		this.cache.organizationsChanged();

		// before the commit another connection would read the old links
		assertThat(this.loads).hasValue(1);
		TransactionSynchronizationManager.getSynchronizations().forEach(TransactionSynchronization::afterCommit);
		assertThat(this.loads).hasValue(2);
		assertThat(this.cache.current().survivor(2L)).isEqualTo(100L);
	}

}
