package org.incidentintel.etl.load;

/**
 * How far the load's reader has got: the source rows and bytes of the file consumed up to
 * the last row handed to the step, and where this attempt started. The step's reader
 * writes it; the progress lines read it on their own timer, so that a line comes on time
 * even while a chunk is being written.
 */
final class ReaderPosition {

	private volatile long rows;

	private volatile long bytes = -1;

	private volatile long rowsAtStart;

	private volatile long bytesAtStart;

	private volatile long fileSize = -1;

	/** An attempt starts reading, past the rows an earlier attempt consumed. */
	void started(long rows, long bytes, long fileSize) {
		this.rowsAtStart = rows;
		this.bytesAtStart = bytes;
		this.fileSize = fileSize;
		delivered(rows, bytes);
	}

	/** Rows and bytes consumed up to the row just handed to the step. */
	void delivered(long rows, long bytes) {
		this.bytes = bytes;
		this.rows = rows;
	}

	ProgressLines.Reading reading(long rejected) {
		return new ProgressLines.Reading(this.rows, this.rowsAtStart, this.bytes, this.bytesAtStart, this.fileSize,
				rejected);
	}

}
