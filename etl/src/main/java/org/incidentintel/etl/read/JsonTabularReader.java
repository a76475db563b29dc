package org.incidentintel.etl.read;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the objects of a JSON file with Jackson's streaming parser, one at a time: a
 * top-level array of objects, a UCDP API page (an object whose {@code Result} array holds
 * the records) or several pages one after another (as {@code pull ucdp} keeps them), or
 * newline-delimited objects.
 * <p>
 * Each object becomes a row of its scalar fields as text (numbers as written, exponents
 * spelled out; booleans {@code true}/{@code false}; a null field is absent) and of its
 * nested objects and arrays as their JSON text. The header is the keys of the first
 * object; later objects may have more. The line number is the line where the object
 * starts, the raw text the object's JSON as written. JSON cannot be resynchronized after
 * a syntax error, so a broken object is reported as an {@link UnreadableRowException} and
 * ends the file.
 */
public final class JsonTabularReader implements TabularReader {

	/** The array holding the records in a UCDP API page. */
	static final String PAGE_RESULT = "Result";

	private static final int MAX_UNREADABLE_TEXT = 100_000;

	private static final String NOT_FLAT = "; expected an array of flat records (one JSON object per row)";

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private final String fileName;

	private final Layout layout;

	private final CountingInputStream bytes;

	private final RecordingReader input;

	private final JsonParser parser;

	private final List<String> header;

	private boolean finished;

	private Parsed pending;

	private UnreadableRowException pendingFailure;

	/**
	 * Opens the file and reads its first object for the header.
	 * @throws BadHeaderException when the file is empty or holds no objects
	 */
	public JsonTabularReader(SourceFile file) throws IOException {
		this.fileName = file.displayName();
		this.layout = probe(file);
		this.bytes = new CountingInputStream(file.openStream());
		this.input = new RecordingReader(file.openReader(this.bytes));
		try {
			this.parser = MAPPER.createParser(this.input);
			List<String> keys = List.of();
			try {
				enterRecords();
				this.pending = readObject();
				if (this.pending != null) {
					keys = this.pending.keys();
				}
			}
			catch (UnreadableRowException ex) {
				if (ex.getCause() instanceof StreamConstraintsException || this.firstNotAnObject) {
					// no first record, so no header: say why rather than "0 columns"
					throw new BadHeaderException(this.fileName, ex.getMessage(), ex);
				}
				this.pendingFailure = ex;
			}
			this.header = List.copyOf(keys);
		}
		catch (RuntimeException ex) {
			this.input.close();
			throw ex;
		}
	}

	@Override
	public List<String> header() {
		return this.header;
	}

	@Override
	public SourceRow next() throws UnreadableRowException {
		if (this.pendingFailure != null) {
			UnreadableRowException failure = this.pendingFailure;
			this.pendingFailure = null;
			throw failure;
		}
		Parsed parsed = this.pending;
		this.pending = null;
		if (parsed == null) {
			parsed = readObject();
		}
		return (parsed != null) ? parsed.row() : null;
	}

	@Override
	public long bytesRead() {
		return this.bytes.count();
	}

