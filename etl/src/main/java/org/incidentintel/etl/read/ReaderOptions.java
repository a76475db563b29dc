package org.incidentintel.etl.read;

/**
 * How to read a source file, as the command line or a mapping file says; every option may
 * be left unset (null or 0) for the reader's default.
 *
 * @param encoding charset name overriding detection ({@code UTF-8}, {@code windows-1252},
 * {@code cp1252}, {@code latin1}), or null to detect
 * @param delimiter CSV delimiter ({@code ','}, {@code ';'}, {@code '\t'}), or null to
 * detect it from the header line (comma unless the header line clearly uses another)
 * @param sheetName XLSX sheet to read, or null for the first
 * @param headerRowOffset how many leading lines (CSV) or rows (XLSX) to skip before the
 * header, e.g. a title above the table; ignored for JSON
 */
public record ReaderOptions(String encoding, Character delimiter, String sheetName, int headerRowOffset) {

	private static final ReaderOptions DEFAULTS = new ReaderOptions(null, null, null, 0);

	public ReaderOptions {
		if (delimiter != null && (delimiter == '"' || delimiter == '\r' || delimiter == '\n')) {
			throw new IllegalArgumentException("A delimiter cannot be a quote or a line break");
		}
		if (headerRowOffset < 0) {
			throw new IllegalArgumentException("headerRowOffset must not be negative: " + headerRowOffset);
		}
	}

	/** Everything detected or defaulted. */
	public static ReaderOptions defaults() {
		return DEFAULTS;
	}

	public ReaderOptions withEncoding(String encoding) {
		return new ReaderOptions(encoding, this.delimiter, this.sheetName, this.headerRowOffset);
	}

	public ReaderOptions withDelimiter(Character delimiter) {
		return new ReaderOptions(this.encoding, delimiter, this.sheetName, this.headerRowOffset);
	}

	/**
	 * The delimiter as typed on a command line: a single character, or {@code tab},
	 * {@code \t}, {@code comma}, {@code semicolon}; null or blank to detect.
	 */
	public ReaderOptions withDelimiter(String delimiter) {
		return withDelimiter(parseDelimiter(delimiter));
	}

	public ReaderOptions withSheetName(String sheetName) {
		return new ReaderOptions(this.encoding, this.delimiter, sheetName, this.headerRowOffset);
	}

	public ReaderOptions withHeaderRowOffset(int headerRowOffset) {
		return new ReaderOptions(this.encoding, this.delimiter, this.sheetName, headerRowOffset);
	}

	static Character parseDelimiter(String delimiter) {
		if (delimiter == null || delimiter.isEmpty()) {
			return null;
		}
		return switch (delimiter.toLowerCase(java.util.Locale.ROOT)) {
			case "tab", "\\t", "\t" -> '\t';
			case "comma" -> ',';
			case "semicolon" -> ';';
			case "pipe" -> '|';
			default -> {
				if (delimiter.length() != 1) {
					throw new IllegalArgumentException(
							"A delimiter is one character, 'tab' or 'semicolon': " + delimiter);
				}
				yield delimiter.charAt(0);
			}
		};
	}

}
