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
	void aReopenedReaderGoesOnAfterTheLastOutcomeHandedOut() throws Exception {
		ExecutionContext context = new ExecutionContext();
		ProcessingReader first = reader("PAK");
		first.open(context);
		List<String> handedOut = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			handedOut.add(id(first.read()));
		}
		assertThat(handedOut).containsExactly("900001", "900002", "900003");
		first.update(context);
		first.close();
		assertThat(context.getLong(SourceRowItemReader.RECORDS_READ)).isEqualTo(3);

		ProcessingReader second = reader("PAK");
		second.open(context);
		List<String> rest = new ArrayList<>();
		for (LoadOutcome outcome = second.read(); outcome != null; outcome = second.read()) {
			rest.add(id(outcome));
		}
		second.update(context);
		second.close();
		assertThat(rest).containsExactly("900004", "900005", "900006", "900007", "900008");
		// the last row (DR Congo) is filtered out, and still consumed
		assertThat(context.getLong(SourceRowItemReader.RECORDS_READ)).isEqualTo(9);
	}

	@Test
	void filteredRowsBeforeAnOutcomeAreConsumedWithIt() throws Exception {
		ExecutionContext context = new ExecutionContext();
		ProcessingReader reader = reader("COD");
		reader.open(context);
		assertThat(id(reader.read())).isEqualTo("900009");
		reader.update(context);
		assertThat(context.getLong(SourceRowItemReader.RECORDS_READ)).isEqualTo(9);
		assertThat(reader.read()).isNull();
		reader.close();
	}

	@Test
	void closingBeforeTheEndStopsTheProcessingThread() throws Exception {
		ProcessingReader reader = reader("PAK");
		reader.open(new ExecutionContext());
		assertThat(id(reader.read())).isEqualTo("900001");
		reader.close();
		assertThat(Thread.getAllStackTraces().keySet())
			.noneMatch((thread) -> thread.getName().equals("ingest-processing"));
	}

	private static ProcessingReader reader(String country) throws Exception {
		IngestSource source = IngestSource.resolve(SourceFile.of(FILE), "ucdp-ged", null, null);
		return new ProcessingReader(new SourceRowItemReader(source),
				new RowProcessor(source.format(), Resolvers.of(List.of(), List.of()), country));
	}

	private static String id(LoadOutcome outcome) {
		return ((Accepted) outcome).record().sourceRecordId();
	}

}
