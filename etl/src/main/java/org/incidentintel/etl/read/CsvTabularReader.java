package org.incidentintel.etl.read;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.commons.csv.CSVException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads an RFC 4180 CSV file (CRLF, LF or CR line endings, quoted line breaks) with
 * Commons CSV, one record at a time, and keeps each record's exact text and first line
 * for the rejects table.
 * <p>
 * The header row gives the column names (trimmed). A row of HXL hashtags right after it
 * (HDX exports) is skipped, and so is a trailing empty column name left by a trailing
 * comma on every line, with the matching empty cell of each row. A short row comes back
 * with the cells it has and {@code complete = false}; cells beyond the header come back
 * as {@code _extra1}, {@code _extra2}, ... Blank lines are skipped. A record that cannot
 * be parsed (broken quoting) is reported as an {@link UnreadableRowException} and reading
 * goes on at the next line after it.
 */
public final class CsvTabularReader implements TabularReader {

	private static final String EXTRA_PREFIX = "_extra";

	/**
	 * An unterminated quote swallows the rest of the file: the reject keeps only its
	 * start.
	 */
	static final int MAX_UNREADABLE_TEXT = 100_000;

	/** How Commons CSV says a quoted cell ran to the end of the input. */
	private static final String UNCLOSED_QUOTE = "EOF reached before encapsulated token finished";

	private final String fileName;

	private final CountingInputStream bytes;

	private final RecordingReader input;

	private final CSVFormat format;

	private final char delimiter;

	private final List<String> header;

	/** Cells in the header row as written, trailing empty names included. */
	private final int rawHeaderWidth;

	private CSVParser parser;

	private Iterator<CSVRecord> records;

	/** Where the next record starts: absolute char offset and physical line. */
	private long nextOffset;

	private long nextLine = 1;

	private boolean exhausted;

	private boolean closed;

	/** A record read ahead while looking for the HXL row. */
	private RawRecord pending;

	private UnreadableRowException pendingFailure;

	/** Reads with the delimiter detected from the header line. */
	public CsvTabularReader(SourceFile file) throws IOException {
		this(file, ReaderOptions.defaults());
	}

	/**
	 * Reads with the given options (delimiter, lines to skip above the header; the
	 * encoding option is the caller's business, see {@link TabularReaders}).
	 * @throws BadHeaderException when the file has no header row or repeats a column name
	 */
	public CsvTabularReader(SourceFile file, ReaderOptions options) throws IOException {
		this.fileName = file.displayName();
		this.bytes = new CountingInputStream(file.openStream());
		this.input = new RecordingReader(file.openReader(this.bytes));
		try {
			skipLines(options.headerRowOffset());
			this.delimiter = (options.delimiter() != null) ? options.delimiter() : detectDelimiter();
			this.format = CSVFormat.RFC4180.builder()
				.setDelimiter(this.delimiter)
				.setIgnoreEmptyLines(false)
				.setIgnoreSurroundingSpaces(false)
				.get();
			startParser();
			RawRecord headerRecord = readHeaderRecord();
			this.rawHeaderWidth = headerRecord.cells().size();
			this.header = columnNames(headerRecord.cells());
			skipHxlRow();
		}
		catch (IOException | RuntimeException ex) {
			this.input.close();
			throw ex;
		}
	}

	@Override
	public List<String> header() {
		return this.header;
	}

	/** The delimiter in use, given or detected. */
	public char delimiter() {
		return this.delimiter;
	}

	@Override
	public SourceRow next() throws UnreadableRowException {
		if (this.closed) {
			throw new IllegalStateException(this.fileName + " is closed");
		}
		if (this.pendingFailure != null) {
			UnreadableRowException failure = this.pendingFailure;
			this.pendingFailure = null;
			throw failure;
		}
		RawRecord record = this.pending;
		this.pending = null;
		if (record == null) {
			record = readRecord();
		}
		return (record != null) ? toRow(record) : null;
	}

