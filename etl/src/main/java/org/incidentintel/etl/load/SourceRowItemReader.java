package org.incidentintel.etl.load;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.incidentintel.etl.read.BadHeaderException;
import org.incidentintel.etl.read.SourceRow;
import org.incidentintel.etl.read.TabularReader;
import org.incidentintel.etl.read.TabularReaders;
import org.incidentintel.etl.read.UnreadableRowException;

import org.springframework.batch.infrastructure.item.ItemStreamException;

/**
 * Streams a source file's rows into the load, from the first row or, for a restarted
 * load, after the rows its checkpoint says were consumed.
 */
class SourceRowItemReader {

	/** Rows consumed, in the step's execution context: what the progress lines show. */
	static final String RECORDS_READ = "incidentintel.reader.records";

	private final IngestSource source;

	private TabularReader reader;

	private long recordsRead;

	SourceRowItemReader(IngestSource source) {
		this.source = source;
	}

	/** Opens the file and skips the rows an earlier attempt of this run consumed. */
	void open(long alreadyRead) {
		try {
			this.reader = TabularReaders.open(this.source.file(), this.source.options());
		}
		catch (IOException ex) {
			throw new ItemStreamException("cannot open " + this.source.file().displayName() + ": " + ex.getMessage(),
					ex);
		}
		// Fails the step before any row is read when the file does not fit the format.
		// The command line checks this before a run starts; a restart may meet a new
		// file.
		try {
			this.source.format().checkHeader(this.reader.header());
		}
		catch (IllegalArgumentException ex) {
			// no cause: the run records the deepest cause's message, which lacks the file
			throw new BadHeaderException(this.source.file().displayName(), ex.getMessage());
		}
		while (this.recordsRead < alreadyRead && next() != null) {
			// skipping what an earlier attempt of this run has written
		}
	}

	LoadItem read() {
		return next();
	}

	private LoadItem next() {
		try {
			SourceRow row = this.reader.next();
			if (row == null) {
				return null;
			}
			this.recordsRead++;
			return new LoadItem.Row(row);
		}
		catch (UnreadableRowException ex) {
			this.recordsRead++;
			return new LoadItem.Unreadable(ex.lineNumber(), ex.rawText(), ex.getMessage());
		}
		catch (UncheckedIOException ex) {
			throw new ItemStreamException("cannot read " + this.source.file().displayName() + ": " + ex.getMessage(),
					ex);
		}
	}

	/** Source rows consumed so far, including skipped ones. */
	long recordsRead() {
		return this.recordsRead;
	}

	/** Bytes of the file read so far, or -1 when the reader cannot tell. */
	long bytesRead() {
		return (this.reader != null) ? this.reader.bytesRead() : -1;
	}

	long fileSize() {
		return this.source.file().size();
	}

	void close() {
		if (this.reader != null) {
			this.reader.close();
			this.reader = null;
		}
	}

}
