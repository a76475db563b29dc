package org.incidentintel.etl.read;

import java.io.Closeable;
import java.util.List;

/**
 * Streams the records of one source file, one {@link SourceRow} at a time, never holding
 * the whole file in memory.
 */
public interface TabularReader extends Closeable {

	/** The column names, in file order, as the file's header gives them. */
	List<String> header();

	/** The next record, or null at the end of the file. */
	SourceRow next() throws UnreadableRowException;

	/**
	 * Bytes of the file read so far (the reader's buffer ahead of the rows included), or
	 * -1 when the reader cannot tell: a workbook is read through its zip directory.
	 */
	default long bytesRead() {
		return -1;
	}

	@Override
	void close();

}
