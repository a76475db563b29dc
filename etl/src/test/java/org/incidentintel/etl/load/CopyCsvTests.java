package org.incidentintel.etl.load;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CopyCsvTests {

	@Test
	void textIsQuotedAndNullIsEmpty() {
		StringBuilder csv = new StringBuilder();
		CopyCsv.appendRow(csv, new Object[] { 1L, null, "", "say \"hi\", twice\nthen stop", 2.5, true, false });
		assertThat(csv).hasToString("1,,\"\",\"say \"\"hi\"\", twice\nthen stop\",2.5,t,f\n");
	}

	@Test
	void datesAreIsoAndTimestampsInstants() {
		StringBuilder csv = new StringBuilder();
		CopyCsv.appendRow(csv, new Object[] { Date.valueOf(LocalDate.of(2012, 3, 4)),
				Timestamp.from(Instant.parse("2026-11-28T16:00:00.123Z")) });
		assertThat(csv).hasToString("2012-03-04,2026-11-28T16:00:00.123Z\n");
	}

}
