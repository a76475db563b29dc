package org.incidentintel.etl.read;

import java.io.StringReader;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class RecordingReaderTests {

	@Test
	void keepsTheTextFromTheMarkOnAndRewinds() throws Exception {
		RecordingReader reader = new RecordingReader(new StringReader("abcdef"));
		char[] buffer = new char[4];

		assertThat(reader.read(buffer)).isEqualTo(4);
		reader.keepFrom(2);
		assertThat(reader.text(2, 4)).isEqualTo("cd");
		reader.rewind(3);
		assertThat((char) reader.read()).isEqualTo('d');
		assertThat(reader.charAt(5)).isEqualTo('f');
		assertThat(reader.charAt(6)).isEqualTo(-1);
		assertThatIllegalStateException().isThrownBy(() -> reader.rewind(1));
	}

	@Test
	void givesBackTheRoomOfAHugeRecord() throws Exception {
		String text = "x".repeat(4_000_000) + "\n" + "y".repeat(1_000_000);
		RecordingReader reader = new RecordingReader(new StringReader(text));
		char[] buffer = new char[8192];
		while (reader.position() < 4_000_001) {
			reader.read(buffer, 0, (int) Math.min(buffer.length, 4_000_001 - reader.position()));
		}
		assertThat(reader.capacity()).isGreaterThan(4_000_000);

		reader.keepFrom(4_000_001);
		while (reader.read(buffer) > 0) {
			reader.keepFrom(reader.position());
		}

		assertThat(reader.capacity()).isLessThan(1_000_000);
	}

}
