package org.incidentintel.etl.load;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How far the load's readers have got: for each reader (one, or one per partition of a
 * partitioned load), the source rows and bytes of the file consumed up to the last row
 * handed to its step, and where its attempt started. The readers write it; the progress
 * lines read the sum on their own timer, so that a line comes on time even while a chunk
 * is being written.
 */
final class ReaderPosition {

	private final Map<Integer, Slot> slots = new ConcurrentHashMap<>();

	/** Forgets the readers of the last load. */
	void clear() {
		this.slots.clear();
	}

	/** The position of one reader: partition {@code index}, or 0 for a whole file. */
	Slot slot(int index) {
		return this.slots.computeIfAbsent(index, (key) -> new Slot());
	}

	/**
	 * The readers' progress summed, each counted from the start of its range (so the sum
	 * of the partitions' bytes is a share of the file, as one reader's is).
	 */
	ProgressLines.Reading reading(long rejected) {
		long rows = 0;
		long rowsAtStart = 0;
		long bytes = 0;
		long bytesAtStart = 0;
		long fileSize = -1;
		boolean bytesKnown = !this.slots.isEmpty();
		for (Slot slot : this.slots.values()) {
			rows += slot.rows - slot.firstRow;
			rowsAtStart += slot.rowsAtStart - slot.firstRow;
			bytesKnown &= slot.bytes >= 0;
			bytes += slot.bytes - slot.firstBytes;
			bytesAtStart += slot.bytesAtStart - slot.firstBytes;
			fileSize = slot.fileSize;
		}
		return new ProgressLines.Reading(rows, rowsAtStart, bytesKnown ? bytes : -1, bytesKnown ? bytesAtStart : -1,
				fileSize, rejected);
	}

	/** One reader's position. */
	static final class Slot {

		private volatile long firstRow;

		private volatile long firstBytes;

		private volatile long rows;

		private volatile long bytes = -1;

		private volatile long rowsAtStart;

		private volatile long bytesAtStart;

		private volatile long fileSize = -1;

		/**
		 * An attempt starts reading, past the rows an earlier attempt consumed.
		 * @param firstRow the first row of the reader's range (0 for a whole file)
		 * @param firstBytes the bytes read up to it (0 for a whole file)
		 */
		void started(long firstRow, long firstBytes, long rows, long bytes, long fileSize) {
			this.firstRow = firstRow;
			this.firstBytes = firstBytes;
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

	}

}
