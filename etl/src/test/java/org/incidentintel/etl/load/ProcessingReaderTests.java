package org.incidentintel.etl.load;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.incidentintel.etl.load.LoadOutcome.Accepted;
import org.incidentintel.etl.read.SourceFile;
import org.junit.jupiter.api.Test;

import org.springframework.batch.infrastructure.item.ExecutionContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The position a chunk saves is the source rows consumed up to the last outcome handed to
 * the step, filtered rows included, however far the processing thread has read ahead.
 */
class ProcessingReaderTests {

	private static final Path FILE = Path.of("src/test/resources/ucdp-ged/official.csv");

	@Test
	void aReaderStartedAtACheckpointGoesOnAfterTheLastOutcomeHandedOut() throws Exception {
		ProcessingReader first = reader("PAK", 0);
		first.open(new ExecutionContext());
		List<String> handedOut = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			handedOut.add(id(first.read()));
		}
		assertThat(handedOut).containsExactly("900001", "900002", "900003");
		long checkpoint = first.rowsConsumed();
		first.close();
		assertThat(checkpoint).isEqualTo(3);

		ProcessingReader second = reader("PAK", checkpoint);
		second.open(new ExecutionContext());
		List<String> rest = new ArrayList<>();
		for (LoadOutcome outcome = second.read(); outcome != null; outcome = second.read()) {
			rest.add(id(outcome));
		}
		ExecutionContext progress = new ExecutionContext();
		second.update(progress);
		second.close();
		assertThat(rest).containsExactly("900004", "900005", "900006", "900007", "900008");
		// the last row (DR Congo) is filtered out, and still consumed
		assertThat(second.rowsConsumed()).isEqualTo(9);
		assertThat(progress.getLong(SourceRowItemReader.RECORDS_READ)).isEqualTo(9);
	}

	@Test
	void filteredRowsBeforeAnOutcomeAreConsumedWithIt() throws Exception {
		ProcessingReader reader = reader("COD", 0);
		reader.open(new ExecutionContext());
		assertThat(id(reader.read())).isEqualTo("900009");
		assertThat(reader.rowsConsumed()).isEqualTo(9);
		assertThat(reader.read()).isNull();
		reader.close();
	}

	@Test
	void closingBeforeTheEndStopsTheProcessingThread() throws Exception {
		ProcessingReader reader = reader("PAK", 0);
		reader.open(new ExecutionContext());
		assertThat(id(reader.read())).isEqualTo("900001");
		reader.close();
		assertThat(Thread.getAllStackTraces().keySet())
			.noneMatch((thread) -> thread.getName().equals("ingest-processing"));
	}

	private static ProcessingReader reader(String country, long startAt) throws Exception {
		IngestSource source = IngestSource.resolve(SourceFile.of(FILE), "ucdp-ged", null, null);
		return new ProcessingReader(new SourceRowItemReader(source),
				new RowProcessor(source.format(), Resolvers.of(List.of(), List.of()), country), startAt);
	}

	private static String id(LoadOutcome outcome) {
		return ((Accepted) outcome).record().sourceRecordId();
	}

}