	@Override
	public void close() {
		try {
			this.parser.close();
			this.input.close();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (JacksonException ex) {
			// closing a broken parser: nothing left to report
		}
	}

	/** Moves the parser to just before the first record. */
	private void enterRecords() throws UnreadableRowException {
		try {
			switch (this.layout) {
				case ARRAY -> this.parser.nextToken();
				case PAGE -> {
					this.parser.nextToken();
					enterResult();
				}
				case OBJECTS -> {
				}
			}
		}
		catch (JacksonException ex) {
			throw unreadable(ex, 0, 1);
		}
	}

	/**
	 * Moves the parser from inside a page object to just inside its {@code Result} array.
	 * @return false when the page has none (the parser is then past the page)
	 */
	private boolean enterResult() {
		while (this.parser.nextToken() == JsonToken.PROPERTY_NAME) {
			String name = this.parser.currentName();
			JsonToken value = this.parser.nextToken();
			if (PAGE_RESULT.equals(name) && value == JsonToken.START_ARRAY) {
				return true;
			}
			this.parser.skipChildren();
		}
		return false;
	}

	/**
	 * After a page's {@code Result} array: skips the rest of the page and enters the next
	 * page's records.
	 * @return false when no page follows
	 */
	private boolean nextPage() {
		while (this.parser.nextToken() == JsonToken.PROPERTY_NAME) {
			this.parser.nextToken();
			this.parser.skipChildren();
		}
		while (this.parser.nextToken() == JsonToken.START_OBJECT) {
			if (enterResult()) {
				return true;
			}
		}
		return false;
	}

	private int records;

	/** Whether the first record read was not an object (so there is no header). */
	private boolean firstNotAnObject;

	/** The next object, or null after the last. */
	private Parsed readObject() throws UnreadableRowException {
		if (this.finished) {
			return null;
		}
		long start = -1;
		int line = 0;
		try {
			JsonToken token = this.parser.nextToken();
			while (token == JsonToken.END_ARRAY && this.layout == Layout.PAGE && nextPage()) {
				token = this.parser.nextToken();
			}
			if (token == null || token == JsonToken.END_ARRAY) {
				this.finished = true;
				return null;
			}
			TokenStreamLocation at = this.parser.currentTokenLocation();
			start = at.getCharOffset();
			// The record's position, not its text line: API pages are minified onto one
			// line.
			line = ++this.records;
			if (token != JsonToken.START_OBJECT) {
				this.firstNotAnObject = (line == 1);
				this.parser.skipChildren();
				long end = this.parser.currentLocation().getCharOffset();
				String text = this.input.text(start, end);
				this.input.keepFrom(end);
				throw new UnreadableRowException(line, text, "Expected a JSON object as record " + line + " but found "
						+ describe(token) + " at line " + at.getLineNr() + ", column " + at.getColumnNr() + NOT_FLAT,
						null);
			}
			List<String> keys = new ArrayList<>();
			Map<String, String> values = new LinkedHashMap<>();
			while (this.parser.nextToken() == JsonToken.PROPERTY_NAME) {
				String name = this.parser.currentName();
				keys.add(name);
				String value = value(this.parser.nextToken());
				if (value != null) {
					values.put(name, value);
				}
				else {
					values.remove(name);
				}
			}
			long end = this.parser.currentLocation().getCharOffset();
			String text = this.input.text(start, end);
			this.input.keepFrom(end);
			return new Parsed(keys, new SourceRow(line, values, text, true));
		}
		catch (JacksonException ex) {
			throw unreadable(ex, start, line);
		}
	}

	private String value(JsonToken token) {
		return switch (token) {
			case VALUE_STRING, VALUE_NUMBER_INT -> this.parser.getString();
			case VALUE_NUMBER_FLOAT -> plainNumber(this.parser.getString());
			case VALUE_TRUE -> "true";
			case VALUE_FALSE -> "false";
			case VALUE_NULL -> null;
			case START_OBJECT, START_ARRAY -> {
				long start = this.parser.currentTokenLocation().getCharOffset();
				this.parser.skipChildren();
				yield this.input.text(start, this.parser.currentLocation().getCharOffset());
			}
			default -> this.parser.getString();
		};
	}

	/** A broken object ends the file: JSON gives no way to find the next one. */
	private UnreadableRowException unreadable(JacksonException ex, long start, int line) {
		this.finished = true;
		TokenStreamLocation location = ex.getLocation();
		if (location == null) {
			// a StreamConstraintsException has none: the parser stopped where it broke
			location = this.parser.currentLocation();
		}
		long end = (location != null && location.getCharOffset() >= 0) ? location.getCharOffset() : this.input.end();
		int errorLine = (location != null && location.getLineNr() > 0) ? location.getLineNr() : line;
		long from = (start >= 0) ? start : end;
		String text = this.input.text(from, Math.min(Math.max(end, from), from + MAX_UNREADABLE_TEXT));
		String message;
		if (ex instanceof StreamConstraintsException) {
			int column = (location != null) ? location.getColumnNr() : -1;
			message = "JSON nested too deeply at line " + errorLine + ((column > 0) ? ", column " + column : "")
					+ ": more than " + this.parser.streamReadConstraints().getMaxNestingDepth()
					+ " levels of arrays and objects, Jackson's limit" + NOT_FLAT;
		}
		else {
			message = "Unreadable JSON at line " + errorLine + ": " + ex.getOriginalMessage();
		}
		return new UnreadableRowException((line > 0) ? line : errorLine, text, message, ex);
	}

	static String plainNumber(String text) {
		if (text.indexOf('e') < 0 && text.indexOf('E') < 0) {
			return text;
		}
		try {
			return new BigDecimal(text).stripTrailingZeros().toPlainString();
		}
		catch (NumberFormatException ex) {
			return text;
		}
	}

	private static String describe(JsonToken token) {
		return switch (token) {
			case START_ARRAY -> "an array";
			case VALUE_STRING -> "a string";
			case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
			case VALUE_TRUE, VALUE_FALSE -> "a boolean";
			case VALUE_NULL -> "null";
			default -> token.name();
		};
	}

	/** Finds out how the records are laid out, from the first top-level value. */
	private static Layout probe(SourceFile file) throws IOException {
		try (Reader reader = file.openReader(); JsonParser probe = MAPPER.createParser(reader)) {
			JsonToken first;
			try {
				first = probe.nextToken();
			}
			catch (JacksonException ex) {
				throw new BadHeaderException(file.displayName(), "not JSON: " + ex.getOriginalMessage(), ex);
			}
			if (first == null) {
				throw new BadHeaderException(file.displayName(), "the file is empty: no JSON objects");
			}
			if (first == JsonToken.START_ARRAY) {
				return Layout.ARRAY;
			}
			if (first != JsonToken.START_OBJECT) {
				throw new BadHeaderException(file.displayName(),
						"expected an array of objects or JSON objects but found " + describe(first));
			}
			try {
				while (probe.nextToken() == JsonToken.PROPERTY_NAME) {
					String name = probe.currentName();
					JsonToken value = probe.nextToken();
					if (PAGE_RESULT.equals(name) && value == JsonToken.START_ARRAY) {
						return Layout.PAGE;
					}
					probe.skipChildren();
				}
			}
			catch (JacksonException ex) {
				// a broken first object: reading it again reports it as an unreadable row
			}
			return Layout.OBJECTS;
		}
	}

	private enum Layout {

		/** {@code [{...}, {...}]} */
		ARRAY,

		/**
		 * {@code {"TotalCount": .., "Result": [{...}, {...}]}}, possibly followed by more
		 * pages
		 */
		PAGE,

		/** {@code {...}\n{...}} */
		OBJECTS

	}

	private record Parsed(List<String> keys, SourceRow row) {
	}

}
