package org.incidentintel.etl.load;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

/**
 * Reads and processes the file's rows on a thread of its own, a few chunks ahead of the
 * step, so that parsing, normalizing and resolving the next rows overlaps with writing
 * the current chunk (on two cores, the two halves of the work then run side by side).
 * <p>
 * Restart safety: {@link #rowsConsumed()} is the number of source rows consumed up to the
 * last outcome handed to the step, never the rows processed ahead; the writer saves it in
 * each chunk's {@link LoadCheckpoint}, and a restarted load starts after it.
 */
class ProcessingReader implements ItemStreamReader<LoadOutcome> {

	/** Outcomes processed ahead of the step, at most. */
	static final int AHEAD = 4096;

	private final SourceRowItemReader rows;

	private final RowProcessor processor;

	private final long startAt;

	private final BlockingQueue<Ahead> queue = new ArrayBlockingQueue<>(AHEAD);

	private Thread worker;

	private final ReaderPosition position;

	private long delivered;

	private boolean finished;

	/**
	 * @param startAt source rows an earlier attempt of this run consumed (its checkpoint)
	 */
	ProcessingReader(SourceRowItemReader rows, RowProcessor processor, long startAt) {
		this(rows, processor, startAt, new ReaderPosition());
	}

	/**
	 * @param startAt source rows an earlier attempt of this run consumed (its checkpoint)
	 * @param position where to show how far the reading has got (the progress lines)
	 */
	ProcessingReader(SourceRowItemReader rows, RowProcessor processor, long startAt, ReaderPosition position) {
		this.rows = rows;
		this.processor = processor;
		this.startAt = startAt;
		this.position = position;
	}

	@Override
	public void open(ExecutionContext executionContext) {
		this.rows.open(this.startAt);
		this.delivered = this.rows.recordsRead();
		this.position.started(this.delivered, this.rows.bytesRead(), this.rows.fileSize());
		this.finished = false;
		this.queue.clear();
		this.worker = new Thread(this::work, "ingest-processing");
		this.worker.setDaemon(true);
		this.worker.start();
	}

	private void work() {
		try {
			while (!Thread.currentThread().isInterrupted()) {
				LoadItem item = this.rows.read();
				if (item == null) {
					this.queue.put(new Ahead(null, this.rows.recordsRead(), this.rows.bytesRead(), null));
					return;
				}
				LoadOutcome outcome = this.processor.process(item);
				if (outcome != null) {
					this.queue.put(new Ahead(outcome, this.rows.recordsRead(), this.rows.bytesRead(), null));
				}
			}
		}
		catch (InterruptedException ex) {
			// the step closed the reader
		}
		catch (RuntimeException | Error ex) {
			this.queue.offer(new Ahead(null, this.rows.recordsRead(), this.rows.bytesRead(), ex));
		}
	}

	@Override
	public LoadOutcome read() throws InterruptedException {
		if (this.finished) {
			return null;
		}
		Ahead next = this.queue.take();
		if (next.failure() != null) {
			this.finished = true;
			if (next.failure() instanceof RuntimeException ex) {
				throw ex;
			}
			throw (Error) next.failure();
		}
		this.delivered = next.rowsConsumed();
		this.position.delivered(next.rowsConsumed(), next.bytesConsumed());
		if (next.outcome() == null) {
			this.finished = true;
		}
		return next.outcome();
	}

	/**
	 * Source rows consumed up to the last outcome handed to the step. Public: the step
	 * scope's proxy forwards only public methods.
	 */
	public long rowsConsumed() {
		return this.delivered;
	}

	/** For the progress lines only. */
	@Override
	public void update(ExecutionContext executionContext) {
		executionContext.putLong(SourceRowItemReader.RECORDS_READ, this.delivered);
	}

	@Override
	public void close() {
		if (this.worker != null) {
			this.worker.interrupt();
			try {
				this.worker.join();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new ItemStreamException("interrupted while stopping the processing thread", ex);
			}
			this.worker = null;
		}
		this.queue.clear();
		this.rows.close();
	}

	/**
	 * An outcome processed ahead (null at the end of the file), with the source rows and
	 * bytes consumed up to it, or the failure that stopped the processing.
	 */
	private record Ahead(LoadOutcome outcome, long rowsConsumed, long bytesConsumed, Throwable failure) {

	}

}
