package org.incidentintel.etl.read;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler.SheetContentsHandler;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

/**
 * Reads one sheet of an XLSX workbook with POI's streaming (SAX) API, so that a workbook
 * of any size is read in constant memory (apart from its shared strings).
 * <p>
 * The first non-empty row is the header. Cells are mapped to it by column, a missing cell
 * reads as {@code ""} and an XLSX row is never short ({@code complete} is always true);
 * non-empty cells beyond the header come back as {@code _extra1}, {@code _extra2}, ...
 * Numbers come back as their plain value ({@code 39711}, {@code 199301220001},
 * {@code 12.5}) whatever their cell format, so a date is its Excel serial number: what a
 * number means is the mapping's business. The line number is the spreadsheet row number.
 * <p>
 * The SAX parse runs on its own thread and hands rows over through a small bounded queue;
 * {@link #close()} stops it mid-sheet.
 */
public final class XlsxTabularReader implements TabularReader {

	private static final int QUEUE_CAPACITY = 256;

	private static final String EXTRA_PREFIX = "_extra";

	private final String fileName;

	private final String sheetName;

	private final BlockingQueue<Item> queue = new ArrayBlockingQueue<>(QUEUE_CAPACITY);

	private final Thread parser;

	private volatile boolean closed;

	private boolean finished;

	private int lastRow;

	private final List<String> header;

	/** Reads the first sheet. */
	public XlsxTabularReader(SourceFile file) throws IOException {
		this(file, ReaderOptions.defaults());
	}

	/**
	 * Reads the sheet the options name (or the first), with its header after
	 * {@code headerRowOffset} rows.
	 * @throws BadHeaderException when there is no such sheet, no header row, or a column
	 * name is repeated
	 */
	public XlsxTabularReader(SourceFile file, ReaderOptions options) throws IOException {
		this.fileName = file.displayName();
		OPCPackage workbook;
		try {
			workbook = OPCPackage.open(file.path().toFile(), PackageAccess.READ);
		}
		catch (OpenXML4JException | RuntimeException ex) {
			throw new IOException(this.fileName + " is not a readable XLSX workbook: " + ex.getMessage(), ex);
		}
		InputStream sheet = null;
		try {
			XSSFReader reader = new XSSFReader(workbook);
			ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(workbook, false);
			XSSFReader.SheetIterator sheets = reader.getSheetIterator();
			List<String> names = new ArrayList<>();
			String found = null;
			while (sheets.hasNext() && found == null) {
				InputStream candidate = sheets.next();
				String name = sheets.getSheetName();
				names.add(name);
				if (options.sheetName() == null || options.sheetName().equals(name)) {
					sheet = candidate;
					found = name;
				}
				else {
					candidate.close();
				}
			}
			if (found == null) {
				throw new BadHeaderException(this.fileName,
						(options.sheetName() != null)
								? "no sheet named '" + options.sheetName() + "'; the workbook has " + names
								: "the workbook has no sheet");
			}
			this.sheetName = found;
			this.parser = new Thread(new SheetParser(workbook, sheet, strings), "xlsx-reader-" + this.fileName);
			this.parser.setDaemon(true);
		}
		catch (OpenXML4JException | SAXException ex) {
			closeQuietly(sheet);
			workbook.revert();
			throw new IOException(this.fileName + " is not a readable XLSX workbook: " + ex.getMessage(), ex);
		}
		catch (IOException | RuntimeException ex) {
			closeQuietly(sheet);
			workbook.revert();
			throw ex;
		}
		// from here on the parser thread owns the workbook and closes it
		this.parser.start();
		try {
			this.header = readHeader(options.headerRowOffset());
		}
		catch (IOException | RuntimeException ex) {
			close();
			throw ex;
		}
	}

	@Override
	public List<String> header() {
		return this.header;
	}

	/** The name of the sheet being read. */
	public String sheetName() {
		return this.sheetName;
	}

	@Override
	public SourceRow next() throws UnreadableRowException {
		while (!this.finished) {
			Item item = take();
			if (item instanceof Row row) {
				if (row.isBlank()) {
					continue;
				}
				this.lastRow = row.number();
				return toRow(row);
			}
			this.finished = true;
			if (item instanceof Failure failure) {
				throw unreadable(failure.cause());
			}
		}
		return null;
	}