	@Override
	public long bytesRead() {
		return this.bytes.count();
	}

	@Override
	public void close() {
		this.closed = true;
		try {
			this.input.close();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private SourceRow toRow(RawRecord record) {
		List<String> cells = record.cells();
		Map<String, String> values = new LinkedHashMap<>();
		int width = this.header.size();
		for (int i = 0; i < Math.min(width, cells.size()); i++) {
			values.put(this.header.get(i), cells.get(i));
		}
		int extra = 0;
		for (int i = width; i < cells.size(); i++) {
			// the empty cell under a dropped trailing empty column name is no extra
			if (i < this.rawHeaderWidth && cells.get(i).isEmpty()) {
				continue;
			}
			values.put(EXTRA_PREFIX + (++extra), cells.get(i));
		}
		return new SourceRow(record.line(), values, record.text(), cells.size() >= width);
	}

	private RawRecord readHeaderRecord() throws IOException {
		try {
			RawRecord record = readRecord();
			if (record == null) {
				throw new BadHeaderException(this.fileName, "the file is empty: no header row");
			}
			return record;
		}
		catch (UnreadableRowException ex) {
			throw new BadHeaderException(this.fileName,
					"the header row (line " + ex.lineNumber() + ") cannot be read: " + ex.getMessage(), ex);
		}
	}

	private List<String> columnNames(List<String> cells) {
		List<String> names = new ArrayList<>(cells.size());
		for (String cell : cells) {
			names.add(cell.replace("\uFEFF", "").trim());
		}
		int width = names.size();
		while (width > 1 && names.get(width - 1).isEmpty()) {
			width--;
		}
		names = new ArrayList<>(names.subList(0, width));
		for (int i = 0; i < names.size(); i++) {
			if (names.get(i).isEmpty()) {
				names.set(i, "_column" + (i + 1));
			}
		}
		Set<String> seen = new LinkedHashSet<>();
		Set<String> duplicates = new LinkedHashSet<>();
		for (String name : names) {
			if (!seen.add(name)) {
				duplicates.add(name);
			}
		}
		if (!duplicates.isEmpty()) {
			throw new BadHeaderException(this.fileName, "duplicate column names in the header: " + duplicates);
		}
		return List.copyOf(names);
	}

	private void skipHxlRow() {
		try {
			RawRecord next = readRecord();
			if (next != null && !isHxlRow(next.cells())) {
				this.pending = next;
			}
		}
		catch (UnreadableRowException ex) {
			this.pendingFailure = ex;
		}
	}

	private static boolean isHxlRow(List<String> cells) {
		boolean tagged = false;
		for (String cell : cells) {
			String value = cell.trim();
			if (value.isEmpty()) {
				continue;
			}
			if (!value.startsWith("#")) {
				return false;
			}
			tagged = true;
		}
		return tagged;
	}

	/** The next non-blank record, or null at the end of the input. */
	private RawRecord readRecord() throws UnreadableRowException {
		while (!this.exhausted) {
			long start = this.nextOffset;
			long line = this.nextLine;
			long linesBefore = this.parser.getCurrentLineNumber();
			CSVRecord record;
			try {
				if (!this.records.hasNext()) {
					this.exhausted = true;
					return null;
				}
				record = this.records.next();
			}
			catch (UncheckedIOException ex) {
				if (ex.getCause() instanceof CSVException syntax) {
					throw unreadable(start, line, linesBefore, syntax);
				}
				throw ex;
			}
			long end = advance(start, this.parser.getCurrentLineNumber() - linesBefore);
			List<String> cells = record.toList();
			String text = this.input.text(start, end);
			this.input.keepFrom(end);
			if (isBlank(cells)) {
				continue;
			}
			return new RawRecord(line, cells, withoutLineBreak(text));
		}
		return null;
	}

	/**
	 * Reports the record that broke the parser, from its start to the end of the line the
	 * parser stopped on, and restarts parsing after it.
	 */
	private UnreadableRowException unreadable(long start, long line, long linesBefore, CSVException ex) {
		try {
			// A quote that never closes runs to the end of the file: reject only the line
			// it opened in, and read on after it, so the rows below still load.
			boolean unclosedQuote = ex.getMessage() != null && ex.getMessage().contains(UNCLOSED_QUOTE);
			long end = advance(start, unclosedQuote ? 1 : this.parser.getCurrentLineNumber() - linesBefore);
			String text = withoutLineBreak(this.input.text(start, Math.min(end, start + MAX_UNREADABLE_TEXT)));
			this.input.keepFrom(end);
			this.input.rewind(end);
			startParser();
			// Commons CSV counts lines from where its parser started: leave its numbers
			// out
			String reason = ex.getMessage()
				.replaceFirst("^\\((start)?line [\\d,]+\\) ", "")
				.replaceFirst(" at line: [\\d,]+, position: [\\d,]+$", "");
			return new UnreadableRowException(line, text, "Unreadable CSV record at line " + line + ": " + reason, ex);
		}
		catch (IOException failure) {
			throw new UncheckedIOException(failure);
		}
	}

	/**
	 * Moves the next record's start past {@code lineBreaks} line breaks (CRLF counts
	 * once, as Commons CSV counts them) or to the end of the input, and returns that
	 * offset.
	 */
	private long advance(long start, long lineBreaks) {
		try {
			long offset = start;
			long found = 0;
			while (found < lineBreaks) {
				int c = this.input.charAt(offset);
				if (c < 0) {
					break;
				}
				offset++;
				if (c == '\n' || c == '\r') {
					found++;
					if (c == '\r' && this.input.charAt(offset) == '\n') {
						offset++;
					}
				}
			}
			this.nextOffset = offset;
			this.nextLine += found;
			return offset;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private void startParser() throws IOException {
		this.parser = CSVParser.builder().setReader(this.input).setFormat(this.format).get();
		this.records = this.parser.iterator();
	}

	private void skipLines(int lines) throws IOException {
		int skipped = 0;
		while (skipped < lines) {
			int c = this.input.read();
			if (c < 0) {
				break;
			}
			if (c == '\n' || c == '\r') {
				skipped++;
				if (c == '\r' && this.input.charAt(this.input.position()) == '\n') {
					this.input.read();
				}
			}
		}
		this.nextOffset = this.input.position();
		this.nextLine = 1 + skipped;
		this.input.keepFrom(this.nextOffset);
	}

	/**
	 * Comma, unless the header line has no comma outside quotes and more tabs or
	 * semicolons.
	 */
	private char detectDelimiter() throws IOException {
		int commas = 0;
		int semicolons = 0;
		int tabs = 0;
		boolean quoted = false;
		for (long offset = this.nextOffset;; offset++) {
			int c = this.input.charAt(offset);
			if (c < 0 || (!quoted && (c == '\n' || c == '\r')) || offset - this.nextOffset > 1_000_000) {
				break;
			}
			if (c == '"') {
				quoted = !quoted;
			}
			else if (!quoted) {
				switch (c) {
					case ',' -> commas++;
					case ';' -> semicolons++;
					case '\t' -> tabs++;
					default -> {
					}
				}
			}
		}
		if (commas == 0 && (tabs > 0 || semicolons > 0)) {
			return (tabs >= semicolons) ? '\t' : ';';
		}
		return ',';
	}

	private static boolean isBlank(List<String> cells) {
		for (String cell : cells) {
			if (!cell.isBlank()) {
				return false;
			}
		}
		return true;
	}

	private static String withoutLineBreak(String text) {
		if (text.endsWith("\r\n")) {
			return text.substring(0, text.length() - 2);
		}
		if (text.endsWith("\n") || text.endsWith("\r")) {
			return text.substring(0, text.length() - 1);
		}
		return text;
	}

	private record RawRecord(long line, List<String> cells, String text) {
	}

}
