package org.incidentintel.etl.read;

import java.io.IOException;
import java.io.Reader;
import java.util.Arrays;

/**
 * A reader that remembers what it handed out since the point it is told to keep from, so
 * that a parser reading ahead through it still lets us cut a record's exact text out of
 * the input, and rewind to a record boundary to restart a parser there. Memory holds the
 * text from that point on (one record plus the parser's read-ahead), never the whole
 * input.
 */
final class RecordingReader extends Reader {

	private static final int INITIAL_CAPACITY = 16 * 1024;

	private static final int CHUNK = 8 * 1024;

	private final Reader in;

	private char[] buffer = new char[INITIAL_CAPACITY];

	/** Absolute offset of {@code buffer[0]}. */
	private long bufferStart;

	/** Chars held in {@code buffer}. */
	private int count;

	/** Absolute offset of the next char {@link #read} hands out. */
	private long position;

	/** Absolute offset of the first char that must be kept. */
	private long kept;

	private boolean eof;

	RecordingReader(Reader in) {
		this.in = in;
	}

	@Override
	public int read(char[] target, int offset, int length) throws IOException {
		if (length == 0) {
			return 0;
		}
		if (this.position >= end() && !fill()) {
			return -1;
		}
		int n = (int) Math.min(length, end() - this.position);
		System.arraycopy(this.buffer, (int) (this.position - this.bufferStart), target, offset, n);
		this.position += n;
		return n;
	}

	@Override
	public int read() throws IOException {
		if (this.position >= end() && !fill()) {
			return -1;
		}
		return this.buffer[(int) (this.position++ - this.bufferStart)];
	}

	/**
	 * The char at an absolute offset at or after the kept point, reading more input if
	 * needed, or -1 past the end of the input.
	 */
	int charAt(long offset) throws IOException {
		while (offset >= end()) {
			if (!fill()) {
				return -1;
			}
		}
		return this.buffer[(int) (offset - this.bufferStart)];
	}

	/** The text between two absolute offsets at or after the kept point. */
	String text(long from, long to) {
		long start = Math.max(from, this.bufferStart);
		long stop = Math.min(to, end());
		if (stop <= start) {
			return "";
		}
		return new String(this.buffer, (int) (start - this.bufferStart), (int) (stop - start));
	}

	/** Absolute offset of the next char {@link #read} hands out. */
	long position() {
		return this.position;
	}

	/** Absolute offset just past the input read so far. */
	long end() {
		return this.bufferStart + this.count;
	}

	/** Lets go of everything before this absolute offset. */
	void keepFrom(long offset) {
		this.kept = offset;
	}

	/** Makes {@link #read} go on from an absolute offset at or after the kept point. */
	void rewind(long offset) {
		if (offset < this.kept || offset < this.bufferStart) {
			throw new IllegalStateException("Cannot rewind before what is kept: " + offset);
		}
		this.position = offset;
	}

	/** Chars held in memory, for tests. */
	int capacity() {
		return this.buffer.length;
	}

	private boolean fill() throws IOException {
		if (this.eof) {
			return false;
		}
		if (this.buffer.length - this.count < CHUNK) {
			makeRoom();
		}
		int n = this.in.read(this.buffer, this.count, this.buffer.length - this.count);
		if (n < 0) {
			this.eof = true;
			return false;
		}
		this.count += n;
		return true;
	}

	private void makeRoom() {
		int discard = (int) (Math.min(this.kept, this.position) - this.bufferStart);
		if (discard > 0) {
			System.arraycopy(this.buffer, discard, this.buffer, 0, this.count - discard);
			this.count -= discard;
			this.bufferStart += discard;
		}
		if (this.buffer.length - this.count < CHUNK) {
			this.buffer = Arrays.copyOf(this.buffer, Math.max(this.buffer.length * 2, this.count + CHUNK));
		}
		else if (this.buffer.length > 4 * INITIAL_CAPACITY && this.count < this.buffer.length / 8) {
			// give back the room a huge record needed once
			this.buffer = Arrays.copyOf(this.buffer, Math.max(INITIAL_CAPACITY, this.count * 2 + CHUNK));
		}
	}

	@Override
	public void close() throws IOException {
		this.in.close();
	}

}
