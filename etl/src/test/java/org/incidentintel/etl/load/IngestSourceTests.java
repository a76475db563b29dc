package org.incidentintel.etl.load;

import java.nio.file.Files;
import java.nio.file.Path;

import org.incidentintel.etl.read.BadHeaderException;
import org.incidentintel.etl.read.SourceFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A JSON file that is not an array of flat records is refused with what is wrong and
 * where, whether the format is named or detected, not as a header without columns.
 */
class IngestSourceTests {

	@TempDir
	Path dir;

	@Test
	void aDeeplyNestedJsonFileIsRefusedAsSuch() throws Exception {
		Path deep = Files.writeString(this.dir.resolve("deep.json"), "[".repeat(100_000));

		assertThatExceptionOfType(BadHeaderException.class)
			.isThrownBy(() -> IngestSource.resolve(SourceFile.of(deep), "ucdp-ged", null, null).checkHeader())
			.withMessageStartingWith("deep.json: JSON nested too deeply at line 1, column ")
			.withMessageNotContaining("columns:");
		assertThatExceptionOfType(BadHeaderException.class)
			.isThrownBy(() -> IngestSource.resolve(SourceFile.of(deep), null, null, null))
			.withMessageStartingWith("deep.json: JSON nested too deeply at line 1, column ");
	}

}
