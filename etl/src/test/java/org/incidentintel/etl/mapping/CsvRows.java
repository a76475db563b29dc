package org.incidentintel.etl.mapping;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.incidentintel.etl.read.SourceRow;

/**
 * Reads a whole CSV file into {@link SourceRow}s with Commons CSV, for tests: a stand-in
 * until the streaming reader of {@code org.incidentintel.etl.read} is wired in.
 */
record CsvRows(List<String> header, List<SourceRow> rows) {

	static CsvRows read(Path file, Charset encoding) throws IOException {
		CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
		try (Reader reader = Files.newBufferedReader(file, encoding); CSVParser parser = format.parse(reader)) {
			List<String> header = parser.getHeaderNames();
			List<SourceRow> rows = new ArrayList<>();
			// The parser reads a record when asked for it, so its line count before the
			// call is where the next record starts
			long line = parser.getCurrentLineNumber() + 1;
			for (CSVRecord record : parser) {
				Map<String, String> values = new LinkedHashMap<>();
				for (int i = 0; i < Math.min(header.size(), record.size()); i++) {
					values.put(header.get(i), record.get(i));
				}
				rows.add(
						new SourceRow(line, values, String.join(",", record.values()), record.size() >= header.size()));
				line = parser.getCurrentLineNumber() + 1;
			}
			return new CsvRows(header, rows);
		}
	}

}
