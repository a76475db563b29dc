package org.incidentintel.etl.read;

import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;

/**
 * Opens the right {@link TabularReader} for a file: by its extension ({@code .csv},
 * {@code .tsv}, {@code .txt}: CSV; {@code .xlsx}: XLSX; {@code .json}, {@code .ndjson}:
 * JSON), or else by its first bytes (a zip: XLSX; {@code {} or {@code [}: JSON; anything
 * else: CSV).
 */
public final class TabularReaders {

	private TabularReaders() {
	}

	/** The file's kind of content, as {@link #open} decides it. */
	public enum Kind {

		CSV, XLSX, JSON

	}

	/**
	 * A reader for the file with these options; the options' encoding, when set,
	 * overrides the file's.
	 * @throws BadHeaderException when the file cannot be loaded at all (no header,
	 * duplicate columns, no such sheet)
	 * @throws IOException when the file cannot be read
	 */
	public static TabularReader open(SourceFile file, ReaderOptions options) throws IOException {
		SourceFile source = (options.encoding() != null && !options.encoding().isBlank())
				? file.withEncoding(options.encoding()) : file;
		return switch (kindOf(source)) {
			case XLSX -> new XlsxTabularReader(source, options);
			case JSON -> new JsonTabularReader(source);
			case CSV -> new CsvTabularReader(source, tsvDefault(source, options));
		};
	}

	/** What {@link #open} would read the file as. */
	public static Kind kindOf(SourceFile file) throws IOException {
		String name = file.displayName().toLowerCase(Locale.ROOT);
		if (name.endsWith(".csv") || name.endsWith(".tsv") || name.endsWith(".txt")) {
			return Kind.CSV;
		}
		if (name.endsWith(".xlsx")) {
			return Kind.XLSX;
		}
		if (name.endsWith(".json") || name.endsWith(".ndjson") || name.endsWith(".jsonl")) {
			return Kind.JSON;
		}
		return sniff(file);
	}

	private static Kind sniff(SourceFile file) throws IOException {
		byte[] head;
		try (InputStream in = file.openStream()) {
			head = in.readNBytes(4096);
		}
		if (head.length >= 2 && head[0] == 'P' && head[1] == 'K') {
			return Kind.XLSX;
		}
		String text = new String(head, file.detectedEncoding().bomLength(),
				head.length - Math.min(head.length, file.detectedEncoding().bomLength()), file.charset())
			.stripLeading();
		if (text.startsWith("{") || text.startsWith("[")) {
			return Kind.JSON;
		}
		return Kind.CSV;
	}

	private static ReaderOptions tsvDefault(SourceFile file, ReaderOptions options) {
		if (options.delimiter() == null && file.displayName().toLowerCase(Locale.ROOT).endsWith(".tsv")) {
			return options.withDelimiter('\t');
		}
		return options;
	}

}
