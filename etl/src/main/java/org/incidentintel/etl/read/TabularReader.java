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

	@Override
	void close();

}
