package org.incidentintel.etl.load;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * How a load is split into ranges of records, and how a partition step finds its range.
 */
class LoadPartitionTests {

	@Test
	void rangesAreNearlyEqualContiguousAndTheLastIsOpenEnded() {
		assertThat(LoadPartition.split(10, 3)).containsExactly(new LoadPartition(0, 0, 4L), new LoadPartition(1, 4, 7L),
				new LoadPartition(2, 7, null));
	}

	@Test
	void aFileOfFewerRecordsThanPartitionsGetsOneRangePerRecordAndAnEmptyOneARange() {
		assertThat(LoadPartition.split(2, 5)).containsExactly(new LoadPartition(0, 0, 1L),
				new LoadPartition(1, 1, null));
		assertThat(LoadPartition.split(0, 3)).containsExactly(new LoadPartition(0, 0, null));
	}

	@Test
	void aPartitionStepFindsItsPartitionInItsName() {
		assertThat(LoadPartition.indexOf("loadPartition:partition12")).isEqualTo(12);
		assertThat(new LoadPartition(3, 0, null).name()).isEqualTo("partition3");
		assertThatIllegalStateException().isThrownBy(() -> LoadPartition.indexOf("load"))
			.withMessageContaining("step load is not a partition");
	}

}