	@Override
	public void close() {
		if (this.closed) {
			return;
		}
		this.closed = true;
		this.parser.interrupt();
		this.queue.clear();
		try {
			// the parser thread lets go of the file when it stops
			this.parser.join(TimeUnit.SECONDS.toMillis(10));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/** Whether the parser thread still runs, for tests. */
	boolean parsing() {
		return this.parser.isAlive();
	}

	private List<String> readHeader(int offset) throws IOException {
		while (true) {
			Item item = take();
			if (item instanceof Row row) {
				this.lastRow = row.number();
				if (row.number() > offset && !row.isBlank()) {
					return columnNames(row.cells());
				}
				continue;
			}
			this.finished = true;
			if (item instanceof Failure failure) {
				throw new IOException(
						this.fileName + ": cannot read sheet '" + this.sheetName + "': " + failure.cause().getMessage(),
						failure.cause());
			}
			throw new BadHeaderException(this.fileName, "sheet '" + this.sheetName + "' has no header row");
		}
	}

	private List<String> columnNames(List<String> cells) {
		List<String> names = new ArrayList<>(cells.size());
		for (String cell : cells) {
			names.add((cell != null) ? cell.replace("\uFEFF", "").trim() : "");
		}
		int width = names.size();
		while (width > 0 && names.get(width - 1).isEmpty()) {
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
			throw new BadHeaderException(this.fileName,
					"duplicate column names in the header of sheet '" + this.sheetName + "': " + duplicates);
		}
		return List.copyOf(names);
	}

	private SourceRow toRow(Row row) {
		List<String> cells = row.cells();
		Map<String, String> values = new LinkedHashMap<>();
		int width = this.header.size();
		for (int i = 0; i < width; i++) {
			String cell = (i < cells.size()) ? cells.get(i) : null;
			values.put(this.header.get(i), (cell != null) ? cell : "");
		}
		int extra = 0;
		for (int i = width; i < cells.size(); i++) {
			String cell = cells.get(i);
			if (cell != null && !cell.isEmpty()) {
				values.put(EXTRA_PREFIX + (++extra), cell);
			}
		}
		StringBuilder text = new StringBuilder();
		for (int i = 0; i < cells.size(); i++) {
			if (i > 0) {
				text.append('\t');
			}
			String cell = cells.get(i);
			text.append((cell != null) ? cell : "");
		}
		return new SourceRow(row.number(), values, text.toString(), true);
	}

	private UnreadableRowException unreadable(Throwable cause) {
		if (cause instanceof SAXException || cause instanceof OpenXML4JException) {
			return new UnreadableRowException(this.lastRow + 1, "",
					"Sheet '" + this.sheetName + "' is broken after row " + this.lastRow + ": " + cause.getMessage(),
					cause);
		}
		if (cause instanceof IOException io) {
			throw new UncheckedIOException(this.fileName + ": " + io.getMessage(), io);
		}
		throw new IllegalStateException(this.fileName + ": reading sheet '" + this.sheetName + "' failed", cause);
	}

	private Item take() {
		if (this.closed) {
			throw new IllegalStateException(this.fileName + " is closed");
		}
		try {
			return this.queue.take();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while reading " + this.fileName, ex);
		}
	}

	private static void closeQuietly(InputStream stream) {
		if (stream != null) {
			try {
				stream.close();
			}
			catch (IOException ex) {
				// nothing more to do for a stream we only opened to skip
			}
		}
	}

	/** The 0-based column of a cell reference such as {@code AB12}. */
	static int column(String cellReference) {
		int column = 0;
		for (int i = 0; i < cellReference.length(); i++) {
			char c = cellReference.charAt(i);
			if (c >= 'A' && c <= 'Z') {
				column = column * 26 + (c - 'A' + 1);
			}
			else if (c >= 'a' && c <= 'z') {
				column = column * 26 + (c - 'a' + 1);
			}
			else if (c != '$') {
				break;
			}
		}
		return column - 1;
	}

	/** A number as its plain decimal text: no grouping, no exponent, no {@code .0}. */
	static String plainNumber(double value) {
		if (Double.isNaN(value) || Double.isInfinite(value)) {
			return Double.toString(value);
		}
		if (value == Math.rint(value) && Math.abs(value) < 1e15) {
			return Long.toString((long) value);
		}
		return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
	}

	private sealed interface Item permits Row, End, Failure {

	}

	/** A sheet row: its 1-based number and its cells by column (null where missing). */
	private record Row(int number, List<String> cells) implements Item {

		boolean isBlank() {
			for (String cell : this.cells) {
				if (cell != null && !cell.isBlank()) {
					return false;
				}
			}
			return true;
		}

	}

	private record End() implements Item {

	}

	private record Failure(Throwable cause) implements Item {

	}

	/** Thrown out of the SAX callbacks to stop the parse when the reader is closed. */
	private static final class Stopped extends RuntimeException {

		Stopped() {
			super(null, null, false, false);
		}

	}

	/** Runs the SAX parse of the sheet and queues its rows. */
	private final class SheetParser implements Runnable, SheetContentsHandler {

		private final OPCPackage workbook;

		private final InputStream sheet;

		private final ReadOnlySharedStringsTable strings;

		private List<String> cells = new ArrayList<>();

		private int lastColumn = -1;

		SheetParser(OPCPackage workbook, InputStream sheet, ReadOnlySharedStringsTable strings) {
			this.workbook = workbook;
			this.sheet = sheet;
			this.strings = strings;
		}

		@Override
		public void run() {
			try {
				XMLReader xml = XMLHelper.newXMLReader();
				xml.setContentHandler(new XSSFSheetXMLHandler(new GeneralStyles(), this.strings, this,
						new PlainNumberFormatter(), false));
				xml.parse(new InputSource(this.sheet));
				put(new End());
			}
			catch (Stopped ex) {
				// closed by the reader
			}
			catch (Throwable ex) {
				try {
					put(new Failure(ex));
				}
				catch (Stopped stopped) {
					// closed by the reader
				}
			}
			finally {
				closeQuietly(this.sheet);
				this.workbook.revert();
			}
		}

		@Override
		public void startRow(int rowNum) {
			if (XlsxTabularReader.this.closed) {
				throw new Stopped();
			}
			this.cells = new ArrayList<>();
			this.lastColumn = -1;
		}

		@Override
		public void cell(String cellReference, String formattedValue, XSSFComment comment) {
			int column = (cellReference != null) ? column(cellReference) : this.lastColumn + 1;
			this.lastColumn = column;
			while (this.cells.size() < column) {
				this.cells.add(null);
			}
			if (this.cells.size() == column) {
				this.cells.add(formattedValue);
			}
			else {
				this.cells.set(column, formattedValue);
			}
		}

		@Override
		public void endRow(int rowNum) {
			put(new Row(rowNum + 1, this.cells));
		}

		private void put(Item item) {
			try {
				while (!XlsxTabularReader.this.queue.offer(item, 100, TimeUnit.MILLISECONDS)) {
					if (XlsxTabularReader.this.closed) {
						throw new Stopped();
					}
				}
			}
			catch (InterruptedException ex) {
				throw new Stopped();
			}
		}

	}

	/**
	 * Gives every number cell the General format, so that all numbers reach the
	 * {@link PlainNumberFormatter}, whatever the workbook's styles say (or lack).
	 */
	private static final class GeneralStyles extends StylesTable {

		@Override
		public XSSFCellStyle getStyleAt(int idx) {
			return super.getStyleAt(0);
		}

		@Override
		public int getNumCellStyles() {
			return 1;
		}

	}

	/** Formats a number cell as its plain value, ignoring its format. */
	private static final class PlainNumberFormatter extends DataFormatter {

		@Override
		public String formatRawCellContents(double value, int formatIndex, String formatString) {
			return plainNumber(value);
		}

		@Override
		public String formatRawCellContents(double value, int formatIndex, String formatString,
				boolean use1904Windowing) {
			return plainNumber(value);
		}

	}

}
